/** Runs that outlived their execution, on dynalite: listed, closed FAILED once, their locks released. */
import { DynamoControlRepository } from '../../../lambdas/control/dynamo-control-repository';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
let repo: DynamoControlRepository;
let n = 0;
let tenantId: string;
const accountId = '111122223333';
const error = { code: 'Interrupted', message: 'The crawl was interrupted.' };

beforeAll(async () => {
  dynamo = await startDynalite();
  repo = new DynamoControlRepository(dynamo.documentClient, dynamo.controlTable);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `t${++n}`;
  await repo.createTenant({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
  await repo.linkAccount({ tenantId, accountId, roleArn: `arn:aws:iam::${accountId}:role/R`, regions: ['us-east-1'], now: '2026-01-01T00:00:00.000Z' });
});

const start = (ingestionId: string) =>
  repo.startIngestion({ tenantId, accountId, ingestionId, regions: ['us-east-1'], startedAt: '2026-01-01T00:00:00.000Z' });

it('lists the open run, closes it FAILED with the reason, releases the lock, and lets the next run start', async () => {
  await start('ing-a');
  expect((await repo.listOpenIngestions()).filter((r) => r.tenantId === tenantId)).toEqual([
    { tenantId, accountId, ingestionId: 'ing-a' },
    { tenantId, accountId, ingestionId: 'ing-a' },
  ]);
  expect(await repo.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: '2026-01-01T01:00:00.000Z', error })).toEqual({ closed: true });
  expect(await repo.getIngestion(tenantId, accountId, 'ing-a')).toMatchObject({ status: 'FAILED', finishedAt: '2026-01-01T01:00:00.000Z', errors: [error] });
  expect((await repo.getAccount(tenantId, accountId)).runningIngestionId).toBeUndefined();
  expect((await repo.listOpenIngestions()).filter((r) => r.tenantId === tenantId)).toEqual([]);
  // a repeated close changes nothing, and Start now works at once
  expect(await repo.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: 'later', error })).toEqual({ closed: false });
  await expect(start('ing-b')).resolves.toMatchObject({ status: 'RUNNING' });
});

it('never overwrites a run Finalize recorded, nor releases another run\'s lock', async () => {
  await start('ing-a');
  await repo.finishIngestion({ tenantId, accountId, ingestionId: 'ing-a', status: 'SUCCEEDED', finishedAt: '2026-01-01T00:30:00.000Z' });
  await start('ing-b');
  expect(await repo.abandonIngestion({ tenantId, accountId, ingestionId: 'ing-a', finishedAt: 'late', error })).toEqual({ closed: false });
  expect(await repo.getIngestion(tenantId, accountId, 'ing-a')).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  expect((await repo.getAccount(tenantId, accountId)).runningIngestionId).toBe('ing-b');
});
