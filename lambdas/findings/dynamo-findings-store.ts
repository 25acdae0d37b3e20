import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../inventory/inventory-cursor';
import { queryAll } from '../shared/dynamo';
import { batchPutAll } from '../shared/dynamo-batch-write';
import { GSI1, GSI2, inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import type { Finding } from './finding';
import type { FindingsPage, FindingsQuery, FindingsStore } from './findings-store';
import { severityRank } from './severity';
import { DAY_MS } from './time';

type Item = Record<string, unknown>;

/** Resolved findings are kept this long for the audit trail, then expire (DynamoDB TTL). */
export const RESOLVED_RETENTION_DAYS = 90;

/**
 * Findings in the inventory table, next to their asset (key design: lambdas/shared/table-schema.ts): one item per
 * (asset, rule), so an asset's findings are one Query and purging an account's assets removes them. The byUrgency
 * index orders a tenant's findings by severity then due date, so GET /v1/findings pages without sorting in memory.
 */
export class DynamoFindingsStore implements FindingsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One consistent Query per asset (8 in flight): for the few assets an event batch touched. */
  async findingsOfAssets(tenantId: string, assetIds: readonly string[]): Promise<Finding[]> {
    const found: Finding[] = [];
    let next = 0;
    const worker = async () => {
      while (next < assetIds.length) {
        const items = await queryAll(this.db, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': inventoryKeys.asset(assetIds[next++]).pk, ':prefix': inventoryKeys.findingsOfAsset },
          ConsistentRead: true,
        });
        found.push(...items.filter((i) => i.tenantId === tenantId).map(toFinding));
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, assetIds.length) }, worker));
    return found;
  }

  /**
   * The byUrgency index of the tenant, filtered to the account (one paginated Query instead of one per asset). The
   * index is eventually consistent (typically well under a second): a finding written in that window by another
   * evaluation may be missing, and is then opened again with that later firstSeenAt, or resolved at the next run.
   */
  async findingsInScope(tenantId: string, scope: { readonly accountId: string; readonly region?: string }): Promise<Finding[]> {
    const filter = filterFor({ tenantId, accountId: scope.accountId, region: scope.region, limit: 1 });
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#gpk = :gpk',
      FilterExpression: filter.expression,
      ExpressionAttributeNames: { '#gpk': GSI1.pk, ...filter.names },
      ExpressionAttributeValues: { ':gpk': inventoryKeys.findingsPartition(tenantId), ...filter.values },
    });
    return items.map(toFinding);
  }

  /** BatchWriteItem, 25 at a time, unprocessed items re-sent with backoff (lambdas/shared/dynamo-batch-write.ts). */
  async save(findings: readonly Finding[]): Promise<void> {
    await batchPutAll(this.db, this.tableName, findings.map(toItem), { concurrency: 8 });
  }

  async get(tenantId: string, findingId: string): Promise<Finding | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI2.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI2.pk },
        ExpressionAttributeValues: { ':pk': inventoryKeys.findingById(tenantId, findingId) },
      }),
    );
    const item = Items?.[0];
    return item && item.tenantId === tenantId ? toFinding(item) : undefined;
  }

  async list(query: FindingsQuery): Promise<FindingsPage> {
    const partition = inventoryKeys.findingsPartition(query.tenantId);
    let startKey: Record<string, string> | undefined;
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor);
      // A forged cursor must not address another tenant's partition.
      if (cursor.s !== partition || !cursor.k || cursor.k[GSI1.pk] !== partition) throw new InvalidCursorError('not issued for this tenant');
      startKey = cursor.k;
    }
    const filter = filterFor(query);
    const items: Item[] = [];
    for (;;) {
      const remaining = query.limit - items.length;
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: GSI1.name,
          KeyConditionExpression: '#gpk = :gpk',
          ...(filter.expression && { FilterExpression: filter.expression }),
          ExpressionAttributeNames: { '#gpk': GSI1.pk, ...filter.names },
          ExpressionAttributeValues: { ':gpk': partition, ...filter.values },
          ExclusiveStartKey: startKey,
          // Read ahead when filters may drop items; truncation below keeps the cursor exact.
          Limit: Math.min(1000, Math.max(remaining, 100)),
        }),
      );
      const fresh = page.Items ?? [];
      if (fresh.length > remaining) {
        const taken = fresh.slice(0, remaining);
        items.push(...taken);
        startKey = keyOf(taken[taken.length - 1]);
        break;
      }
      items.push(...fresh);
      startKey = page.LastEvaluatedKey as Record<string, string> | undefined;
      if (!startKey || items.length >= query.limit) break;
    }
    return { items: items.map(toFinding), nextCursor: startKey ? encodeCursor({ p: 0, s: partition, k: startKey }) : null };
  }
}

function keyOf(item: Item): Record<string, string> {
  return { pk: item.pk as string, sk: item.sk as string, [GSI1.pk]: item[GSI1.pk] as string, [GSI1.sk]: item[GSI1.sk] as string };
}

function filterFor(query: FindingsQuery): { expression?: string; names: Record<string, string>; values: Record<string, unknown> } {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const eq = (path: readonly string[], value: unknown, id: string) => {
    const ref = path.map((p, i) => {
      names[`#${id}${i}`] = p;
      return `#${id}${i}`;
    });
    values[`:${id}`] = value;
    clauses.push(`${ref.join('.')} = :${id}`);
  };
  if (query.status !== undefined) eq(['status'], query.status, 'st');
  if (query.severity !== undefined) eq(['severity'], query.severity, 'sv');
  if (query.ruleId !== undefined) eq(['ruleId'], query.ruleId, 'ru');
  if (query.accountId !== undefined) eq(['asset', 'accountId'], query.accountId, 'ac');
  if (query.region !== undefined) eq(['asset', 'region'], query.region, 're');
  if (query.assetType !== undefined) eq(['asset', 'type'], query.assetType, 'ty');
  if (query.tag !== undefined) eq(['asset', 'tags', query.tag.key], query.tag.value, 'tg');
  if (query.profile !== undefined && query.profile !== 'all') {
    names['#pr'] = 'profiles';
    values[':pr'] = query.profile;
    clauses.push('contains(#pr, :pr)');
  }
  return { ...(clauses.length > 0 && { expression: clauses.join(' AND ') }), names, values };
}

function toItem(finding: Finding): Item {
  // JSON round trip: the document client rejects undefined members of nested objects.
  const body = JSON.parse(JSON.stringify(finding)) as Item;
  const retention = finding.status === 'resolved' && finding.resolvedAt ? { [TTL_ATTRIBUTE]: Math.floor((Date.parse(finding.resolvedAt) + RESOLVED_RETENTION_DAYS * DAY_MS) / 1000) } : {};
  return {
    ...body,
    ...inventoryKeys.finding(finding.asset.assetId, finding.ruleId),
    [GSI1.pk]: inventoryKeys.findingsPartition(finding.tenantId),
    [GSI1.sk]: inventoryKeys.findingsSort(severityRank(finding.severity), finding.dueAt, finding.findingId),
    [GSI2.pk]: inventoryKeys.findingById(finding.tenantId, finding.findingId),
    [GSI2.sk]: 'FINDING',
    ...retention,
  };
}

function toFinding(item: Item): Finding {
  const { pk: _pk, sk: _sk, [GSI1.pk]: _g1, [GSI1.sk]: _g1s, [GSI2.pk]: _g2, [GSI2.sk]: _g2s, [TTL_ATTRIBUTE]: _ttl, ...finding } = item;
  return finding as unknown as Finding;
}
