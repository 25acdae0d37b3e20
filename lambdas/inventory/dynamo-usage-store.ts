import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, withoutKeys, writeIf } from '../shared/dynamo';
import type { Usage } from './asset';
import { assetId } from './asset-id';
import { inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import type { UsageObservation, UsageStore } from './usage-store';

/**
 * Usage edges (callers) kept per asset, the most recently seen. Events name callers freely (any role or function of
 * the account can call Decrypt), so without a bound a stream of events could grow an asset's partition without end;
 * 100 is far more than a key's real callers and keeps the asset's details response small.
 */
export const MAX_USAGE_EDGES_PER_ASSET = 100;

/** Usage edges in the INVENTORY table, a partition per asset (key design: lambdas/shared/table-schema.ts). */
export class DynamoUsageStore implements UsageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Edges kept per asset: the most recently seen. */
    private readonly maxEdgesPerAsset: number = MAX_USAGE_EDGES_PER_ASSET,
  ) {}

  /**
   * `count` ADD 1, `firstSeen` min and `lastSeen` max. DynamoDB has no min/max update, so the first write adds and
   * seeds, and two conditional writes move the bounds only when this use is outside them (any order).
   */
  async recordUsage(tenantId: string, usage: UsageObservation, time: string): Promise<void> {
    const Key = inventoryKeys.usage(assetId(tenantId, usage.assetArn), usage.resourceArn);
    const TableName = this.tableName;
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
    // A false condition: another delivery moved the bound further already.
    const moveBound = (expression: string, condition: string, values: Record<string, unknown>) =>
      writeIf(() =>
        this.db.send(new UpdateCommand({ TableName, Key, UpdateExpression: expression, ConditionExpression: condition, ExpressionAttributeValues: values })),
      );
    if (typeof Attributes?.lastSeen === 'string' && Attributes.lastSeen < time) {
      await moveBound('SET lastSeen = :t, via = :via', 'lastSeen < :t', { ':t': time, ':via': usage.via });
    }
    if (typeof Attributes?.firstSeen === 'string' && Attributes.firstSeen > time) {
      await moveBound('SET firstSeen = :t', 'firstSeen > :t', { ':t': time });
    }
    // A new edge may take the asset past its bound: the least recently seen edges go.
    if (Attributes?.count === 1) await this.trimUsages(Key.pk);
  }

  /**
   * Keeps the asset's `maxEdgesPerAsset` most recently seen edges (ties: by resource ARN). A delete is conditional on
   * the edge's lastSeen, so an edge seen again meanwhile stays; concurrent trims at worst keep one edge too many or
   * too few, and the next new edge restores the bound.
   */
  private async trimUsages(pk: string): Promise<void> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'sk, lastSeen',
      ConsistentRead: true,
    });
    if (items.length <= this.maxEdgesPerAsset) return;
    const edges = items.map((i) => ({ sk: String(i.sk), lastSeen: String(i.lastSeen ?? '') }));
    edges.sort((a, b) => (a.lastSeen === b.lastSeen ? a.sk.localeCompare(b.sk) : a.lastSeen < b.lastSeen ? 1 : -1));
    for (const edge of edges.slice(this.maxEdgesPerAsset)) {
      // A false condition: seen again since the query, so it is recent now.
      await writeIf(() =>
        this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk: edge.sk }, ConditionExpression: 'lastSeen = :seen', ExpressionAttributeValues: { ':seen': edge.lastSeen } })),
      );
    }
  }

  async listUsages(id: string): Promise<Usage[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inventoryKeys.usagesOf(id) },
    });
    return items.map((i) => withoutKeys<Usage>(i, [TTL_ATTRIBUTE]));
  }
}
