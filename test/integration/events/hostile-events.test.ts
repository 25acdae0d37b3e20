import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unavailableRefresher } from '../../../lambdas/events/asset-refresher';
import { DynamoEventStore } from '../../../lambdas/events/dynamo-event-store';
import { processSqsBatch } from '../../../lambdas/events/process-batch';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { fromAssetItem } from '../../../lambdas/inventory/asset-item';
import { controlKeys, inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { queuedEvent, sqsEvent } from '../../support/sqs-event';

// What an uploader token can make the processor store, against a real (local) DynamoDB.
const FIXTURES = join(__dirname, '../../fixtures/cloudtrail');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
const ACCOUNT = '111122223333';
const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

let dynamo: LocalDynamo;
let store: DynamoEventStore;
let n = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  store = new DynamoEventStore({ documentClient: dynamo.documentClient, inventoryTable: dynamo.inventoryTable, controlTable: dynamo.controlTable, dedupDays: 7, historyDays: 365 });
});
afterAll(async () => dynamo.stop());

async function tenant(): Promise<string> {
  const tenantId = `h-${++n}`;
  await dynamo.documentClient.send(
    new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(tenantId, ACCOUNT), tenantId, accountId: ACCOUNT, status: 'LINKED', roleArn: `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole` } }),
  );
  return tenantId;
}

const deliver = (tenantId: string, envelopes: unknown[]) => processSqsBatch(sqsEvent(envelopes.map((e) => queuedEvent(tenantId, e))), { store, refresher: unavailableRefresher });

async function rowsOf(tenantId: string): Promise<string[]> {
  const { Items } = await dynamo.documentClient.send(
    new QueryCommand({ TableName: dynamo.controlTable, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `TENANT#${tenantId}` } }),
  );
  return (Items ?? []).map((i) => String(i.sk)).sort();
}

it('tags named __proto__, constructor and prototype are stored and read back as ordinary tags', async () => {
  const t = await tenant();
  const e = fixture('kms-tag-resource');
  const tags = ['__proto__', 'constructor', 'prototype', '~tilde'].map((k, i) => ({ tagKey: k, tagValue: `v${i}` }));
  const response = await deliver(t, [{ ...e, detail: { ...e.detail, requestParameters: { ...e.detail.requestParameters, tags } } }]);
  expect(response.batchItemFailures).toEqual([]);
  const item = (await dynamo.documentClient.send(new QueryCommand({ TableName: dynamo.inventoryTable, KeyConditionExpression: 'pk = :pk AND sk = :sk', ExpressionAttributeValues: { ':pk': inventoryKeys.asset(assetId(t, KEY)).pk, ':sk': 'ASSET' } }))).Items![0]!;
  expect(Object.entries(fromAssetItem(item).tags).sort()).toEqual([['__proto__', 'v0'], ['constructor', 'v1'], ['prototype', 'v2'], ['~tilde', 'v3']]);
});

it('no sequence of events grows the tenant past one row per linked (account, known Region) plus one unlinked bucket', async () => {
  const t = await tenant();
  const base = fixture('kms-disable-key');
  const hostile = fc.record({
    account: fc.constantFrom(ACCOUNT, '999988887777', '000000000001'),
    recipient: fc.option(fc.constantFrom(ACCOUNT, '999988887777'), { nil: undefined }),
    region: fc.constantFrom('eu-west-1', 'us-east-1', 'xx-evil-1', 'cn-north-1', 'eu-west-1\u0000'),
    id: fc.uuid(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 10 }), async (events) => {
      const envelopes = events.map((h) => ({
        ...base,
        account: h.account,
        detail: { ...base.detail, eventID: h.id, awsRegion: h.region, ...(h.recipient ? { recipientAccountId: h.recipient } : { recipientAccountId: undefined }) },
      }));
      const response = await deliver(t, envelopes);
      expect(response.batchItemFailures).toEqual([]);
    }),
    { numRuns: 15 },
  );
  const day = '2024-07-01'; // the day queuedEvent says the intake received them
  const allowed = [
    `ACCOUNT#${ACCOUNT}`,
    `EVENTSTATS#${ACCOUNT}`,
    'EVENTSTATS#unlinked',
    `HEALTH#${ACCOUNT}#eu-west-1`,
    `HEALTH#${ACCOUNT}#us-east-1`,
    `EVENTDAY#${ACCOUNT}#${day}#eu-west-1`,
    `EVENTDAY#${ACCOUNT}#${day}#us-east-1`,
  ];
  for (const row of await rowsOf(t)) expect(allowed).toContain(row);
});

it('counts events per region and day of receipt, dropped ones by reason, only in the regions of the account’s data source', async () => {
  // GIVEN an account whose data source is eu-west-1 only
  const t = await tenant();
  await dynamo.documentClient.send(
    new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(t, ACCOUNT), tenantId: t, accountId: ACCOUNT, status: 'LINKED', regions: ['eu-west-1'], roleArn: `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole` } }),
  );
  const base = fixture('kms-disable-key');
  const event = (id: string, region: string, extra: Record<string, unknown> = {}) => ({ ...base, detail: { ...base.detail, eventID: id, awsRegion: region, ...extra } });
  // WHEN it sends, over two days: an applied event and its duplicate, a failed call (dropped), an event in
  // us-east-1 (a real region, not the account's) and one in an invented region
  await processSqsBatch(
    sqsEvent([
      queuedEvent(t, event('a1', 'eu-west-1'), { receivedAt: '2024-07-01T10:00:00.000Z' }),
      queuedEvent(t, event('f1', 'eu-west-1', { errorCode: 'AccessDenied' }), { receivedAt: '2024-07-01T11:00:00.000Z' }),
      queuedEvent(t, event('u1', 'us-east-1'), { receivedAt: '2024-07-01T12:00:00.000Z' }),
      queuedEvent(t, event('x1', 'xx-evil-1'), { receivedAt: '2024-07-01T12:00:00.000Z' }),
    ]),
    { store, refresher: unavailableRefresher },
  );
  await processSqsBatch(sqsEvent([queuedEvent(t, event('a1', 'eu-west-1'), { receivedAt: '2024-07-02T00:00:01.000Z' })]), { store, refresher: unavailableRefresher });
  // THEN eu-west-1 has one row per day with its counters, and no other region has any
  const { Items = [] } = await dynamo.documentClient.send(
    new QueryCommand({
      TableName: dynamo.controlTable,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `TENANT#${t}`, ':prefix': controlKeys.eventDaysOf(ACCOUNT) },
    }),
  );
  const counters = (i: Record<string, unknown>) => Object.fromEntries(Object.entries(i).filter(([k, v]) => typeof v === 'number' && k !== 'expiresAt'));
  expect(Items.map((i) => [i.sk, i.region, i.day, counters(i)])).toEqual([
    [`EVENTDAY#${ACCOUNT}#2024-07-01#eu-west-1`, 'eu-west-1', '2024-07-01', { applied: 1, 'dropped_failed-call': 1 }],
    [`EVENTDAY#${ACCOUNT}#2024-07-02#eu-west-1`, 'eu-west-1', '2024-07-02', { duplicates: 1 }],
  ]);
  // AND the account's totals still count everything
  const rows = await rowsOf(t);
  expect(rows.filter((r) => r.startsWith('EVENTDAY#'))).toHaveLength(2);
});
