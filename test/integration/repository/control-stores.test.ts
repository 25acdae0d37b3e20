import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import {
  AccountNotFoundError,
  AccountNotLinkedError,
  IngestionAlreadyRunningError,
  TenantNotFoundError,
  TokenNotFoundError,
} from '../../../lambdas/control/errors';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { newIngestionId } from '../../../lambdas/control/ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { controlKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
let stores: ControlStores;
let n = 0;
let tenantId: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  stores = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `t${++n}`;
  await stores.tenants.createTenant({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
});

const link = (accountId = '111122223333', now = '2026-01-01T00:00:00.000Z') =>
  stores.accounts.linkAccount({ tenantId, accountId, roleArn: `arn:aws:iam::${accountId}:role/R`, regions: null, now });

describe('DynamoTenantStore', () => {
  it('creates a tenant once and reads it back without keys; an unknown tenant is TenantNotFoundError', async () => {
    expect(await stores.tenants.getTenant(tenantId)).toEqual({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
    await expect(
      stores.tenants.createTenant({ tenantId, name: 'Other', externalId: 'ext-654321', createdAt: '2026-01-02T00:00:00.000Z' }),
    ).rejects.toThrow(ConditionalCheckFailedException);
    await expect(stores.tenants.getTenant('no-such-tenant')).rejects.toBeInstanceOf(TenantNotFoundError);
  });
});

describe('DynamoTokenStore', () => {
  it("keeps a token's own expiresAt (an ISO time, not the table's TTL) in every read", async () => {
    const token = { tokenId: 'bbbb', tenantId, name: 'ci', permissions: ['reader' as const], createdAt: 'x', expiresAt: '2027-01-01T00:00:00.000Z' };
    expect(await stores.tokens.putToken({ ...token, secretHash: 'e'.repeat(64) })).toEqual(token);
    expect(await stores.tokens.findTokenByHash('e'.repeat(64))).toEqual({ ...token, secretHash: 'e'.repeat(64) });
    expect(await stores.tokens.listTokens(tenantId)).toEqual([token]);
  });

  it('stores only the hash, lists without it, and revokes idempotently', async () => {
    await stores.tokens.putToken({ tokenId: 'aaaa', tenantId, name: 'ci', permissions: ['admin'], secretHash: 'f'.repeat(64), createdAt: 'x' });
    expect(await stores.tokens.findTokenByHash('f'.repeat(64))).toMatchObject({ tokenId: 'aaaa', secretHash: 'f'.repeat(64) });
    const listed = await stores.tokens.listTokens(tenantId);
    expect(listed).toEqual([{ tokenId: 'aaaa', tenantId, name: 'ci', permissions: ['admin'], createdAt: 'x' }]);
    expect((await stores.tokens.revokeToken(tenantId, 'aaaa', '2026-02-01T00:00:00Z')).revokedAt).toBe('2026-02-01T00:00:00Z');
    expect((await stores.tokens.revokeToken(tenantId, 'aaaa', '2026-03-01T00:00:00Z')).revokedAt).toBe('2026-02-01T00:00:00Z');
    await expect(stores.tokens.revokeToken('other-tenant', 'aaaa', 'x')).rejects.toBeInstanceOf(TokenNotFoundError);
  });
});

describe('DynamoAccountStore', () => {
  it('link creates, relink updates (keeping linkedAt), unlink leaves the linked index', async () => {
    expect((await link()).created).toBe(true);
    const again = await link('111122223333', '2026-01-05T00:00:00.000Z');
    expect(again.created).toBe(false);
    expect(again.account).toMatchObject({ status: 'LINKED', linkedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-05T00:00:00.000Z', regions: null });
    expect(again.account).not.toHaveProperty('gsi1pk');
    expect(await stores.accounts.listLinkedAccounts()).toContainEqual({ tenantId, accountId: '111122223333' });

    const unlinked = await stores.accounts.unlinkAccount(tenantId, '111122223333', '2026-02-01T00:00:00.000Z');
    expect(unlinked.status).toBe('UNLINKED');
    expect(await stores.accounts.listLinkedAccounts()).not.toContainEqual({ tenantId, accountId: '111122223333' });
    const relinked = await link('111122223333', '2026-03-01T00:00:00.000Z');
    expect(relinked.account.linkedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(relinked.account.unlinkedAt).toBeUndefined();
    await expect(stores.accounts.unlinkAccount(tenantId, '999999999999', 'x')).rejects.toBeInstanceOf(AccountNotFoundError);
    await expect(stores.accounts.updateAccount({ tenantId, accountId: '999999999999', regions: ['us-east-1'], now: 'x' })).rejects.toBeInstanceOf(AccountNotFoundError);
  });

  it('details include health per region, event stats and the last ingestion', async () => {
    await link();
    const put = (Item: object) => dynamo.documentClient.send(new PutCommand({ TableName: dynamo.controlTable, Item }));
    await put({ ...controlKeys.health(tenantId, '111122223333', 'eu-west-1'), lastEventAt: '2026-01-02T00:00:00Z', templateVersion: '1.0.0', lastEventId: 'e1' });
    await put({ ...controlKeys.eventStats(tenantId, '111122223333'), applied: 5, duplicates: 1, dropped_not_linked: 2 });
    const ing = await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['eu-west-1'], startedAt: new Date().toISOString() });
    const details = await stores.accounts.getAccountDetails(tenantId, '111122223333');
    expect(details.health).toEqual([{ region: 'eu-west-1', lastEventAt: '2026-01-02T00:00:00Z', templateVersion: '1.0.0', lastEventId: 'e1' }]);
    expect(details.eventStats).toEqual({ applied: 5, duplicates: 1, dropped_not_linked: 2 });
    expect(details.lastIngestion?.ingestionId).toBe(ing.ingestionId);
  });
});

describe('DynamoIngestionStore', () => {
  it('locks the account while one runs (409), releases it on finish, and keeps crawl parts', async () => {
    await link();
    const first = newIngestionId();
    const now = new Date().toISOString();
    await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: first, regions: ['us-east-1'], startedAt: now });
    await expect(
      stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['us-east-1'], startedAt: now }),
    ).rejects.toEqual(new IngestionAlreadyRunningError('111122223333', first));

    await stores.ingestions.putCrawlPart({ ingestionId: first, region: 'us-east-1', service: 'kms', status: 'SUCCEEDED', finishedAt: now, counts: { assets: 3 } });
    await stores.ingestions.putCrawlPart({ ingestionId: first, region: 'us-east-1', service: 'acm', status: 'FAILED', finishedAt: now, error: { code: 'AccessDenied', message: 'x' } });
    await stores.ingestions.finishIngestion({ tenantId, accountId: '111122223333', ingestionId: first, status: 'PARTIAL', finishedAt: now, counts: { assets: 3 } });
    const got = await stores.ingestions.getIngestion(tenantId, '111122223333', first);
    expect(got).toMatchObject({ status: 'PARTIAL', counts: { assets: 3 } });
    expect(got.parts.map((p) => `${p.service}:${p.status}`).sort()).toEqual(['acm:FAILED', 'kms:SUCCEEDED']);
    expect((await stores.accounts.getAccount(tenantId, '111122223333')).runningIngestionId).toBeUndefined();

    // Released: the next one may start.
    await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['us-east-1'], startedAt: now });
  });

  it('lists an account’s runs newest first, one Query page at a time, with a cursor only it accepts', async () => {
    await link();
    await link('444455556666');
    const ids: string[] = [];
    for (let day = 1; day <= 3; day++) {
      const startedAt = `2026-02-0${day}T00:00:00.000Z`;
      const ingestionId = newIngestionId(new Date(startedAt));
      ids.push(ingestionId);
      await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId, regions: [], startedAt });
      await stores.ingestions.finishIngestion({ tenantId, accountId: '111122223333', ingestionId, status: 'SUCCEEDED', finishedAt: startedAt, counts: { assets: day } });
    }
    await stores.ingestions.startIngestion({ tenantId, accountId: '444455556666', ingestionId: newIngestionId(), regions: [], startedAt: '2026-02-04T00:00:00.000Z' });

    const first = await stores.ingestions.listIngestions(tenantId, '111122223333', { limit: 2 });
    expect(first.items.map((i) => i.ingestionId)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ status: 'SUCCEEDED', counts: { assets: 3 }, accountId: '111122223333' });
    expect(first.items[0]).not.toHaveProperty('pk');
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await stores.ingestions.listIngestions(tenantId, '111122223333', { limit: 2, cursor: first.nextCursor! });
    expect(rest).toEqual({ items: [expect.objectContaining({ ingestionId: ids[0] })], nextCursor: null });

    // Another account's (or tenant's) listing refuses the cursor instead of reading from it.
    await expect(stores.ingestions.listIngestions(tenantId, '444455556666', { limit: 2, cursor: first.nextCursor! })).rejects.toThrow(/cursor is not valid/);
    await expect(stores.ingestions.listIngestions('other', '111122223333', { limit: 2, cursor: first.nextCursor! })).rejects.toThrow(/cursor is not valid/);
    expect(await stores.ingestions.listIngestions(tenantId, '999999999999', { limit: 2 })).toEqual({ items: [], nextCursor: null });
  });

  it('takes over an abandoned lock, and refuses unlinked or unknown accounts', async () => {
    await link();
    await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-01T00:00:00.000Z' });
    await stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-03T00:00:00.000Z' });
    await stores.accounts.unlinkAccount(tenantId, '111122223333', 'x');
    await expect(
      stores.ingestions.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-05T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(AccountNotLinkedError);
    await expect(
      stores.ingestions.startIngestion({ tenantId, accountId: '000000000000', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-05T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(AccountNotFoundError);
  });
});
