import { accountsRoutes } from '../../../lambdas/api/accounts-routes';
import { apiHandler } from '../../../lambdas/api/api-handler';
import { ingestionsRoutes } from '../../../lambdas/api/ingestions-routes';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { RoleAssumptionError } from '../../../lambdas/control/errors';
import { newIngestionId } from '../../../lambdas/control/ids';
import type { IngestionStarter } from '../../../lambdas/control/ingestion-starter';
import type { RoleVerifier } from '../../../lambdas/control/role-verifier';
import { DynamoHealthStore } from '../../../lambdas/health/dynamo-health-store';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { discovered } from '../repository/asset-fixtures';
import { apiEvent, bodyOf, silentLogger } from './api-event';

let dynamo: LocalDynamo;
let control: ControlStores;
let inventory: InventoryStores;
let n = 0;
let tenantId: string;
const verified: Array<{ roleArn: string; externalId: string }> = [];
let verifierBehaviour: (roleArn: string) => { accountId: string };
const started: string[] = [];
let starterFails = false;

const verifier: RoleVerifier = {
  verify: async (roleArn, externalId) => {
    verified.push({ roleArn, externalId });
    return verifierBehaviour(roleArn);
  },
};
const starter: IngestionStarter = {
  start: async ({ ingestionId }) => {
    if (starterFails) throw new Error('SFN down');
    started.push(ingestionId);
    return `arn:aws:states:eu-west-1:000000000000:execution:crawl:${ingestionId}`;
  },
};

let accounts: ReturnType<typeof apiHandler>;
let ingestions: ReturnType<typeof apiHandler>;

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  inventory = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable);
  const healthStore = new DynamoHealthStore(dynamo.documentClient, dynamo.controlTable);
  const health = {
    store: healthStore,
    runs: healthStore,
    runner: { start: async () => undefined },
    newRunId: () => newIngestionId(),
    readerFor: () => ({ read: async () => Promise.reject(new Error('no EventBridge in this test')) }),
    tenantExternalId: async () => 'unused',
    now: () => new Date(),
    currentTemplateVersion: '1.0.0',
    baseUrl: () => 'https://api.example.com/v1',
  };
  const deps = { ...control, assets: inventory.assets, verifier, starter, now: () => new Date(), newIngestionId: () => newIngestionId(), health };
  accounts = apiHandler(accountsRoutes(deps), silentLogger);
  ingestions = apiHandler(ingestionsRoutes(deps), silentLogger);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `tenant-${++n}`;
  await control.tenants.createTenant({ tenantId, name: 'Acme', externalId: `ext-${n}-abcdef`, createdAt: new Date().toISOString() });
  verifierBehaviour = (roleArn) => ({ accountId: roleArn.split(':')[4] });
  starterFails = false;
});

const ROLE = 'arn:aws:iam::111122223333:role/custom/path/MyReadOnlyRole';
const post = (body: unknown, query?: Record<string, string>, extra: object = {}) =>
  accounts(apiEvent({ method: 'POST', resource: '/data-sources/aws/accounts', body, query, tenantId, ...extra }));
const account = (method: string, accountId: string, extra: object = {}) =>
  accounts(apiEvent({ method, resource: '/data-sources/aws/accounts/{accountId}', pathParameters: { accountId }, tenantId, ...extra }));

describe('POST /data-sources/aws/accounts', () => {
  it('verifies the role with the tenant ExternalId, answers 201, then 200 on relink', async () => {
    const first = await post({ roleArn: ROLE });
    expect(first.statusCode).toBe(201);
    expect(bodyOf(first).account).toMatchObject({ accountId: '111122223333', roleArn: ROLE, status: 'LINKED', regions: null });
    expect(verified.at(-1)).toEqual({ roleArn: ROLE, externalId: `ext-${n}-abcdef` });
    const again = await post({ roleArn: ROLE, regions: ['eu-west-1'] });
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again).account).toMatchObject({ regions: ['eu-west-1'] });
  });

  it('?startNow=true starts the first ingestion', async () => {
    const res = await post({ roleArn: ROLE }, { startNow: 'true' });
    expect(res.statusCode).toBe(201);
    const ingestion = bodyOf(res).ingestion as { ingestionId: string; status: string };
    expect(ingestion.status).toBe('RUNNING');
    expect(started).toContain(ingestion.ingestionId);
  });

  it('answers 422 with actionable words when the role cannot be assumed', async () => {
    verifierBehaviour = () => {
      throw new RoleAssumptionError('TRUST_OR_EXTERNAL_ID', 'Check the trust policy and the ExternalId');
    };
    const res = await post({ roleArn: ROLE });
    expect(res.statusCode).toBe(422);
    expect(bodyOf(res).error).toMatchObject({ code: 'RoleAssumptionFailed', field: 'roleArn', message: expect.stringContaining('ExternalId') });
    expect((await control.accounts.listAccounts(tenantId)).length).toBe(0);
  });

  it('answers 422 when the role lives in another account than its ARN says', async () => {
    verifierBehaviour = () => ({ accountId: '999999999999' });
    const res = await post({ roleArn: ROLE });
    expect(res.statusCode).toBe(422);
    expect(bodyOf(res).error?.code).toBe('AccountMismatch');
  });

  it.each([
    [{ roleArn: 'arn:aws:iam::12345:role/X' }, 'roleArn'],
    [{ roleArn: 'arn:aws:iam::111122223333:user/X' }, 'roleArn'],
    [{ roleArn: 42 }, 'roleArn'],
    [{}, 'roleArn'],
    [{ roleArn: ROLE, extra: 1 }, 'extra'],
    [{ roleArn: ROLE, regions: ['mars-1'] }, 'regions.0'],
    [{ roleArn: ROLE, regions: ['us-east-1', 'us-east-1'] }, 'regions'],
    [[ROLE], 'body'],
  ])('rejects bad body %j naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error).toMatchObject({ code: 'ValidationError', field });
  });

  it('rejects malformed JSON, unknown query parameters and a reader token', async () => {
    const bad = await accounts(apiEvent({ method: 'POST', resource: '/data-sources/aws/accounts', rawBody: '{"roleArn":', tenantId }));
    expect(bad.statusCode).toBe(400);
    expect(bodyOf(bad).error?.field).toBe('body');
    const q = await post({ roleArn: ROLE }, { startNow: 'yes' });
    expect(bodyOf(q).error?.field).toBe('startNow');
    const unknown = await post({ roleArn: ROLE }, { foo: '1' });
    expect(bodyOf(unknown).error?.field).toBe('foo');
    const reader = await post({ roleArn: ROLE }, undefined, { permissions: 'reader' });
    expect(reader.statusCode).toBe(403);
  });
});

describe('GET/PATCH/DELETE /data-sources/aws/accounts/{accountId}', () => {
  it('lists, gets details, and never shows another tenant\'s account', async () => {
    await post({ roleArn: ROLE });
    const list = await accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts', tenantId, permissions: 'reader' }));
    expect((bodyOf(list).items as unknown[]).length).toBe(1);
    const got = await account('GET', '111122223333', { permissions: 'reader' });
    expect(bodyOf(got).account).toMatchObject({ accountId: '111122223333', health: [], eventStats: {} });
    const foreign = await accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}', pathParameters: { accountId: '111122223333' }, tenantId: 'someone-else' }));
    expect(foreign.statusCode).toBe(404);
    expect((await account('GET', '12345')).statusCode).toBe(400);
    expect(bodyOf(await account('GET', 'abcdefabcdef')).error?.field).toBe('accountId');
  });

  it('PATCH edits regions and re-verifies a new role ARN of the same account only', async () => {
    await post({ roleArn: ROLE });
    const regions = await account('PATCH', '111122223333', { body: { regions: ['eu-west-1', 'us-east-1'] } });
    expect(bodyOf(regions).account).toMatchObject({ regions: ['eu-west-1', 'us-east-1'], roleArn: ROLE });
    const newRole = 'arn:aws:iam::111122223333:role/Other';
    const role = await account('PATCH', '111122223333', { body: { roleArn: newRole } });
    expect(role.statusCode).toBe(200);
    expect(verified.at(-1)?.roleArn).toBe(newRole);
    const otherAccount = await account('PATCH', '111122223333', { body: { roleArn: 'arn:aws:iam::444455556666:role/X' } });
    expect(otherAccount.statusCode).toBe(422);
    expect((await account('PATCH', '111122223333', { body: {} })).statusCode).toBe(400);
    expect((await account('PATCH', '111122223333', { body: { regions: null } })).statusCode).toBe(200);
    expect((await account('PATCH', '222222222222', { body: { regions: null } })).statusCode).toBe(404);
  });

  it('DELETE unlinks and marks the assets; purge=true deletes them', async () => {
    await post({ roleArn: ROLE });
    const asset = discovered('key', { accountId: '111122223333' });
    await inventory.assets.upsertFromCrawl(asset, { tenantId, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    const unlinked = await account('DELETE', '111122223333');
    expect(unlinked.statusCode).toBe(200);
    expect(bodyOf(unlinked)).toMatchObject({ account: { status: 'UNLINKED' }, assetsMarked: 1 });
    expect((await inventory.assets.getByArn(tenantId, asset.arn)) as unknown).toMatchObject({ unlinkedAt: expect.any(String) });

    const purged = await account('DELETE', '111122223333', { query: { purge: 'true' } });
    expect(bodyOf(purged)).toMatchObject({ assetsPurged: 1 });
    expect(await inventory.assets.getByArn(tenantId, asset.arn)).toBeUndefined();
    expect(bodyOf(await account('DELETE', '111122223333', { query: { purge: 'maybe' } })).error?.field).toBe('purge');
    expect((await account('DELETE', '333333333333')).statusCode).toBe(404);
  });
});

describe('ingestions', () => {
  const ingest = (accountId: string, extra: object = {}) =>
    ingestions(apiEvent({ method: 'POST', resource: '/data-sources/aws/accounts/{accountId}/ingestions', pathParameters: { accountId }, tenantId, ...extra }));
  const status = (accountId: string, ingestionId: string, extra: object = {}) =>
    ingestions(
      apiEvent({
        method: 'GET',
        resource: '/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}',
        pathParameters: { accountId, ingestionId },
        tenantId,
        permissions: 'reader',
        ...extra,
      }),
    );

  it('202 starts one, 409 while it runs, GET shows its status and parts', async () => {
    await post({ roleArn: ROLE });
    const res = await ingest('111122223333');
    expect(res.statusCode).toBe(202);
    const { ingestionId } = bodyOf(res) as { ingestionId: string };
    expect(res.headers?.Location).toBe(`/data-sources/aws/accounts/111122223333/ingestions/${ingestionId}`);
    const conflict = await ingest('111122223333');
    expect(conflict.statusCode).toBe(409);
    expect(bodyOf(conflict).error?.code).toBe('IngestionAlreadyRunning');
    const got = await status('111122223333', ingestionId);
    expect(bodyOf(got).ingestion).toMatchObject({ ingestionId, status: 'RUNNING', parts: [], executionArn: expect.stringContaining(ingestionId) });
  });

  it('a failed workflow start records FAILED and releases the lock (500 to the caller)', async () => {
    await post({ roleArn: ROLE });
    starterFails = true;
    const res = await ingest('111122223333');
    expect(res.statusCode).toBe(500);
    expect(bodyOf(res).error?.message).not.toContain('SFN');
    starterFails = false;
    expect((await ingest('111122223333')).statusCode).toBe(202);
  });

  it('GET …/ingestions lists the runs newest first in pages; unknown account → 404; bad cursor or limit → 400 naming the field', async () => {
    const history = (accountId: string, query?: Record<string, string>, extra: object = {}) =>
      ingestions(
        apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/ingestions', pathParameters: { accountId }, query, tenantId, permissions: 'reader', ...extra }),
      );
    await post({ roleArn: ROLE });
    expect(bodyOf(await history('111122223333'))).toEqual({ items: [], nextCursor: null });
    const first = bodyOf(await ingest('111122223333')) as { ingestionId: string };
    await control.ingestions.finishIngestion({ tenantId, accountId: '111122223333', ingestionId: first.ingestionId, status: 'SUCCEEDED', finishedAt: new Date().toISOString() });
    const second = bodyOf(await ingest('111122223333')) as { ingestionId: string };

    const page1 = await history('111122223333', { limit: '1' });
    expect(page1.statusCode).toBe(200);
    const body1 = bodyOf(page1) as { items: Array<{ ingestionId: string; status: string }>; nextCursor: string };
    expect(body1.items).toEqual([expect.objectContaining({ ingestionId: second.ingestionId, status: 'RUNNING' })]);
    const body2 = bodyOf(await history('111122223333', { limit: '1', cursor: body1.nextCursor })) as { items: Array<{ ingestionId: string; status: string }> };
    expect(body2.items).toEqual([expect.objectContaining({ ingestionId: first.ingestionId, status: 'SUCCEEDED' })]);

    expect((await history('999999999999')).statusCode).toBe(404);
    expect((await history('111122223333', undefined, { tenantId: 'intruder' })).statusCode).toBe(404);
    const badCursor = await history('111122223333', { cursor: 'not-a-cursor!' });
    expect(badCursor.statusCode).toBe(400);
    expect(bodyOf(badCursor).error?.field).toBe('cursor');
    const forged = await history('111122223333', { cursor: Buffer.from(JSON.stringify({ p: 0, s: 'INGESTION#444455556666#', k: { pk: 'TENANT#x', sk: 'INGESTION#444455556666#A' } })).toString('base64url') });
    expect(forged.statusCode).toBe(400);
    expect(bodyOf(forged).error?.field).toBe('cursor');
    expect(bodyOf(await history('111122223333', { limit: '0' })).error?.field).toBe('limit');
    expect(bodyOf(await history('111122223333', { before: 'x' })).error?.field).toBe('before');
  });

  it('bad ids → 400 naming the field; unknown or foreign ids → 404; unknown body fields → 400', async () => {
    await post({ roleArn: ROLE });
    expect(bodyOf(await status('111122223333', 'nope')).error?.field).toBe('ingestionId');
    expect(bodyOf(await status('1111', newIngestionId())).error?.field).toBe('accountId');
    expect((await status('111122223333', newIngestionId())).statusCode).toBe(404);
    expect((await ingest('999999999999')).statusCode).toBe(404);
    expect(bodyOf(await ingest('111122223333', { body: { force: true } })).error?.field).toBe('force');
    const started = bodyOf(await ingest('111122223333')) as { ingestionId: string };
    expect((await status('111122223333', started.ingestionId, { tenantId: 'intruder' })).statusCode).toBe(404);
    expect((await ingest('111122223333', { permissions: 'reader' })).statusCode).toBe(403);
  });
});
