import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { getAssetDetails } from '../../../lambdas/inventory/asset-details';
import { DynamoAssetStore } from '../../../lambdas/inventory/dynamo-asset-store';
import { DynamoHistoryStore } from '../../../lambdas/inventory/dynamo-history-store';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import { InvalidCursorError } from '../../../lambdas/inventory/inventory-cursor';
import { inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { discovered } from './asset-fixtures';

let dynamo: LocalDynamo;
let stores: InventoryStores;
let assetStore: InventoryStores['assets'];
let tenantSeq = 0;
let tenant: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  stores = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable, { regions: ['us-east-1', 'eu-west-1', 'ap-south-1'] });
  assetStore = stores.assets;
});
afterAll(async () => dynamo.stop());
beforeEach(() => {
  tenant = `tenant-${++tenantSeq}`;
});

const raw = async (id: string) =>
  (await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.asset(id) }))).Item;

describe('upsertFromCrawl', () => {
  it('writes a new asset with its index keys and keeps firstSeen on later crawls', async () => {
    const a = discovered('certificate', { lifecycle: { state: 'ISSUED', notAfter: '2027-01-01T00:00:00.000Z' } });
    await expect(assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I1', observedAt: '2026-01-01T00:00:00.000Z' })).resolves.toBe('created');
    await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I2', observedAt: '2026-01-02T00:00:00.000Z' });
    const item = await raw(assetId(tenant, a.arn));
    expect(item).toMatchObject({
      firstSeen: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-01-02T00:00:00.000Z',
      observedAt: '2026-01-02T00:00:00.000Z',
      lastCrawlId: 'I2',
      gsi1pk: `${tenant}#111122223333#us-east-1`,
      gsi2pk: `${tenant}#EXPIRY`,
      source: 'AWS',
    });
  });

  it('a newer observation (an event) wins: the crawl only stamps lastCrawlId and never undeletes', async () => {
    const a = discovered('secret');
    const id = assetId(tenant, a.arn);
    await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I1', observedAt: '2026-01-01T00:00:00.000Z' });
    // An event deleted it at 10:00.
    const item = await raw(id);
    await dynamo.documentClient.send(
      new PutCommand({
        TableName: dynamo.inventoryTable,
        Item: { ...item, deleted: true, deletedAt: '2026-01-03T10:00:00.000Z', observedAt: '2026-01-03T10:00:00.000Z' },
      }),
    );
    const outcome = await assetStore.upsertFromCrawl({ ...a, name: 'stale' }, { tenantId: tenant, ingestionId: 'I2', observedAt: '2026-01-03T09:00:00.000Z' });
    expect(outcome).toBe('stamped');
    expect(await raw(id)).toMatchObject({ deleted: true, name: a.name, lastCrawlId: 'I2', observedAt: '2026-01-03T10:00:00.000Z' });
    // A crawl read after the deletion is newer: the asset exists again.
    await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I3', observedAt: '2026-01-03T11:00:00.000Z' });
    const after = await raw(id);
    expect(after?.deleted).toBeUndefined();
    expect(after?.deletedAt).toBeUndefined();
  });
});

describe('sweep', () => {
  const crawlStartedAt = '2026-02-01T12:00:00.000Z';
  const graceMs = 15 * 60_000;

  it('marks deleted only unstamped assets of the scope observed before the grace cutoff', async () => {
    const seen = discovered('secret');
    const gone = discovered('secret');
    const touchedRecently = discovered('secret');
    const otherService = discovered('key');
    const otherRegion = discovered('secret', { region: 'eu-west-1' });
    const old = { tenantId: tenant, ingestionId: 'OLD', observedAt: '2026-01-01T00:00:00.000Z' };
    for (const a of [seen, gone, otherService, otherRegion]) await assetStore.upsertFromCrawl(a, old);
    // An event touched this one 5 minutes before the crawl started (inside the grace window).
    await assetStore.upsertFromCrawl(touchedRecently, { ...old, observedAt: '2026-02-01T11:55:00.000Z' });
    await assetStore.upsertFromCrawl(seen, { tenantId: tenant, ingestionId: 'NEW', observedAt: '2026-02-01T12:00:05.000Z' });

    const result = await assetStore.sweep({
      tenantId: tenant,
      accountId: '111122223333',
      region: 'us-east-1',
      types: ['secret'],
      ingestionId: 'NEW',
      crawlStartedAt,
      graceMs,
      now: '2026-02-01T12:10:00.000Z',
    });

    expect(result).toEqual({ examined: 1, deleted: 1, skipped: 0 });
    expect(await raw(assetId(tenant, gone.arn))).toMatchObject({ deleted: true, deletedAt: '2026-02-01T12:10:00.000Z', observedAt: '2026-02-01T11:45:00.000Z' });
    for (const kept of [seen, touchedRecently, otherService, otherRegion]) expect((await raw(assetId(tenant, kept.arn)))?.deleted).toBeUndefined();
  });

  it('leaves a failed scope untouched (it is simply not swept) and pages through large scopes', async () => {
    const many = Array.from({ length: 130 }, () => discovered('parameter', { region: 'ap-south-1', details: { kind: 'parameter', parameterType: 'String', description: 'x'.repeat(8000) } }));
    const failedScope = discovered('parameter', { region: 'eu-west-1' });
    for (const a of [...many, failedScope]) await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'OLD', observedAt: '2026-01-01T00:00:00.000Z' });
    // 130 × ~8 KB > 1 MB: the query needs more than one page.
    const result = await assetStore.sweep({
      tenantId: tenant, accountId: '111122223333', region: 'ap-south-1', types: ['parameter'], ingestionId: 'NEW', crawlStartedAt, graceMs,
    });
    expect(result.deleted).toBe(130);
    // eu-west-1's parameter crawl failed, so Finalize never sweeps it: its stale asset stays.
    expect((await raw(assetId(tenant, failedScope.arn)))?.deleted).toBeUndefined();
  });

  it('keeps an asset an event changed between the sweep\'s query and its conditional delete', async () => {
    const raced = discovered('certificate');
    await assetStore.upsertFromCrawl(raced, { tenantId: tenant, ingestionId: 'OLD', observedAt: '2026-01-01T00:00:00.000Z' });
    const id = assetId(tenant, raced.arn);
    // A client that lets an "event" land just before the sweep's first write.
    let raceDone = false;
    // The document client itself (the SDK's paginator accepts nothing else), with `send` intercepted.
    const racingClient = Object.create(dynamo.documentClient) as typeof dynamo.documentClient;
    racingClient.send = (async (command: { constructor: { name: string }; input: { Key?: { pk: string } } }) => {
      if (!raceDone && command.constructor.name === 'UpdateCommand' && command.input.Key?.pk === `ASSET#${id}`) {
        raceDone = true;
        await dynamo.documentClient.send(
          new PutCommand({ TableName: dynamo.inventoryTable, Item: { ...(await raw(id)), observedAt: '2026-02-01T12:01:00.000Z' } }),
        );
      }
      return dynamo.documentClient.send(command as never);
    }) as never;
    const racing = new DynamoAssetStore(racingClient, dynamo.inventoryTable);
    const result = await racing.sweep({
      tenantId: tenant, accountId: '111122223333', region: 'us-east-1', types: ['certificate'], ingestionId: 'NEW', crawlStartedAt, graceMs,
    });
    expect(raceDone).toBe(true);
    expect(result).toEqual({ examined: 1, deleted: 0, skipped: 1 });
    expect((await raw(id))?.deleted).toBeUndefined();
  });
});

describe('list', () => {
  async function seed() {
    const assets = [
      ...Array.from({ length: 5 }, () => discovered('key', { region: 'us-east-1' })),
      ...Array.from({ length: 4 }, () => discovered('secret', { region: 'eu-west-1' })),
      ...Array.from({ length: 3 }, () => discovered('certificate', { accountId: '444455556666', region: 'ap-south-1', lifecycle: { state: 'ISSUED', notAfter: '2026-06-01T00:00:00.000Z' }, crypto: { family: 'RSA', algorithm: 'RSA-2048', quantumVulnerable: true } })),
      discovered('certificate', { accountId: '999999999999', lifecycle: { state: 'ISSUED', notAfter: '2026-03-01T00:00:00.000Z' } }),
    ];
    for (const a of assets) await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    return assets;
  }
  const accountIds = ['111122223333', '444455556666'];

  it('pages with an opaque cursor across several partitions without duplicates or gaps', async () => {
    const assets = await seed();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await assetStore.list({ tenantId: tenant, accountIds, limit: 4, cursor });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((i) => i.arn));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(3);
    // The unlinked-elsewhere account 999999999999 is not the tenant's: never listed.
    expect(seen.sort()).toEqual(assets.filter((a) => a.accountId !== '999999999999').map((a) => a.arn).sort());
  });

  it('filters by type, region, account, quantum vulnerability, q, arn and expiry', async () => {
    const assets = await seed();
    const list = (extra: object) => assetStore.list({ tenantId: tenant, accountIds, limit: 100, ...extra }).then((p) => p.items.map((i) => i.arn).sort());
    expect(await list({ type: 'key' })).toEqual(assets.slice(0, 5).map((a) => a.arn).sort());
    expect(await list({ region: 'eu-west-1' })).toEqual(assets.slice(5, 9).map((a) => a.arn).sort());
    expect(await list({ accountId: '444455556666' })).toEqual(assets.slice(9, 12).map((a) => a.arn).sort());
    expect(await list({ quantumVulnerable: true })).toEqual(assets.slice(9, 12).map((a) => a.arn).sort());
    expect(await list({ q: assets[2].name })).toEqual([assets[2].arn]);
    expect(await list({ arn: assets[6].arn })).toEqual([assets[6].arn]);
    expect(await list({ arn: assets[12].arn })).toEqual([]);
    expect(await list({ expiresBefore: '2026-07-01T00:00:00.000Z' })).toEqual(assets.slice(9, 12).map((a) => a.arn).sort());
    expect(await list({ expiresBefore: '2026-05-01T00:00:00.000Z' })).toEqual([]);
  });

  it('pages the expiry index with a cursor too', async () => {
    await seed();
    const first = await assetStore.list({ tenantId: tenant, accountIds, limit: 2, expiresBefore: '2027-01-01T00:00:00.000Z' });
    expect(first.items).toHaveLength(2);
    const second = await assetStore.list({ tenantId: tenant, accountIds, limit: 2, expiresBefore: '2027-01-01T00:00:00.000Z', cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a forged, garbled or foreign cursor', async () => {
    await seed();
    const page = await assetStore.list({ tenantId: tenant, accountIds, limit: 2 });
    await expect(assetStore.list({ tenantId: tenant, accountIds, limit: 2, cursor: 'not json!' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(assetStore.list({ tenantId: tenant, accountIds, limit: 2, cursor: Buffer.from('[1]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError);
    // Another tenant presenting this tenant's cursor.
    await expect(assetStore.list({ tenantId: 'intruder', accountIds, limit: 2, cursor: page.nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

describe('get, details (with DynamoUsageStore and DynamoHistoryStore), unlink and purge', () => {
  it('never returns another tenant\'s asset, and returns usages and newest history', async () => {
    const a = discovered('key');
    await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    const id = assetId(tenant, a.arn);
    expect(await assetStore.get('other-tenant', id)).toBeUndefined();
    expect((await assetStore.getByArn(tenant, a.arn))?.id).toBe(id);
    const put = (Item: object) => dynamo.documentClient.send(new PutCommand({ TableName: dynamo.inventoryTable, Item }));
    await put({ ...inventoryKeys.usage(id, 'arn:aws:lambda:us-east-1:111122223333:function:f'), assetArn: a.arn, resourceArn: 'arn:aws:lambda:us-east-1:111122223333:function:f', resourceType: 'lambda-function', via: 'Decrypt', firstSeen: 'x', lastSeen: 'y', count: 3 });
    await put({ ...inventoryKeys.history(id, '2026-01-02T00:00:00Z', 'e1'), eventName: 'DisableKey', expiresAt: 1 });
    await put({ ...inventoryKeys.history(id, '2026-01-03T00:00:00Z', 'e2'), eventName: 'EnableKey', expiresAt: 1 });
    const details = await getAssetDetails(stores, tenant, id);
    expect(details?.usages).toEqual([expect.objectContaining({ resourceType: 'lambda-function', count: 3 })]);
    expect(details?.history.map((h) => h.eventName)).toEqual(['EnableKey', 'DisableKey']);
    expect(details?.asset).not.toHaveProperty('pk');
  });

  it('marks an unlinked account\'s assets, and purge deletes assets, usages and history', async () => {
    const mine = [discovered('key', { accountId: '777777777777' }), discovered('secret', { accountId: '777777777777', region: 'eu-west-1' })];
    const other = discovered('key', { accountId: '888888888888' });
    for (const a of [...mine, other]) await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    const id0 = assetId(tenant, mine[0].arn);
    await dynamo.documentClient.send(new PutCommand({ TableName: dynamo.inventoryTable, Item: { ...inventoryKeys.history(id0, 't', 'e'), x: 1 } }));
    const edge = inventoryKeys.usage(id0, 'arn:aws:iam::777777777777:role/app');
    await dynamo.documentClient.send(new PutCommand({ TableName: dynamo.inventoryTable, Item: { ...edge, count: 1 } }));

    expect(await assetStore.markAccountUnlinked({ tenantId: tenant, accountId: '777777777777', unlinkedAt: '2026-03-01T00:00:00.000Z' })).toBe(2);
    expect(await raw(id0)).toMatchObject({ unlinkedAt: '2026-03-01T00:00:00.000Z' });

    expect(await assetStore.purgeAccount({ tenantId: tenant, accountId: '777777777777' })).toBe(2);
    expect(await raw(id0)).toBeUndefined();
    const history = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.history(id0, 't', 'e') }));
    expect(history.Item).toBeUndefined();
    expect((await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: edge }))).Item).toBeUndefined();
    expect(await raw(assetId(tenant, other.arn))).toBeDefined();
  });
});

describe('resolveKeyRelations', () => {
  it('resolves alias names, alias ARNs and key ids of secrets and parameters to key ARNs', async () => {
    const key = discovered('key', { relations: { inUseBy: [], aliases: ['alias/app', 'alias/aws/ssm'] } });
    const byAlias = discovered('secret', { relations: { inUseBy: [], kmsKeyRef: 'alias/app' } });
    const byAliasArn = discovered('parameter', { relations: { inUseBy: [], kmsKeyRef: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ssm' } });
    const byKeyId = discovered('secret', { relations: { inUseBy: [], kmsKeyRef: '1234abcd-12ab-34cd-56ef-1234567890ab' } });
    const unknown = discovered('secret', { relations: { inUseBy: [], kmsKeyRef: 'alias/missing' } });
    for (const a of [key, byAlias, byAliasArn, byKeyId, unknown]) {
      await assetStore.upsertFromCrawl(a, { tenantId: tenant, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    }
    expect(await assetStore.resolveKeyRelations({ tenantId: tenant, accountId: '111122223333', region: 'us-east-1' })).toBe(3);
    const rel = async (a: typeof key) => (await raw(assetId(tenant, a.arn)))?.relations;
    expect(await rel(byAlias)).toMatchObject({ kmsKeyArn: key.arn });
    expect(await rel(byAliasArn)).toMatchObject({ kmsKeyArn: key.arn });
    expect(await rel(byKeyId)).toMatchObject({ kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect((await rel(unknown))?.kmsKeyArn).toBeUndefined();
    expect(await rel(unknown)).toMatchObject({ kmsKeyRef: 'alias/missing' });
    expect(await rel(byAlias)).not.toHaveProperty('kmsKeyRef');
    // Idempotent: nothing left to resolve.
    expect(await assetStore.resolveKeyRelations({ tenantId: tenant, accountId: '111122223333', region: 'us-east-1' })).toBe(0);
  });
});

describe('DynamoUsageStore', () => {
  it('counts uses and keeps the earliest firstSeen and the latest lastSeen (with its via), in any order', async () => {
    const key = discovered('key');
    const fn = 'arn:aws:lambda:us-east-1:111122223333:function:f';
    const use = (via: string) => ({ assetArn: key.arn, resourceArn: fn, resourceType: 'lambda-function' as const, via });
    await stores.usages.recordUsage(tenant, use('Decrypt'), '2026-01-02T00:00:00.000Z');
    await stores.usages.recordUsage(tenant, use('GenerateDataKey'), '2026-01-03T00:00:00.000Z');
    await stores.usages.recordUsage(tenant, use('Encrypt'), '2026-01-01T00:00:00.000Z');
    expect(await stores.usages.listUsages(assetId(tenant, key.arn))).toEqual([
      {
        tenantId: tenant,
        assetArn: key.arn,
        resourceArn: fn,
        resourceType: 'lambda-function',
        via: 'GenerateDataKey',
        firstSeen: '2026-01-01T00:00:00.000Z',
        lastSeen: '2026-01-03T00:00:00.000Z',
        count: 3,
      },
    ]);
  });
});

describe('DynamoHistoryStore', () => {
  const entry = (eventId: string, at: string, eventName: string) => ({
    tenantId: tenant,
    assetArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
    eventId,
    eventName,
    who: 'arn:aws:iam::111122223333:user/alice',
    at,
    changes: [{ op: 'set', path: 'lifecycle.state', value: 'Disabled', applied: true }],
  });

  it('writes an entry once, with its retention TTL, and lists the newest first without keys or TTL', async () => {
    const history = new DynamoHistoryStore(dynamo.documentClient, dynamo.inventoryTable, { retentionDays: 30, now: () => new Date('2026-01-01T00:00:00.000Z') });
    const id = `history-${tenant}`;
    expect(await history.appendHistory(id, entry('e1', '2026-01-02T00:00:00.000Z', 'DisableKey'))).toBe(true);
    // A redelivery finds the entry and leaves it as first written.
    expect(await history.appendHistory(id, { ...entry('e1', '2026-01-02T00:00:00.000Z', 'DisableKey'), who: 'someone else' })).toBe(false);
    await history.appendHistory(id, entry('e2', '2026-01-03T00:00:00.000Z', 'EnableKey'));
    await history.appendHistory(id, entry('e0', '2026-01-01T00:00:00.000Z', 'CreateKey'));
    expect(await history.listHistory(id, 2)).toEqual([entry('e2', '2026-01-03T00:00:00.000Z', 'EnableKey'), entry('e1', '2026-01-02T00:00:00.000Z', 'DisableKey')]);
    const stored = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.history(id, '2026-01-02T00:00:00.000Z', 'e1') }));
    expect(stored.Item?.expiresAt).toBe(Date.parse('2026-01-31T00:00:00.000Z') / 1000);
  });
});
