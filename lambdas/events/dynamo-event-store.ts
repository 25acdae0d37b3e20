import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AssetType } from '../inventory/asset';
import { assetId } from '../inventory/asset-id';
import { assetItemKeys } from '../inventory/asset-item';
import { decodeStoredTags, encodeStoredTags, withStoredTags } from '../inventory/stored-tags';
import { controlKeys, GSI1, inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import { applyAssetChange, type ApplyOutcome, type EventStamp, type StoredItem } from './apply-change';
import { partitionOf } from './arn';
import { ConcurrentAssetUpdateError } from './errors';
import type { AccountLink, EventStatsDelta, EventStore, HealthObservation, HistoryContext } from './event-store';
import type { AssetChange, FieldOp, UsageChange } from './inventory-change';
import type { Asset } from '../inventory/asset';

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
  /** Usage edges kept per asset: the most recently seen ones. @default MAX_USAGE_EDGES_PER_ASSET */
  readonly maxUsageEdgesPerAsset?: number;
}

/**
 * Usage edges (callers) kept per asset, the most recently seen. Events name callers freely (any role, any function of
 * the account can call Decrypt), so without a bound a stream of events could grow an asset's partition without end;
 * 100 is far more than a key's real callers and keeps the asset's details response small.
 */
export const MAX_USAGE_EDGES_PER_ASSET = 100;

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];
/** Sort-key prefix of usage edges (lambdas/shared/table-schema.ts, `inventoryKeys.usage`). */
const USAGE_PREFIX = inventoryKeys.usage('', '').sk;

const isConditionFailure = (err: unknown) =>
  err instanceof ConditionalCheckFailedException || (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * DynamoDB storage of the event pipeline. Single-item conditional writes only (no transactions: dynalite, the local
 * DynamoDB, has none), ordered so that a retried record converges (see process-event.ts).
 */
export class DynamoEventStore implements EventStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly now: () => Date;
  private readonly maxAttempts: number;

  constructor(private readonly options: DynamoEventStoreOptions) {
    this.db = options.documentClient;
    this.now = options.now ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  private ttl(days: number): number {
    return Math.floor(this.now().getTime() / 1000) + days * 86400;
  }

  async getAccount(tenantId: string, accountId: string): Promise<AccountLink | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.options.controlTable, Key: controlKeys.account(tenantId, accountId), ConsistentRead: true }));
    if (!Item) return undefined;
    return { status: Item.status === 'LINKED' ? 'LINKED' : 'UNLINKED', ...(typeof Item.roleArn === 'string' ? { roleArn: Item.roleArn } : {}) };
  }

  async hasSeen(tenantId: string, eventId: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.options.inventoryTable, Key: inventoryKeys.eventSeen(tenantId, eventId), ConsistentRead: true }));
    // TTL deletion is lazy: an expired marker still in the table no longer counts.
    return Item !== undefined && !(typeof Item[TTL_ATTRIBUTE] === 'number' && Item[TTL_ATTRIBUTE] < this.now().getTime() / 1000);
  }

  async markSeen(tenantId: string, eventId: string, eventName: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.options.inventoryTable,
          Item: { ...inventoryKeys.eventSeen(tenantId, eventId), eventId, eventName, seenAt: this.now().toISOString(), [TTL_ATTRIBUTE]: this.ttl(this.options.dedupDays) },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': Math.floor(this.now().getTime() / 1000) },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async unmarkSeen(tenantId: string, eventId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.options.inventoryTable, Key: inventoryKeys.eventSeen(tenantId, eventId) }));
  }

  async applyAssetChange(tenantId: string, change: AssetChange, stamp: EventStamp, history: HistoryContext): Promise<ApplyOutcome> {
    const key = inventoryKeys.asset(assetId(tenantId, change.asset.arn));
    for (let attempt = 1; ; attempt++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.options.inventoryTable, Key: key, ConsistentRead: true }));
      const current = Item ? withStoredTags(stripKeys(Item), decodeStoredTags) : undefined;
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
  private async putAsset(next: StoredItem, previous: Record<string, unknown> | undefined): Promise<void> {
    const rev = typeof previous?.rev === 'number' ? previous.rev : 0;
    const item = { ...withStoredTags(next, encodeStoredTags), ...assetItemKeys(next as unknown as Asset), rev: rev + 1 };
    if (!previous) {
      await this.db.send(new PutCommand({ TableName: this.options.inventoryTable, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return;
    }
    const names: Record<string, string> = { '#rev': 'rev', '#obs': 'observedAt', '#crawl': 'lastCrawlId' };
    const values: Record<string, unknown> = {};
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
    const id = assetId(tenantId, change.asset.arn);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.options.inventoryTable,
          Item: {
            ...inventoryKeys.history(id, stamp.time, stamp.eventId),
            tenantId,
            assetArn: change.asset.arn,
            eventId: stamp.eventId,
            eventName: history.eventName,
            who: history.who,
            at: stamp.time,
            changes: outcome.outcomes.map((o) => describeOp(o.op, o.applied)),
            [TTL_ATTRIBUTE]: this.ttl(this.options.historyDays),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  /**
   * Usage edge: `count` ADD 1, `firstSeen` min and `lastSeen` max. DynamoDB has no min/max update, so the first write
   * adds and seeds, and two conditional writes move the bounds only when this event is outside them (any order).
   */
  async recordUsage(tenantId: string, usage: UsageChange, time: string): Promise<void> {
    const Key = inventoryKeys.usage(assetId(tenantId, usage.assetArn), usage.resourceArn);
    const TableName = this.options.inventoryTable;
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression:
          'ADD #count :one SET tenantId = :tenant, assetArn = :asset, resourceArn = :resource, resourceType = :type, ' +
          'firstSeen = if_not_exists(firstSeen, :t), lastSeen = if_not_exists(lastSeen, :t), via = if_not_exists(via, :via)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':tenant': tenantId,
          ':asset': usage.assetArn,
          ':resource': usage.resourceArn,
          ':type': usage.resourceType,
          ':t': time,
          ':via': usage.via,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const conditional = async (expression: string, condition: string, values: Record<string, unknown>) => {
      try {
        await this.db.send(new UpdateCommand({ TableName, Key, UpdateExpression: expression, ConditionExpression: condition, ExpressionAttributeValues: values }));
      } catch (err) {
        if (!isConditionFailure(err)) throw err; // another delivery moved the bound further already
      }
    };
    if (typeof Attributes?.lastSeen === 'string' && Attributes.lastSeen < time) {
      await conditional('SET lastSeen = :t, via = :via', 'lastSeen < :t', { ':t': time, ':via': usage.via });
    }
    if (typeof Attributes?.firstSeen === 'string' && Attributes.firstSeen > time) {
      await conditional('SET firstSeen = :t', 'firstSeen > :t', { ':t': time });
    }
    // A new edge may take the asset past its bound: the least recently seen edges go.
    if (Attributes?.count === 1) await this.trimUsages(Key.pk);
  }

  /**
   * Keeps the asset's `maxUsageEdgesPerAsset` most recently seen edges (ties: by resource ARN). A delete is conditional
   * on the edge's lastSeen, so an edge seen again meanwhile stays; concurrent trims at worst delete one edge too few
   * or too many, and the next new edge restores the bound.
   */
  private async trimUsages(pk: string): Promise<void> {
    const max = this.options.maxUsageEdgesPerAsset ?? MAX_USAGE_EDGES_PER_ASSET;
    const TableName = this.options.inventoryTable;
    const edges: Array<{ sk: string; lastSeen: string }> = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :usage)',
        ExpressionAttributeValues: { ':pk': pk, ':usage': USAGE_PREFIX },
        ProjectionExpression: 'sk, lastSeen',
        ConsistentRead: true,
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) edges.push({ sk: String(item.sk), lastSeen: String(item.lastSeen ?? '') });
    if (edges.length <= max) return;
    edges.sort((a, b) => (a.lastSeen === b.lastSeen ? a.sk.localeCompare(b.sk) : a.lastSeen < b.lastSeen ? 1 : -1));
    for (const edge of edges.slice(max)) {
      try {
        await this.db.send(new DeleteCommand({ TableName, Key: { pk, sk: edge.sk }, ConditionExpression: 'lastSeen = :seen', ExpressionAttributeValues: { ':seen': edge.lastSeen } }));
      } catch (err) {
        if (!isConditionFailure(err)) throw err; // seen again since the query: it is recent now
      }
    }
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
    filter?: { expression: string; values: Record<string, unknown> },
  ): Promise<string[]> {
    const arns: string[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
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
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) if (typeof item.arn === 'string') arns.push(item.arn);
    return arns;
  }

  async addEventStats(deltas: readonly EventStatsDelta[]): Promise<void> {
    for (const delta of deltas) {
      const entries = Object.entries(delta.counters).filter(([, n]) => n > 0);
      if (entries.length === 0) continue;
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      entries.forEach(([name, n], i) => {
        names[`#c${i}`] = name;
        values[`:c${i}`] = n;
      });
      await this.db.send(
        new UpdateCommand({
          TableName: this.options.controlTable,
          Key: controlKeys.eventStats(delta.tenantId, delta.accountId),
          UpdateExpression: `SET tenantId = :tenant, accountId = :account ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':tenant': delta.tenantId, ':account': delta.accountId },
        }),
      );
    }
  }

  async recordHealth(observations: readonly HealthObservation[]): Promise<void> {
    for (const o of observations) {
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.options.controlTable,
            Key: controlKeys.health(o.tenantId, o.accountId, o.region),
            UpdateExpression:
              'SET tenantId = :tenant, accountId = :account, #region = :region, lastEventAt = :at, lastEventTime = :time, lastEventId = :id' +
              (o.templateVersion !== undefined ? ', templateVersion = :version' : ''),
            ConditionExpression: 'attribute_not_exists(lastEventAt) OR lastEventAt <= :at',
            ExpressionAttributeNames: { '#region': 'region' },
            ExpressionAttributeValues: {
              ':tenant': o.tenantId,
              ':account': o.accountId,
              ':region': o.region,
              ':at': o.lastEventAt,
              ':time': o.lastEventTime,
              ':id': o.lastEventId,
              ...(o.templateVersion !== undefined ? { ':version': o.templateVersion } : {}),
            },
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err; // a later batch already recorded a newer event
      }
    }
  }
}

function stripKeys(item: Record<string, unknown>): StoredItem {
  const rest: StoredItem = { ...item };
  for (const k of KEY_ATTRIBUTES) delete rest[k];
  return rest;
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
