import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import type { Asset, AssetType, DiscoveredAsset, Usage } from './asset';
import { assetId as computeAssetId } from './asset-id';
import { fromAssetItem, toAssetItem } from './asset-item';
import { decodeCursor, encodeCursor, InvalidCursorError, type InventoryCursor } from './inventory-cursor';
import { aliasIndexFromKeyAssets, partitionOf, resolveKmsKeyRef } from './key-references';
import { GSI1, GSI2, inventoryKeys } from '../shared/table-schema';

type Item = Record<string, unknown>;

export interface CrawlObservation {
  readonly tenantId: string;
  readonly ingestionId: string;
  /** The crawl's read time of this asset (ISO). */
  readonly observedAt: string;
}

/**
 * What a crawl write did: `created` (no live asset before), `updated` (what the crawl read differs from what was
 * stored), `unchanged`, or `stamped` (the stored state was a newer observation — an event — and was kept). Created and
 * updated on a re-crawl are changes the events had not brought: reconciliation drift.
 */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stamped';

export interface SweepInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly types: readonly AssetType[];
  readonly ingestionId: string;
  readonly crawlStartedAt: string;
  /** Assets observed (by an event) after crawlStartedAt − graceMs are kept: Secrets Manager's list lags by minutes. */
  readonly graceMs: number;
  /** Deletion time to record. @default now */
  readonly now?: string;
}

export interface SweepResult {
  readonly examined: number;
  readonly deleted: number;
  /** Changed between the query and the conditional delete (an event arrived): kept. */
  readonly skipped: number;
}

export interface InventoryQuery {
  readonly tenantId: string;
  /** The tenant's accounts (from the control table): the only partitions read. */
  readonly accountIds: readonly string[];
  readonly type?: AssetType;
  readonly region?: string;
  readonly accountId?: string;
  readonly arn?: string;
  readonly quantumVulnerable?: boolean;
  /** ISO instant: assets whose notAfter is strictly before it. */
  readonly expiresBefore?: string;
  /** Case-sensitive substring of the name or ARN. */
  readonly q?: string;
  readonly includeDeleted?: boolean;
  /** 1–1000. */
  readonly limit: number;
  readonly cursor?: string;
}

export interface InventoryPage {
  readonly items: Asset[];
  readonly nextCursor: string | null;
}

export interface AssetHistoryEntry {
  readonly [key: string]: unknown;
}

export interface AssetDetails {
  readonly asset: Asset;
  readonly usages: Usage[];
  readonly history: AssetHistoryEntry[];
}

export interface InventoryRepositoryOptions {
  /** Upper bound on DynamoDB Query calls per list page (empty partitions cost a call each). @default 50 */
  readonly maxQueriesPerPage?: number;
  /** Regions to enumerate per account when listing. @default every commercial region */
  readonly regions?: readonly string[];
}

interface Partition {
  readonly indexName: string;
  readonly pkAttr: string;
  readonly pk: string;
  readonly keyCondition: string;
  readonly values: Item;
}

/** Stable JSON (object keys sorted): DynamoDB maps do not keep key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Does the stored item hold what the crawl read? `relations` is left out: Finalize resolves its key references to key
 * ARNs after the crawl and events add usage edges, so it never equals a fresh read.
 */
function sameDiscoveredFields(discovered: DiscoveredAsset, stored: Item): boolean {
  return Object.entries(discovered).every(([k, v]) => k === 'relations' || v === undefined || canonical(v) === canonical(stored[k]));
}

/** Top-level optional attributes a crawl write removes when the new observation lacks them. */
const CLEARED_BY_CRAWL = ['deleted', 'deletedAt', 'unlinkedAt', 'secure', 'coverageGaps', GSI2.pk, GSI2.sk] as const;

/**
 * The inventory in DynamoDB (key design: table-schema.ts). Every write is a single-item conditional write
 * (dynalite has no transactions); "newest observation wins" is enforced by conditions on `observedAt`.
 */
export class DynamoInventoryRepository {
  private readonly maxQueries: number;
  private readonly regions: readonly string[];

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: InventoryRepositoryOptions = {},
  ) {
    this.maxQueries = options.maxQueriesPerPage ?? 50;
    this.regions = options.regions ?? COMMERCIAL_REGION_NAMES;
  }

  // ── crawl writes ───────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Writes what the crawl read, unless the stored state is a newer (or equally new) observation — an event applied
   * meanwhile, possibly a deletion. Then only `lastCrawlId`/`lastSeen` are stamped, so the sweep keeps the asset.
   */
  async upsertFromCrawl(discovered: DiscoveredAsset, obs: CrawlObservation): Promise<UpsertOutcome> {
    const id = computeAssetId(obs.tenantId, discovered.arn);
    const asset: Asset = {
      ...discovered,
      id,
      tenantId: obs.tenantId,
      source: 'AWS',
      firstSeen: obs.observedAt,
      lastSeen: obs.observedAt,
      observedAt: obs.observedAt,
    };
    const item: Item = { ...toAssetItem(asset, { lastCrawlId: obs.ingestionId }) };
    const names: Record<string, string> = {};
    const values: Item = { ':observedAt': obs.observedAt };
    const sets: string[] = [];
    let n = 0;
    for (const [attr, value] of Object.entries(item)) {
      if (attr === 'pk' || attr === 'sk' || value === undefined) continue;
      names[`#a${n}`] = attr;
      values[`:v${n}`] = value;
      // firstSeen survives every later write.
      sets.push(attr === 'firstSeen' ? `#a${n} = if_not_exists(#a${n}, :v${n})` : `#a${n} = :v${n}`);
      n++;
    }
    const removes = CLEARED_BY_CRAWL.filter((attr) => item[attr] === undefined).map((attr, i) => {
      names[`#r${i}`] = attr;
      return `#r${i}`;
    });
    try {
      const { Attributes: old } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inventoryKeys.asset(id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_not_exists(pk) OR observedAt < :observedAt',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (!old || old.deleted === true) return 'created';
      return sameDiscoveredFields(discovered, old) ? 'unchanged' : 'updated';
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    await this.stampCrawl(id, obs);
    return 'stamped';
  }

  private async stampCrawl(id: string, obs: CrawlObservation): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inventoryKeys.asset(id),
          UpdateExpression: 'SET lastCrawlId = :id, lastSeen = :seen',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSeen) OR lastSeen < :seen)',
          ExpressionAttributeValues: { ':id': obs.ingestionId, ':seen': obs.observedAt },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inventoryKeys.asset(id),
          UpdateExpression: 'SET lastCrawlId = :id',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':id': obs.ingestionId },
        }),
      );
    }
  }

  /**
   * Mark-and-sweep for one (region, service) whose crawl completed cleanly: every live asset of that scope the crawl
   * did not stamp, and that no event observed since `crawlStartedAt − graceMs`, is marked deleted. The deletion is an
   * observation at that cutoff, so an older event can never bring the asset back.
   */
  async sweep(input: SweepInput): Promise<SweepResult> {
    const cutoff = new Date(Date.parse(input.crawlStartedAt) - input.graceMs).toISOString();
    const now = input.now ?? new Date().toISOString();
    let examined = 0;
    let deleted = 0;
    let skipped = 0;
    for (const type of input.types) {
      const query: QueryCommandInput = {
        TableName: this.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :type)',
        FilterExpression:
          '(attribute_not_exists(deleted) OR deleted = :false) AND ' +
          '(attribute_not_exists(lastCrawlId) OR lastCrawlId <> :ingestion) AND observedAt < :cutoff',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk, '#id': 'id' },
        ExpressionAttributeValues: {
          ':pk': inventoryKeys.assetScope(input.tenantId, input.accountId, input.region),
          ':type': `${type}#`,
          ':false': false,
          ':ingestion': input.ingestionId,
          ':cutoff': cutoff,
        },
        ProjectionExpression: '#id, observedAt',
      };
      for await (const items of this.pages(query)) {
        for (const item of items) {
          examined++;
          try {
            await this.db.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: inventoryKeys.asset(String(item.id)),
                UpdateExpression: 'SET deleted = :true, deletedAt = :now, observedAt = :cutoff',
                // Unchanged since we read it: an event or a late crawl write in between wins.
                ConditionExpression: 'observedAt = :observedAt AND (attribute_not_exists(lastCrawlId) OR lastCrawlId <> :ingestion)',
                ExpressionAttributeValues: {
                  ':true': true,
                  ':now': now,
                  ':cutoff': cutoff,
                  ':observedAt': item.observedAt,
                  ':ingestion': input.ingestionId,
                },
              }),
            );
            deleted++;
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
            skipped++;
          }
        }
      }
    }
    return { examined, deleted, skipped };
  }

  /**
   * Writes `relations.kmsKeyArn` on the region's secrets and parameters from their `relations.kmsKeyRef`, using the
   * region's key assets (ids and aliases). Conditional on `observedAt` unchanged, so a newer observation is not
   * overwritten with a stale join. Returns how many assets were updated.
   */
  async resolveKeyRelations(scope: { tenantId: string; accountId: string; region: string }): Promise<number> {
    const pk = inventoryKeys.assetScope(scope.tenantId, scope.accountId, scope.region);
    const keys: Array<Pick<DiscoveredAsset, 'type' | 'arn' | 'region' | 'relations'>> = [];
    for await (const items of this.pages(this.scopeQuery(pk, 'key', 'type, arn, region, relations, deleted'))) {
      for (const i of items) if (i.deleted !== true) keys.push(i as unknown as (typeof keys)[number]);
    }
    const partition = keys.length > 0 ? partitionOf(keys[0].arn) : 'aws';
    // The pure key-reference join (lambdas/inventory/key-references.ts, also used by the discovery engine), fed from the stored key assets.
    const index = aliasIndexFromKeyAssets({ partition, region: scope.region, accountId: scope.accountId }, keys);
    let updated = 0;
    for (const type of ['secret', 'parameter'] as const) {
      for await (const items of this.pages(this.scopeQuery(pk, type, 'id, observedAt, relations'))) {
        for (const i of items) {
          const relations = (i.relations ?? {}) as { kmsKeyRef?: string; kmsKeyArn?: string };
          if (!relations.kmsKeyRef || relations.kmsKeyArn) continue;
          const resolved = resolveKmsKeyRef(relations.kmsKeyRef, index);
          if (!resolved) continue;
          try {
            await this.db.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: inventoryKeys.asset(String(i.id)),
                // Same shape as resolveKeyReferences: the resolved ARN replaces the raw reference.
                UpdateExpression: 'SET relations.kmsKeyArn = :arn REMOVE relations.kmsKeyRef',
                ConditionExpression: 'observedAt = :observedAt',
                ExpressionAttributeValues: { ':arn': resolved, ':observedAt': i.observedAt },
              }),
            );
            updated++;
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
      }
    }
    return updated;
  }

  // ── account lifecycle ──────────────────────────────────────────────────────────────────────────────────────────
  /** Unlink without purge: the assets stay, marked with `unlinkedAt`. Returns how many were marked. */
  async markAccountUnlinked(input: { tenantId: string; accountId: string; unlinkedAt: string }): Promise<number> {
    let marked = 0;
    for (const region of this.regions) {
      const pk = inventoryKeys.assetScope(input.tenantId, input.accountId, region);
      for await (const items of this.pages(this.scopeQuery(pk, undefined, 'id'))) {
        for (const i of items) {
          await this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: inventoryKeys.asset(String(i.id)),
              UpdateExpression: 'SET unlinkedAt = :u',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':u': input.unlinkedAt },
            }),
          ).catch((err: unknown) => {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          });
          marked++;
        }
      }
    }
    return marked;
  }

  /** Unlink with purge: deletes every asset of the account with its usages and history. Returns assets deleted. */
  async purgeAccount(input: { tenantId: string; accountId: string }): Promise<number> {
    let purged = 0;
    for (const region of this.regions) {
      const pk = inventoryKeys.assetScope(input.tenantId, input.accountId, region);
      for await (const items of this.pages(this.scopeQuery(pk, undefined, 'id'))) {
        for (const i of items) {
          const assetPk = inventoryKeys.asset(String(i.id)).pk;
          // Usages and history first, the asset item last: a retry after a failure finds the asset again.
          const rows: Item[] = [];
          for await (const page of this.pages({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': assetPk },
            ProjectionExpression: 'pk, sk',
          })) {
            rows.push(...page);
          }
          rows.sort((a, b) => (a.sk === 'ASSET' ? 1 : 0) - (b.sk === 'ASSET' ? 1 : 0));
          for (const row of rows) {
            await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: row.pk, sk: row.sk } }));
          }
          purged++;
        }
      }
    }
    return purged;
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────────────────────
  async get(tenantId: string, id: string): Promise<Asset | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: inventoryKeys.asset(id) }));
    // Ids are derived from the tenant, but never trust that alone: another tenant's asset is "not found".
    if (!Item || Item.tenantId !== tenantId) return undefined;
    return fromAssetItem(Item);
  }

  async getByArn(tenantId: string, arn: string): Promise<Asset | undefined> {
    return this.get(tenantId, computeAssetId(tenantId, arn));
  }

  /** The asset with its usages and its most recent history entries (newest first). */
  async getDetails(tenantId: string, id: string, historyLimit = 50): Promise<AssetDetails | undefined> {
    const asset = await this.get(tenantId, id);
    if (!asset) return undefined;
    const pk = inventoryKeys.asset(id).pk;
    const [usageItems, historyPage] = await Promise.all([
      this.collect({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': 'USAGE#' },
      }),
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': 'HISTORY#' },
          ScanIndexForward: false,
          Limit: historyLimit,
        }),
      ),
    ]);
    const clean = (i: Item) => {
      const { pk: _pk, sk: _sk, expiresAt: _ttl, ...rest } = i;
      return rest;
    };
    return {
      asset,
      usages: usageItems.map((i) => clean(i) as unknown as Usage),
      history: (historyPage.Items ?? []).map(clean),
    };
  }

  /**
   * One page of the tenant's inventory without scans: GetItem for `arn`, the byExpiry index for `expiresBefore`,
   * otherwise the byScope index, one (account, region) partition after the other. Other filters are DynamoDB filter
   * expressions. A page may hold fewer than `limit` items (the per-page query budget): continue while `nextCursor`.
   */
  async list(query: InventoryQuery): Promise<InventoryPage> {
    if (query.arn !== undefined) return this.listByArn(query);
    const partitions = this.plan(query);
    const filter = this.filterFor(query);
    let position = 0;
    let startKey: Item | undefined;
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor);
      this.validateCursor(cursor, partitions);
      position = cursor.p;
      startKey = cursor.k;
    }
    const items: Item[] = [];
    let calls = 0;
    while (position < partitions.length && items.length < query.limit && calls < this.maxQueries) {
      const partition = partitions[position];
      const remaining = query.limit - items.length;
      calls++;
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: partition.indexName,
          KeyConditionExpression: partition.keyCondition,
          FilterExpression: filter.expression,
          ExpressionAttributeNames: { ...filter.names, '#gpk': partition.pkAttr, ...(partition.keyCondition.includes('#gsk') && { '#gsk': partition.indexName === GSI1.name ? GSI1.sk : GSI2.sk }) },
          ExpressionAttributeValues: { ...filter.values, ...partition.values },
          ExclusiveStartKey: startKey,
          // Read ahead when filters may drop items; truncation below keeps the cursor exact.
          Limit: Math.min(1000, Math.max(remaining, 100)),
        }),
      );
      const fresh = (page.Items ?? []).filter((i) => this.acceptedInCode(i, query));
      if (fresh.length > remaining) {
        const taken = fresh.slice(0, remaining);
        items.push(...taken);
        startKey = this.keyOf(taken[taken.length - 1], partition);
        break;
      }
      items.push(...fresh);
      if (page.LastEvaluatedKey) {
        startKey = page.LastEvaluatedKey;
      } else {
        position++;
        startKey = undefined;
      }
    }
    const done = position >= partitions.length;
    return {
      items: items.map((i) => fromAssetItem(i)),
      nextCursor: done
        ? null
        : encodeCursor({ p: position, s: partitions[position].pk, ...(startKey && { k: startKey as Record<string, string> }) }),
    };
  }

  private async listByArn(query: InventoryQuery): Promise<InventoryPage> {
    if (query.cursor !== undefined) throw new InvalidCursorError('an arn lookup has a single page');
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: inventoryKeys.asset(computeAssetId(query.tenantId, query.arn!)) }),
    );
    const matches =
      Item !== undefined &&
      Item.tenantId === query.tenantId &&
      this.acceptedInCode(Item, query) &&
      (query.type === undefined || Item.type === query.type) &&
      (query.region === undefined || Item.region === query.region) &&
      (query.quantumVulnerable === undefined || (Item.crypto as { quantumVulnerable?: unknown })?.quantumVulnerable === query.quantumVulnerable) &&
      (query.expiresBefore === undefined || String((Item.lifecycle as { notAfter?: string })?.notAfter ?? '\uffff') < query.expiresBefore) &&
      (query.q === undefined || String(Item.name).includes(query.q) || String(Item.arn).includes(query.q)) &&
      (query.includeDeleted === true || Item.deleted !== true);
    return { items: matches ? [fromAssetItem(Item)] : [], nextCursor: null };
  }

  private plan(query: InventoryQuery): Partition[] {
    const accounts = [...new Set(query.accountId !== undefined ? query.accountIds.filter((a) => a === query.accountId) : query.accountIds)].sort();
    if (query.expiresBefore !== undefined) {
      if (accounts.length === 0) return [];
      const pk = inventoryKeys.expiryPartition(query.tenantId);
      return [
        {
          indexName: GSI2.name,
          pkAttr: GSI2.pk,
          pk,
          keyCondition: '#gpk = :gpk AND #gsk < :gsk',
          values: { ':gpk': pk, ':gsk': query.expiresBefore },
        },
      ];
    }
    const regions = query.region !== undefined ? [query.region] : this.regions;
    const out: Partition[] = [];
    for (const account of accounts) {
      for (const region of regions) {
        const pk = inventoryKeys.assetScope(query.tenantId, account, region);
        out.push(
          query.type !== undefined
            ? {
                indexName: GSI1.name,
                pkAttr: GSI1.pk,
                pk,
                keyCondition: '#gpk = :gpk AND begins_with(#gsk, :gsk)',
                values: { ':gpk': pk, ':gsk': `${query.type}#` },
              }
            : { indexName: GSI1.name, pkAttr: GSI1.pk, pk, keyCondition: '#gpk = :gpk', values: { ':gpk': pk } },
        );
      }
    }
    return out;
  }

  private filterFor(query: InventoryQuery): { expression?: string; names: Record<string, string>; values: Item } {
    const parts: string[] = [];
    const names: Record<string, string> = {};
    const values: Item = {};
    if (!query.includeDeleted) {
      parts.push('(attribute_not_exists(#deleted) OR #deleted = :false)');
      names['#deleted'] = 'deleted';
      values[':false'] = false;
    }
    if (query.quantumVulnerable !== undefined) {
      parts.push('#crypto.#qv = :qv');
      names['#crypto'] = 'crypto';
      names['#qv'] = 'quantumVulnerable';
      values[':qv'] = query.quantumVulnerable;
    }
    if (query.q !== undefined) {
      parts.push('(contains(#name, :q) OR contains(#arn, :q))');
      names['#name'] = 'name';
      names['#arn'] = 'arn';
      values[':q'] = query.q;
    }
    if (query.expiresBefore !== undefined) {
      // The expiry index spans the tenant: narrow it to the requested scope here.
      if (query.type !== undefined) {
        parts.push('#type = :type');
        names['#type'] = 'type';
        values[':type'] = query.type;
      }
      if (query.region !== undefined) {
        parts.push('#region = :region');
        names['#region'] = 'region';
        values[':region'] = query.region;
      }
    }
    return { expression: parts.length ? parts.join(' AND ') : undefined, names, values };
  }

  /** Account scoping of the tenant-wide expiry index (the byScope partitions are already account-scoped). */
  private acceptedInCode(item: Item, query: InventoryQuery): boolean {
    const account = String(item.accountId);
    if (!query.accountIds.includes(account)) return false;
    return query.accountId === undefined || account === query.accountId;
  }

  private keyOf(item: Item, partition: Partition): Item {
    const sk = partition.indexName === GSI1.name ? GSI1.sk : GSI2.sk;
    return { pk: item.pk, sk: item.sk, [partition.pkAttr]: item[partition.pkAttr], [sk]: item[sk] };
  }

  private validateCursor(cursor: InventoryCursor, partitions: readonly Partition[]): void {
    const partition = partitions[cursor.p];
    if (!partition || partition.pk !== cursor.s) throw new InvalidCursorError('it does not belong to this query');
    if (cursor.k) {
      const sk = partition.indexName === GSI1.name ? GSI1.sk : GSI2.sk;
      const keys = Object.keys(cursor.k).sort();
      const expected = ['pk', 'sk', partition.pkAttr, sk].sort();
      if (keys.join() !== expected.join() || cursor.k[partition.pkAttr] !== partition.pk || !cursor.k.pk.startsWith('ASSET#')) {
        throw new InvalidCursorError('it does not belong to this query');
      }
    }
  }

  private scopeQuery(pk: string, type: AssetType | undefined, projection: string): QueryCommandInput {
    const projectionNames: Record<string, string> = {};
    const projected = projection
      .split(',')
      .map((p) => p.trim())
      .map((p) => {
        projectionNames[`#p_${p}`] = p;
        return `#p_${p}`;
      })
      .join(', ');
    return {
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: type ? '#pk = :pk AND begins_with(#sk, :type)' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk, ...(type && { '#sk': GSI1.sk }), ...projectionNames },
      ExpressionAttributeValues: { ':pk': pk, ...(type && { ':type': `${type}#` }) },
      ProjectionExpression: projected,
    };
  }

  private async *pages(input: QueryCommandInput): AsyncGenerator<Item[]> {
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      yield page.Items ?? [];
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }

  private async collect(input: QueryCommandInput): Promise<Item[]> {
    const out: Item[] = [];
    for await (const items of this.pages(input)) out.push(...items);
    return out;
  }
}
