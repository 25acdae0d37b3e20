import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Item } from '../shared/dynamo';
import { assetId } from './asset-id';
import { fromAssetItem } from './asset-item';
import type { InventoryPage, InventoryQuery } from './asset-store';
import { decodeCursor, encodeCursor, InvalidCursorError, type InventoryCursor } from './inventory-cursor';
import { GSI1, GSI2, inventoryKeys } from '../shared/table-schema';

export interface AssetListingOptions {
  /** Upper bound on DynamoDB Query calls per list page (empty partitions cost a call each). */
  readonly maxQueriesPerPage: number;
  /** Regions to enumerate per account. */
  readonly regions: readonly string[];
}

interface Partition {
  readonly indexName: string;
  readonly pkAttr: string;
  readonly pk: string;
  readonly keyCondition: string;
  readonly values: Item;
}

/**
 * One page of the tenant's inventory without scans: GetItem for `arn`, the byExpiry index for `expiresBefore`,
 * otherwise the byScope index, one (account, region) partition after the other. Other filters are DynamoDB filter
 * expressions. A page may hold fewer than `limit` items (the per-page query budget): continue while `nextCursor`.
 */
export async function listAssets(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: InventoryQuery,
  options: AssetListingOptions,
): Promise<InventoryPage> {
  if (query.arn !== undefined) return listByArn(db, tableName, query, query.arn);
  const partitions = plan(query, options.regions);
  const filter = filterFor(query);
  let position = 0;
  let startKey: Item | undefined;
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor);
    validateCursor(cursor, partitions);
    position = cursor.p;
    startKey = cursor.k;
  }
  const items: Item[] = [];
  let calls = 0;
  while (position < partitions.length && items.length < query.limit && calls < options.maxQueriesPerPage) {
    const partition = partitions[position];
    const remaining = query.limit - items.length;
    calls++;
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: partition.indexName,
        KeyConditionExpression: partition.keyCondition,
        FilterExpression: filter.expression,
        ExpressionAttributeNames: {
          ...filter.names,
          '#gpk': partition.pkAttr,
          ...(partition.keyCondition.includes('#gsk') && { '#gsk': sortKeyOf(partition) }),
        },
        ExpressionAttributeValues: { ...filter.values, ...partition.values },
        ExclusiveStartKey: startKey,
        // Read ahead when filters may drop items; truncation below keeps the cursor exact.
        Limit: Math.min(1000, Math.max(remaining, 100)),
      }),
    );
    const fresh = (page.Items ?? []).filter((i) => acceptedInCode(i, query));
    if (fresh.length > remaining) {
      const taken = fresh.slice(0, remaining);
      items.push(...taken);
      startKey = keyOf(taken[taken.length - 1], partition);
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

async function listByArn(db: DynamoDBDocumentClient, tableName: string, query: InventoryQuery, arn: string): Promise<InventoryPage> {
  if (query.cursor !== undefined) throw new InvalidCursorError('an arn lookup has a single page');
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: inventoryKeys.asset(assetId(query.tenantId, arn)) }));
  const matches =
    Item !== undefined &&
    Item.tenantId === query.tenantId &&
    acceptedInCode(Item, query) &&
    (query.type === undefined || Item.type === query.type) &&
    (query.region === undefined || Item.region === query.region) &&
    (query.quantumVulnerable === undefined || (Item.crypto as { quantumVulnerable?: unknown })?.quantumVulnerable === query.quantumVulnerable) &&
    (query.expiresBefore === undefined || String((Item.lifecycle as { notAfter?: string })?.notAfter ?? '\uffff') < query.expiresBefore) &&
    (query.q === undefined || String(Item.name).includes(query.q) || String(Item.arn).includes(query.q)) &&
    (query.includeDeleted === true || Item.deleted !== true);
  return { items: matches ? [fromAssetItem(Item)] : [], nextCursor: null };
}

function plan(query: InventoryQuery, allRegions: readonly string[]): Partition[] {
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
  const regions = query.region !== undefined ? [query.region] : allRegions;
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

function filterFor(query: InventoryQuery): { expression?: string; names: Record<string, string>; values: Item } {
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
function acceptedInCode(item: Item, query: InventoryQuery): boolean {
  const account = String(item.accountId);
  if (!query.accountIds.includes(account)) return false;
  return query.accountId === undefined || account === query.accountId;
}

function sortKeyOf(partition: Partition): string {
  return partition.indexName === GSI1.name ? GSI1.sk : GSI2.sk;
}

function keyOf(item: Item, partition: Partition): Item {
  const sk = sortKeyOf(partition);
  return { pk: item.pk, sk: item.sk, [partition.pkAttr]: item[partition.pkAttr], [sk]: item[sk] };
}

/** A forged cursor must not address another tenant's items: it must name this query's partition and index keys. */
function validateCursor(cursor: InventoryCursor, partitions: readonly Partition[]): void {
  const partition = partitions[cursor.p];
  if (!partition || partition.pk !== cursor.s) throw new InvalidCursorError('it does not belong to this query');
  if (cursor.k) {
    const keys = Object.keys(cursor.k).sort();
    const expected = ['pk', 'sk', partition.pkAttr, sortKeyOf(partition)].sort();
    if (keys.join() !== expected.join() || cursor.k[partition.pkAttr] !== partition.pk || !cursor.k.pk.startsWith('ASSET#')) {
      throw new InvalidCursorError('it does not belong to this query');
    }
  }
}
