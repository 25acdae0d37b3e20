import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, withoutKeys, writeIf } from '../shared/dynamo';
import type { Usage } from './asset';
import { assetId } from './asset-id';
import { inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import type { UsageObservation, UsageStore } from './usage-store';

/** Usage edges in the INVENTORY table, in the asset's partition (key design: lambdas/shared/table-schema.ts). */
export class DynamoUsageStore implements UsageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
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
  }

  async listUsages(id: string): Promise<Usage[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': inventoryKeys.asset(id).pk, ':prefix': 'USAGE#' },
    });
    return items.map((i) => withoutKeys<Usage>(i, [TTL_ATTRIBUTE]));
  }
}
