import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryPages, writeIf, type Item } from '../shared/dynamo';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import { aliasIndexFromKeyAssets, partitionOf, resolveKmsKeyRef } from './key-references';
import type { Asset, AssetType, DiscoveredAsset } from './asset';
import { assetId as computeAssetId } from './asset-id';
import { fromAssetItem, toAssetItem } from './asset-item';
import type { AssetScope, AssetStore, CrawlObservation, InventoryPage, InventoryQuery, SweepInput, SweepResult, UpsertOutcome } from './asset-store';
import { listAssets } from './dynamo-asset-listing';
import { GSI1, GSI2, inventoryKeys } from '../shared/table-schema';

export interface AssetStoreOptions {
  /** Upper bound on DynamoDB Query calls per list page (empty partitions cost a call each). @default 50 */
  readonly maxQueriesPerPage?: number;
  /** Regions to enumerate per account when listing, unlinking or purging. @default every commercial region */
  readonly regions?: readonly string[];
}

/** Top-level optional attributes a crawl write removes when the new observation lacks them. */
const CLEARED_BY_CRAWL = ['deleted', 'deletedAt', 'unlinkedAt', 'secure', 'coverageGaps', GSI2.pk, GSI2.sk] as const;

/**
 * Assets in the INVENTORY table (key design: lambdas/shared/table-schema.ts; item shape: asset-item.ts). Every write is a
 * single-item conditional write; "newest observation wins" is enforced by conditions on `observedAt`.
 */
export class DynamoAssetStore implements AssetStore {
  private readonly maxQueries: number;
  private readonly regions: readonly string[];

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: AssetStoreOptions = {},
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
    let old: Item | undefined;
    const written = await writeIf(async () => {
      ({ Attributes: old } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inventoryKeys.asset(id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_not_exists(pk) OR observedAt < :observedAt',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_OLD',
        }),
      ));
    });
    if (written) {
      if (!old || old.deleted === true) return 'created';
      return sameDiscoveredFields(discovered, old) ? 'unchanged' : 'updated';
    }
    await this.stampCrawl(id, obs);
    return 'stamped';
  }

  private async stampCrawl(id: string, obs: CrawlObservation): Promise<void> {
    const stamped = await writeIf(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: inventoryKeys.asset(id),
          UpdateExpression: 'SET lastCrawlId = :id, lastSeen = :seen',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSeen) OR lastSeen < :seen)',
          ExpressionAttributeValues: { ':id': obs.ingestionId, ':seen': obs.observedAt },
        }),
      ),
    );
    if (stamped) return;
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
      for await (const items of queryPages(this.db, query)) {
        for (const item of items) {
          examined++;
          const marked = await writeIf(() =>
            this.db.send(
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
            ),
          );
          if (marked) deleted++;
        }
      }
    }
    return { examined, deleted, skipped: examined - deleted };
  }

  /**
   * Writes `relations.kmsKeyArn` on the region's secrets and parameters from their `relations.kmsKeyRef`, using the
   * region's key assets (ids and aliases). Conditional on `observedAt` unchanged, so a newer observation is not
   * overwritten with a stale join.
   */
  async resolveKeyRelations(scope: AssetScope): Promise<number> {
    const pk = inventoryKeys.assetScope(scope.tenantId, scope.accountId, scope.region);
    const keys: Array<Pick<DiscoveredAsset, 'type' | 'arn' | 'region' | 'relations'>> = [];
    for (const i of await queryAll(this.db, this.scopeQuery(pk, 'key', 'type, arn, region, relations, deleted'))) {
      if (i.deleted !== true) keys.push(i as unknown as (typeof keys)[number]);
    }
    const partition = keys.length > 0 ? partitionOf(keys[0].arn) : 'aws';
    // The pure key-reference join (lambdas/inventory/key-references.ts, also used by the discovery engine), fed from the stored key assets.
    const index = aliasIndexFromKeyAssets({ partition, region: scope.region, accountId: scope.accountId }, keys);
    let updated = 0;
    for (const type of ['secret', 'parameter'] as const) {
      for await (const items of queryPages(this.db, this.scopeQuery(pk, type, 'id, observedAt, relations'))) {
        for (const i of items) {
          const relations = (i.relations ?? {}) as { kmsKeyRef?: string; kmsKeyArn?: string };
          if (!relations.kmsKeyRef || relations.kmsKeyArn) continue;
          const resolved = resolveKmsKeyRef(relations.kmsKeyRef, index);
          if (!resolved) continue;
          const written = await writeIf(() =>
            this.db.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: inventoryKeys.asset(String(i.id)),
                // Same shape as resolveKeyReferences: the resolved ARN replaces the raw reference.
                UpdateExpression: 'SET relations.kmsKeyArn = :arn REMOVE relations.kmsKeyRef',
                ConditionExpression: 'observedAt = :observedAt',
                ExpressionAttributeValues: { ':arn': resolved, ':observedAt': i.observedAt },
              }),
            ),
          );
          if (written) updated++;
        }
      }
    }
    return updated;
  }

  // ── account lifecycle ──────────────────────────────────────────────────────────────────────────────────────────
  async markAccountUnlinked(input: { tenantId: string; accountId: string; unlinkedAt: string }): Promise<number> {
    let marked = 0;
    for (const region of this.regions) {
      const pk = inventoryKeys.assetScope(input.tenantId, input.accountId, region);
      for await (const items of queryPages(this.db, this.scopeQuery(pk, undefined, 'id'))) {
        for (const i of items) {
          // A false condition: the asset was purged meanwhile.
          await writeIf(() =>
            this.db.send(
              new UpdateCommand({
                TableName: this.tableName,
                Key: inventoryKeys.asset(String(i.id)),
                UpdateExpression: 'SET unlinkedAt = :u',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':u': input.unlinkedAt },
              }),
            ),
          );
          marked++;
        }
      }
    }
    return marked;
  }

  async purgeAccount(input: { tenantId: string; accountId: string }): Promise<number> {
    let purged = 0;
    for (const region of this.regions) {
      const pk = inventoryKeys.assetScope(input.tenantId, input.accountId, region);
      for await (const items of queryPages(this.db, this.scopeQuery(pk, undefined, 'id'))) {
        for (const i of items) {
          // Its usage edges' partition, then its own (history, findings), the asset item last, so a retry after a
          // failure finds the asset again.
          const partition = (pk: string) =>
            queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'pk, sk' });
          const id = String(i.id);
          const rows = [...(await partition(inventoryKeys.usagesOf(id))), ...(await partition(inventoryKeys.asset(id).pk))];
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

  async list(query: InventoryQuery): Promise<InventoryPage> {
    return listAssets(this.db, this.tableName, query, { maxQueriesPerPage: this.maxQueries, regions: this.regions });
  }

  /** The byScope index of one (tenant, account, region), optionally one type, with only `projection` read. */
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
