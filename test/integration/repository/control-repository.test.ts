import { DynamoControlRepository } from '../../../lambdas/control/dynamo-control-repository';
import {
  AccountNotFoundError,
  AccountNotLinkedError,
  IngestionAlreadyRunningError,
  TokenNotFoundError,
} from '../../../lambdas/control/errors';
import { newIngestionId } from '../../../lambdas/control/ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { controlKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
let repo: DynamoControlRepository;
let n = 0;
let tenantId: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  repo = new DynamoControlRepository(dynamo.documentClient, dynamo.controlTable);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `t${++n}`;
  await repo.createTenant({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
});

const link = (accountId = '111122223333', now = '2026-01-01T00:00:00.000Z') =>
  repo.linkAccount({ tenantId, accountId, roleArn: `arn:aws:iam::${accountId}:role/R`, regions: null, now });

describe('tokens', () => {
  it('stores only the hash, lists without it, and revokes idempotently', async () => {
    await repo.putToken({ tokenId: 'aaaa', tenantId, name: 'ci', permissions: ['admin'], secretHash: 'f'.repeat(64), createdAt: 'x' });
    expect(await repo.findTokenByHash('f'.repeat(64))).toMatchObject({ tokenId: 'aaaa', secretHash: 'f'.repeat(64) });
    const listed = await repo.listTokens(tenantId);
    expect(listed).toEqual([{ tokenId: 'aaaa', tenantId, name: 'ci', permissions: ['admin'], createdAt: 'x' }]);
    expect((await repo.revokeToken(tenantId, 'aaaa', '2026-02-01T00:00:00Z')).revokedAt).toBe('2026-02-01T00:00:00Z');
    expect((await repo.revokeToken(tenantId, 'aaaa', '2026-03-01T00:00:00Z')).revokedAt).toBe('2026-02-01T00:00:00Z');
    await expect(repo.revokeToken('other-tenant', 'aaaa', 'x')).rejects.toBeInstanceOf(TokenNotFoundError);
  });
});

describe('accounts', () => {
  it('link creates, relink updates (keeping linkedAt), unlink leaves the linked index', async () => {
    expect((await link()).created).toBe(true);
    const again = await link('111122223333', '2026-01-05T00:00:00.000Z');
    expect(again.created).toBe(false);
    expect(again.account).toMatchObject({ status: 'LINKED', linkedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-05T00:00:00.000Z', regions: null });
    expect(again.account).not.toHaveProperty('gsi1pk');
    expect(await repo.listLinkedAccounts()).toContainEqual({ tenantId, accountId: '111122223333' });

    const unlinked = await repo.unlinkAccount(tenantId, '111122223333', '2026-02-01T00:00:00.000Z');
    expect(unlinked.status).toBe('UNLINKED');
    expect(await repo.listLinkedAccounts()).not.toContainEqual({ tenantId, accountId: '111122223333' });
    const relinked = await link('111122223333', '2026-03-01T00:00:00.000Z');
    expect(relinked.account.linkedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(relinked.account.unlinkedAt).toBeUndefined();
    await expect(repo.unlinkAccount(tenantId, '999999999999', 'x')).rejects.toBeInstanceOf(AccountNotFoundError);
    await expect(repo.updateAccount({ tenantId, accountId: '999999999999', regions: ['us-east-1'], now: 'x' })).rejects.toBeInstanceOf(AccountNotFoundError);
  });

  it('details include health per region, event stats and the last ingestion', async () => {
    await link();
    const put = (Item: object) => dynamo.documentClient.send(new PutCommand({ TableName: dynamo.controlTable, Item }));
    await put({ ...controlKeys.health(tenantId, '111122223333', 'eu-west-1'), lastEventAt: '2026-01-02T00:00:00Z', templateVersion: '1.0.0', lastEventId: 'e1' });
    await put({ ...controlKeys.eventStats(tenantId, '111122223333'), applied: 5, duplicates: 1, dropped_not_linked: 2 });
    const ing = await repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['eu-west-1'], startedAt: new Date().toISOString() });
    const details = await repo.getAccountDetails(tenantId, '111122223333');
    expect(details.health).toEqual([{ region: 'eu-west-1', lastEventAt: '2026-01-02T00:00:00Z', templateVersion: '1.0.0', lastEventId: 'e1' }]);
    expect(details.eventStats).toEqual({ applied: 5, duplicates: 1, dropped_not_linked: 2 });
    expect(details.lastIngestion?.ingestionId).toBe(ing.ingestionId);
  });
});

describe('ingestions', () => {
  it('locks the account while one runs (409), releases it on finish, and keeps crawl parts', async () => {
    await link();
    const first = newIngestionId();
    const now = new Date().toISOString();
    await repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: first, regions: ['us-east-1'], startedAt: now });
    await expect(
      repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['us-east-1'], startedAt: now }),
    ).rejects.toEqual(new IngestionAlreadyRunningError('111122223333', first));

    await repo.putCrawlPart({ ingestionId: first, region: 'us-east-1', service: 'kms', status: 'SUCCEEDED', finishedAt: now, counts: { assets: 3 } });
    await repo.putCrawlPart({ ingestionId: first, region: 'us-east-1', service: 'acm', status: 'FAILED', finishedAt: now, error: { code: 'AccessDenied', message: 'x' } });
    await repo.finishIngestion({ tenantId, accountId: '111122223333', ingestionId: first, status: 'PARTIAL', finishedAt: now, counts: { assets: 3 } });
    const got = await repo.getIngestion(tenantId, '111122223333', first);
    expect(got).toMatchObject({ status: 'PARTIAL', counts: { assets: 3 } });
    expect(got.parts.map((p) => `${p.service}:${p.status}`).sort()).toEqual(['acm:FAILED', 'kms:SUCCEEDED']);
    expect((await repo.getAccount(tenantId, '111122223333')).runningIngestionId).toBeUndefined();

    // Released: the next one may start.
    await repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: ['us-east-1'], startedAt: now });
  });

  it('takes over an abandoned lock, and refuses unlinked or unknown accounts', async () => {
    await link();
    await repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-01T00:00:00.000Z' });
    await repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-03T00:00:00.000Z' });
    await repo.unlinkAccount(tenantId, '111122223333', 'x');
    await expect(
      repo.startIngestion({ tenantId, accountId: '111122223333', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-05T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(AccountNotLinkedError);
    await expect(
      repo.startIngestion({ tenantId, accountId: '000000000000', ingestionId: newIngestionId(), regions: [], startedAt: '2026-01-05T00:00:00.000Z' }),
    ).rejects.toBeInstanceOf(AccountNotFoundError);
  });
});
