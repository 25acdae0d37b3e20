/** Runs that outlived their execution, on dynalite: listed, closed FAILED once, their locks released. */
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
let stores: ControlStores;
let n = 0;
let tenantId: string;
const accountId = '111122223333';
const error = { code: 'Interrupted', message: 'The crawl was interrupted.' };

beforeAll(async () => {
  dynamo = await startDynalite();
  stores = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `t${++n}`;
  await stores.tenants.createTenant({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
  await stores.accounts.linkAccount({ tenantId, accountId, roleArn: `arn:aws:iam::${accountId}:role/R`, regions: ['us-east-1'], now: '2026-01-01T00:00:00.000Z' });
});

const start = (ingestionId: string) =>
  stores.ingestions.startIngestion({ tenantId, accountId, ingestionId, regions: ['us-east-1'], startedAt: '2026-01-01T00:00:00.000Z' });

it('lists the open run, closes it FAILED with the reason, releases the lock, and lets the next run start', async () => {
  await start('ing-a');
  expect((await stores.ingestions.listOpenIngestions()).filter((r) => r.tenantId === tenantId)).toEqual([
    { tenantId, accountId, ingestionId: 'ing-a' },
    { tenantId, accountId, ingestionId: 'ing-a' },
  ]);
  expect(await stores.ingestions.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: '2026-01-01T01:00:00.000Z', error })).toEqual({ closed: true });
  expect(await stores.ingestions.getIngestion(tenantId, accountId, 'ing-a')).toMatchObject({ status: 'FAILED', finishedAt: '2026-01-01T01:00:00.000Z', errors: [error] });
  expect((await stores.accounts.getAccount(tenantId, accountId)).runningIngestionId).toBeUndefined();
  expect((await stores.ingestions.listOpenIngestions()).filter((r) => r.tenantId === tenantId)).toEqual([]);
  // a repeated close changes nothing, and Start now works at once
  expect(await stores.ingestions.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: 'later', error })).toEqual({ closed: false });
  await expect(start('ing-b')).resolves.toMatchObject({ status: 'RUNNING' });
});

it('never overwrites a run Finalize recorded, nor releases another run\'s lock', async () => {
  await start('ing-a');
  await stores.ingestions.finishIngestion({ tenantId, accountId, ingestionId: 'ing-a', status: 'SUCCEEDED', finishedAt: '2026-01-01T00:30:00.000Z' });
  await start('ing-b');
  expect(await stores.ingestions.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: 'late', error })).toEqual({ closed: false });
  expect(await stores.ingestions.getIngestion(tenantId, accountId, 'ing-a')).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  expect((await stores.accounts.getAccount(tenantId, accountId)).runningIngestionId).toBe('ing-b');
});
