import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unavailableRefresher } from '../../../lambdas/events/asset-refresher';
import { CLOCK_ATTRIBUTE } from '../../../lambdas/events/apply-change';
import { DynamoEventStore } from '../../../lambdas/events/dynamo-event-store';
import { processSqsBatch } from '../../../lambdas/events/process-batch';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { controlKeys, inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { queuedEvent, sqsEvent } from '../../support/sqs-event';

const FIXTURES = join(__dirname, '../../fixtures/cloudtrail');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

let dynamo: LocalDynamo;
let store: DynamoEventStore;
let n = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  store = new DynamoEventStore({ documentClient: dynamo.documentClient, inventoryTable: dynamo.inventoryTable, controlTable: dynamo.controlTable, dedupDays: 7, historyDays: 365 });
});
afterAll(async () => dynamo.stop());

async function tenant(status: 'LINKED' | 'UNLINKED' = 'LINKED'): Promise<string> {
  const tenantId = `p-${++n}`;
  await dynamo.documentClient.send(
    new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(tenantId, '111122223333'), tenantId, accountId: '111122223333', status, roleArn: 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole' } }),
  );
  return tenantId;
}

const batch = sqsEvent;
const msg = (tenantId: string, envelope: unknown, receivedAt = '2024-07-01T00:00:00.000Z') => queuedEvent(tenantId, envelope, { receivedAt, templateVersion: '1.4.0' });
const deps = { refresher: unavailableRefresher };
const get = async (table: string, key: Record<string, string>) => (await dynamo.documentClient.send(new GetCommand({ TableName: table, Key: key }))).Item;

describe('event processor batches', () => {
  it('reports only the poison message as failed and applies the rest', async () => {
    const t = await tenant();
    const response = await processSqsBatch(batch([msg(t, fixture('kms-disable-key')), '{not json', JSON.stringify({ tenantId: t }), msg(t, fixture('kms-tag-resource'))]), { ...deps, store });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }]);
    const asset = await get(dynamo.inventoryTable, inventoryKeys.asset(assetId(t, KEY)));
    expect(asset).toMatchObject({ lifecycle: { state: 'Disabled' }, tags: { env: 'prod' } });
  });

  it('counts duplicates, once per batch, and records health with the template version', async () => {
    const t = await tenant();
    const e = fixture('kms-disable-key');
    await processSqsBatch(batch([msg(t, e), msg(t, e), msg(t, e, '2024-07-01T00:00:05.000Z')]), { ...deps, store });
    await processSqsBatch(batch([msg(t, e)]), { ...deps, store });
    expect(await get(dynamo.controlTable, controlKeys.eventStats(t, '111122223333'))).toMatchObject({ applied: 1, duplicates: 3 });
    expect(await get(dynamo.controlTable, controlKeys.health(t, '111122223333', 'eu-west-1'))).toMatchObject({
      lastEventAt: '2024-07-01T00:00:05.000Z',
      templateVersion: '1.4.0',
      lastEventId: e.detail.eventID,
    });
  });

  it('records health only for regions the account has: an event naming an invented region grows no row', async () => {
    const t = await tenant();
    const e = fixture('kms-disable-key');
    const invented = { ...e, id: 'b1c2', region: 'xx-fake-9', detail: { ...e.detail, eventID: 'invented-region-event', awsRegion: 'xx-fake-9' } };
    await processSqsBatch(batch([msg(t, invented)]), { ...deps, store });
    expect(await get(dynamo.controlTable, controlKeys.health(t, '111122223333', 'xx-fake-9'))).toBeUndefined();
    await dynamo.documentClient.send(
      new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(t, '111122223333'), tenantId: t, accountId: '111122223333', status: 'LINKED', regions: ['us-east-1'] } }),
    );
    await processSqsBatch(batch([msg(t, { ...e, id: 'b1c3', detail: { ...e.detail, eventID: 'outside-data-source' } })]), { ...deps, store });
    expect(await get(dynamo.controlTable, controlKeys.health(t, '111122223333', 'eu-west-1'))).toBeUndefined();
  });

  it('counts a usage once however often the event is delivered', async () => {
    const t = await tenant();
    const e = fixture('kms-sign-by-ec2-instance');
    await processSqsBatch(batch([msg(t, e), msg(t, e)]), { ...deps, store });
    await processSqsBatch(batch([msg(t, e)]), { ...deps, store });
    const { Items } = await dynamo.documentClient.send(
      new QueryCommand({ TableName: dynamo.inventoryTable, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': inventoryKeys.usagesOf(assetId(t, KEY)) } }),
    );
    expect(Items?.map((i) => i.count)).toEqual([1]);
  });

  it('keeps only the most recently seen usage edges of an asset, however many callers events name', async () => {
    // GIVEN a store that keeps 3 edges per asset, and 6 different instances signing with one key, a minute apart
    const t = await tenant();
    const capped = new DynamoEventStore({ documentClient: dynamo.documentClient, inventoryTable: dynamo.inventoryTable, controlTable: dynamo.controlTable, dedupDays: 7, historyDays: 365, maxUsageEdgesPerAsset: 3 });
    const base = fixture('kms-sign-by-ec2-instance');
    const instances = ['i-0000000000000000a', 'i-0000000000000000b', 'i-0000000000000000c', 'i-0000000000000000d', 'i-0000000000000000e', 'i-0000000000000000f'];
    const events = instances.map((instance, i) => {
      const arn = String(base.detail.userIdentity.arn).replace(/[^/]+$/, instance);
      return {
        ...base,
        id: `cap-${i}`,
        detail: { ...base.detail, eventID: `cap-${i}`, eventTime: `2024-06-30T00:0${i}:00Z`, userIdentity: { ...base.detail.userIdentity, arn, principalId: `AROAEXAMPLE:${instance}` } },
      };
    });
    // WHEN they arrive out of order
    for (const e of [events[3], events[0], events[5], events[1], events[4], events[2]]) await processSqsBatch(batch([msg(t, e)]), { ...deps, store: capped });
    // THEN the asset keeps the three most recent callers
    const { Items } = await dynamo.documentClient.send(
      new QueryCommand({ TableName: dynamo.inventoryTable, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': inventoryKeys.usagesOf(assetId(t, KEY)) } }),
    );
    expect(Items?.map((i) => String(i.resourceArn).split('/').pop()).sort()).toEqual(instances.slice(3));
  });

  it.each([
    ['an unlinked account', 'UNLINKED' as const],
    ['an account never linked to this tenant', undefined],
  ])('drops events from %s without writing the inventory or health', async (_label, status) => {
    const t = status ? await tenant(status) : `p-${++n}`;
    const response = await processSqsBatch(batch([msg(t, fixture('kms-disable-key'))]), { ...deps, store });
    expect(response.batchItemFailures).toEqual([]);
    expect(await get(dynamo.inventoryTable, inventoryKeys.asset(assetId(t, KEY)))).toBeUndefined();
    expect(await get(dynamo.controlTable, controlKeys.health(t, '111122223333', 'eu-west-1'))).toBeUndefined();
    // An account with a record counts its own drops; an account the tenant never linked creates no row of its own.
    const countedUnder = status ? '111122223333' : 'unlinked';
    expect(await get(dynamo.controlTable, controlKeys.eventStats(t, countedUnder))).toMatchObject({ 'dropped_account-not-linked': 1 });
    if (!status) expect(await get(dynamo.controlTable, controlKeys.eventStats(t, '111122223333'))).toBeUndefined();
  });

  it('counts a refresh it cannot do, and still applies the event', async () => {
    const t = await tenant();
    await processSqsBatch(batch([msg(t, fixture('kms-put-key-policy'))]), { ...deps, store });
    expect(await get(dynamo.controlTable, controlKeys.eventStats(t, '111122223333'))).toMatchObject({ applied: 1, refresh_unavailable: 1 });
  });
});

describe('replaying events against dynalite', () => {
  const KEY_EVENTS = [
    'kms-disable-key',
    'kms-enable-key',
    'kms-enable-key-rotation',
    'kms-disable-key-rotation',
    'kms-tag-resource',
    'kms-untag-resource',
    'kms-create-alias',
    'kms-delete-alias',
    'kms-cancel-key-deletion',
    'tag-change-kms-key',
  ];
  // A small hour of mutations on one key, some in the same second (tie broken by eventID).
  const events = KEY_EVENTS.map((name, i) => {
    const e = fixture(name);
    const time = `2024-06-02T10:00:${String(Math.floor(i / 2)).padStart(2, '0')}Z`;
    if (e.detail.eventTime) e.detail.eventTime = time;
    e.time = time;
    return e;
  });
  const key = (e: { detail: { eventTime?: string; eventID?: string }; time: string; id: string }) => `${new Date(e.detail.eventTime ?? e.time).toISOString()}#${e.detail.eventID ?? e.id}`;
  const visible = (item: Record<string, unknown> | undefined) => {
    if (!item) return item;
    const { [CLOCK_ATTRIBUTE]: _c, rev: _r, tenantId: _t, id: _i, pk: _p, gsi1pk: _g, ...rest } = item;
    return rest;
  };

  it('gives the same key for shuffled and duplicated delivery (twice) as for one in-order delivery', async () => {
    const reference = await tenant();
    const ordered = [...events].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    await processSqsBatch(batch(ordered.map((e) => msg(reference, e))), { ...deps, store });
    const expected = visible(await get(dynamo.inventoryTable, inventoryKeys.asset(assetId(reference, KEY))));

    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2 }), fc.integer({ min: 1, max: 5 }), async (delivery, batchSize) => {
        const t = await tenant();
        for (let i = 0; i < delivery.length; i += batchSize) {
          await processSqsBatch(batch(delivery.slice(i, i + batchSize).map((e) => msg(t, e))), { ...deps, store });
        }
        expect(visible(await get(dynamo.inventoryTable, inventoryKeys.asset(assetId(t, KEY))))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
