import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { DynamoEventMarkerStore } from '../../../lambdas/events/dynamo-event-marker-store';
import { DynamoEventStatsStore } from '../../../lambdas/events/dynamo-event-stats-store';
import { controlKeys, inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
let clock: Date;
let markers: DynamoEventMarkerStore;
let stats: DynamoEventStatsStore;
let n = 0;
let tenantId: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  markers = new DynamoEventMarkerStore(dynamo.documentClient, dynamo.inventoryTable, { dedupDays: 7, now: () => clock });
  stats = new DynamoEventStatsStore(dynamo.documentClient, dynamo.controlTable);
});
afterAll(async () => dynamo.stop());
beforeEach(() => {
  tenantId = `tenant-${++n}`;
  clock = new Date('2026-01-01T00:00:00.000Z');
});

describe('DynamoEventMarkerStore', () => {
  it('marks an event once, remembers it for the dedup window, and forgets it when unmarked', async () => {
    expect(await markers.hasSeen(tenantId, 'e1')).toBe(false);
    expect(await markers.markSeen(tenantId, 'e1', 'DisableKey')).toBe(true);
    expect(await markers.markSeen(tenantId, 'e1', 'DisableKey')).toBe(false);
    expect(await markers.hasSeen(tenantId, 'e1')).toBe(true);
    const { Item } = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.eventSeen(tenantId, 'e1') }));
    expect(Item).toMatchObject({ eventId: 'e1', eventName: 'DisableKey', seenAt: '2026-01-01T00:00:00.000Z', expiresAt: Date.parse('2026-01-08T00:00:00.000Z') / 1000 });
    await markers.unmarkSeen(tenantId, 'e1');
    expect(await markers.hasSeen(tenantId, 'e1')).toBe(false);
  });

  it('treats a marker past its TTL as gone (TTL deletion is lazy) and lets a new delivery mark it again', async () => {
    await markers.markSeen(tenantId, 'e2', 'EnableKey');
    clock = new Date('2026-01-08T00:00:01.000Z');
    expect(await markers.hasSeen(tenantId, 'e2')).toBe(false);
    expect(await markers.markSeen(tenantId, 'e2', 'EnableKey')).toBe(true);
  });
});

describe('DynamoEventStatsStore', () => {
  it('adds counters and keeps the newest health observation per region; the account details read both back', async () => {
    const { tenants, accounts } = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
    await tenants.createTenant({ tenantId, name: 'Acme', externalId: 'ext-123456', createdAt: '2026-01-01T00:00:00.000Z' });
    await accounts.linkAccount({ tenantId, accountId: '111122223333', roleArn: 'arn:aws:iam::111122223333:role/R', regions: null, now: '2026-01-01T00:00:00.000Z' });
    await stats.addEventStats([{ tenantId, accountId: '111122223333', counters: { applied: 2, duplicates: 0 } }]);
    await stats.addEventStats([{ tenantId, accountId: '111122223333', counters: { applied: 1, dropped_not_linked: 4 } }]);
    const health = (at: string, id: string) => ({ tenantId, accountId: '111122223333', region: 'eu-west-1', lastEventAt: at, lastEventTime: at, lastEventId: id });
    await stats.recordHealth([health('2026-01-02T00:00:00.000Z', 'newer')]);
    await stats.recordHealth([{ ...health('2026-01-01T00:00:00.000Z', 'older'), templateVersion: '0.9.0' }]);
    const details = await accounts.getAccountDetails(tenantId, '111122223333');
    expect(details.eventStats).toEqual({ applied: 3, dropped_not_linked: 4 });
    expect(details.health).toEqual([{ region: 'eu-west-1', lastEventAt: '2026-01-02T00:00:00.000Z', lastEventId: 'newer' }]);
  });

  it('writes nothing for an all-zero delta', async () => {
    await stats.addEventStats([{ tenantId, accountId: '222233334444', counters: { applied: 0 } }]);
    const { Item } = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.controlTable, Key: controlKeys.eventStats(tenantId, '222233334444') }));
    expect(Item).toBeUndefined();
  });
});

