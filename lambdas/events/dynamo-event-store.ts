import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, queryAll, withoutKeys, type Item } from '../shared/dynamo';
import type { Asset, AssetType } from '../inventory/asset';
import { assetId } from '../inventory/asset-id';
import { assetItemKeys } from '../inventory/asset-item';
import { decodeStoredTags, encodeStoredTags, withStoredTags } from '../inventory/stored-tags';
import { DynamoHistoryStore } from '../inventory/dynamo-history-store';
import { DynamoUsageStore } from '../inventory/dynamo-usage-store';
import type { UsageObservation } from '../inventory/usage-store';
import { controlKeys, GSI1, inventoryKeys } from '../shared/table-schema';
import { applyAssetChange, type ApplyOutcome, type EventStamp, type StoredItem } from './apply-change';
import { partitionOf } from './arn';
import { DynamoEventMarkerStore } from './dynamo-event-marker-store';
import { DynamoEventStatsStore } from './dynamo-event-stats-store';
import { ConcurrentAssetUpdateError } from './errors';
import type { AccountLink, EventStore, HistoryContext } from './event-store';
import type { EventStatsDelta, HealthObservation } from './event-stats-store';
import type { AssetChange, FieldOp } from './inventory-change';

export interface DynamoEventStoreOptions {
  readonly documentClient: DynamoDBDocumentClient;
  readonly inventoryTable: string;
  readonly controlTable: string;
  /** How long a processed event id is remembered (EVENT_DEDUP_DAYS). */
  readonly dedupDays: number;
  /** How long history rows are kept (HISTORY_RETENTION_DAYS). */
  readonly historyDays: number;
  readonly now?: () => Date;
  /** Optimistic-concurrency attempts per asset before the record is failed (and retried by SQS). */
  readonly maxAttempts?: number;
  /** Usage edges kept per asset, the most recently seen. @default MAX_USAGE_EDGES_PER_ASSET (lambdas/inventory/dynamo-usage-store.ts) */
  readonly maxUsageEdgesPerAsset?: number;
}

/**
 * DynamoDB storage of the event pipeline: the asset writes are here, markers, counters, usages and history are
 * delegated to their stores. Single-item conditional writes only (no transactions: dynalite, the local DynamoDB,
 * has none), ordered so that a retried record converges (see process-event.ts).
 */
export class DynamoEventStore implements EventStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly maxAttempts: number;
  private readonly markers: DynamoEventMarkerStore;
  private readonly stats: DynamoEventStatsStore;
  private readonly usages: DynamoUsageStore;
  private readonly history: DynamoHistoryStore;

  constructor(private readonly options: DynamoEventStoreOptions) {
    this.db = options.documentClient;
    this.maxAttempts = options.maxAttempts ?? 8;
    const now = options.now ?? (() => new Date());
    this.markers = new DynamoEventMarkerStore(this.db, options.inventoryTable, { dedupDays: options.dedupDays, now });
    this.stats = new DynamoEventStatsStore(this.db, options.controlTable);
    this.usages = new DynamoUsageStore(this.db, options.inventoryTable, options.maxUsageEdgesPerAsset);
    this.history = new DynamoHistoryStore(this.db, options.inventoryTable, { retentionDays: options.historyDays, now });
  }

  async getAccount(tenantId: string, accountId: string): Promise<AccountLink | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.options.controlTable, Key: controlKeys.account(tenantId, accountId), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      status: Item.status === 'LINKED' ? 'LINKED' : 'UNLINKED',
      ...(typeof Item.roleArn === 'string' ? { roleArn: Item.roleArn } : {}),
      ...(Array.isArray(Item.regions) || Item.regions === null ? { regions: Item.regions as string[] | null } : {}),
    };
  }

  hasSeen(tenantId: string, eventId: string): Promise<boolean> {
    return this.markers.hasSeen(tenantId, eventId);
  }

  markSeen(tenantId: string, eventId: string, eventName: string): Promise<boolean> {
    return this.markers.markSeen(tenantId, eventId, eventName);
  }

  unmarkSeen(tenantId: string, eventId: string): Promise<void> {
    return this.markers.unmarkSeen(tenantId, eventId);
  }

  recordUsage(tenantId: string, usage: UsageObservation, time: string): Promise<void> {
    return this.usages.recordUsage(tenantId, usage, time);
  }

  addEventStats(deltas: readonly EventStatsDelta[]): Promise<void> {
    return this.stats.addEventStats(deltas);
  }

  recordHealth(observations: readonly HealthObservation[]): Promise<void> {
    return this.stats.recordHealth(observations);
  }

  async applyAssetChange(tenantId: string, change: AssetChange, stamp: EventStamp, history: HistoryContext): Promise<ApplyOutcome> {
    const key = inventoryKeys.asset(assetId(tenantId, change.asset.arn));
    for (let attempt = 1; ; attempt++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.options.inventoryTable, Key: key, ConsistentRead: true }));
      const current = Item ? withStoredTags(withoutKeys<StoredItem>(Item), decodeStoredTags) : undefined;
      const outcome = applyAssetChange(current, change, stamp, tenantId);
      if (!outcome.changed) {
        await this.putHistory(tenantId, change, stamp, history, outcome);
        return outcome;
      }
      try {
        await this.putAsset(outcome.next, Item);
        await this.putHistory(tenantId, change, stamp, history, outcome);
        return outcome;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        if (attempt >= this.maxAttempts) throw new ConcurrentAssetUpdateError(change.asset.arn);
      }
    }
  }

  /** Optimistic concurrency: the write succeeds only if nobody (event or crawl) wrote the item since we read it. */
  private async putAsset(next: StoredItem, previous: Item | undefined): Promise<void> {
    const rev = typeof previous?.rev === 'number' ? previous.rev : 0;
    const item = { ...withStoredTags(next, encodeStoredTags), ...assetItemKeys(next as unknown as Asset), rev: rev + 1 };
    if (!previous) {
      await this.db.send(new PutCommand({ TableName: this.options.inventoryTable, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return;
    }
    const names: Record<string, string> = { '#rev': 'rev', '#obs': 'observedAt', '#crawl': 'lastCrawlId' };
    const values: Item = {};
    const conditions = [
      typeof previous.rev === 'number' ? '#rev = :rev' : 'attribute_not_exists(#rev)',
      typeof previous.observedAt === 'string' ? '#obs = :obs' : 'attribute_not_exists(#obs)',
      typeof previous.lastCrawlId === 'string' ? '#crawl = :crawl' : 'attribute_not_exists(#crawl)',
    ];
    if (typeof previous.rev === 'number') values[':rev'] = previous.rev;
    if (typeof previous.observedAt === 'string') values[':obs'] = previous.observedAt;
    if (typeof previous.lastCrawlId === 'string') values[':crawl'] = previous.lastCrawlId;
    await this.db.send(
      new PutCommand({
        TableName: this.options.inventoryTable,
        Item: item,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      }),
    );
  }

  /** One row per (asset, event); a redelivery finds it there and leaves it as first written. */
  private async putHistory(tenantId: string, change: AssetChange, stamp: EventStamp, history: HistoryContext, outcome: ApplyOutcome): Promise<void> {
    await this.history.appendHistory(assetId(tenantId, change.asset.arn), {
      tenantId,
      assetArn: change.asset.arn,
      eventId: stamp.eventId,
      eventName: history.eventName,
      who: history.who,
      at: stamp.time,
      changes: outcome.outcomes.map((o) => describeOp(o.op, o.applied)),
    });
  }

  async findSecretArnByName(tenantId: string, accountId: string, region: string, name: string): Promise<string | undefined> {
    const prefix = `arn:${partitionOf(region)}:secretsmanager:${region}:${accountId}:secret:${name}-`;
    const arns = await this.scopeArns(tenantId, accountId, region, 'secret', prefix);
    // Secrets Manager appends a hyphen and six random characters to the name.
    return arns.find((arn) => /^-[A-Za-z0-9]{6}$/.test(arn.slice(prefix.length - 1)));
  }

  async findAliasHolders(tenantId: string, accountId: string, region: string, aliasName: string): Promise<string[]> {
    return this.scopeArns(tenantId, accountId, region, 'key', '', { expression: 'contains(relations.aliases, :alias)', values: { ':alias': aliasName } });
  }

  private async scopeArns(
    tenantId: string,
    accountId: string,
    region: string,
    type: AssetType,
    arnPrefix: string,
    filter?: { expression: string; values: Item },
  ): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.options.inventoryTable,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
      ExpressionAttributeValues: {
        ':pk': inventoryKeys.assetScope(tenantId, accountId, region),
        ':sk': inventoryKeys.assetScopeSort(type, arnPrefix),
        ...(filter?.values ?? {}),
      },
      ...(filter ? { FilterExpression: filter.expression } : {}),
      ProjectionExpression: 'arn',
    });
    return items.map((i) => i.arn).filter((arn): arn is string => typeof arn === 'string');
  }
}

/** A history entry for one op: what the event said, and whether it is what the asset now holds. */
function describeOp(op: FieldOp, applied: boolean): Record<string, unknown> {
  const path = op.path.join('.');
  switch (op.op) {
    case 'set':
      return { op: 'set', path, value: op.value, applied };
    case 'unset':
      return { op: 'unset', path, applied };
    case 'put-entry':
      return { op: 'put', path, key: op.key, value: op.value, applied };
    case 'remove-entry':
      return { op: 'remove', path, key: op.key, applied };
    case 'replace-entries':
      return { op: 'replace', path, value: path === 'tags' ? encodeStoredTags(op.entries as Record<string, string>) : op.entries, applied };
  }
}
