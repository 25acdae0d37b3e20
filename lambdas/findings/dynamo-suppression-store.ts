import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Item, queryAll, withoutKeys, writeIf } from '../shared/dynamo';
import { inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import type { ScopedSuppression } from './suppression';
import type { SuppressionStore } from './suppression-store';
import { DAY_MS } from './time';

/** An expired suppression stays listed this long (the audit trail of who silenced what), then expires (DynamoDB TTL). */
export const EXPIRED_SUPPRESSION_RETENTION_DAYS = 90;

/**
 * The suppression's own expiry is stored as `suppressionExpiresAt`: `expiresAt` is the table's TTL attribute (epoch
 * seconds), which here holds the end of the audit retention.
 */
const EXPIRY_ATTRIBUTE = 'suppressionExpiresAt';

/**
 * Scoped suppressions in the INVENTORY table, one partition per tenant (key design: lambdas/shared/table-schema.ts):
 * a tenant has few, and every evaluation reads them all with one Query.
 */
export class DynamoSuppressionStore implements SuppressionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listSuppressions(tenantId: string): Promise<ScopedSuppression[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inventoryKeys.suppressionsPartition(tenantId) },
      ConsistentRead: true,
    });
    return items.map(toSuppression).sort((a, b) => a.at.localeCompare(b.at));
  }

  async getSuppression(tenantId: string, suppressionId: string): Promise<ScopedSuppression | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: inventoryKeys.suppression(tenantId, suppressionId), ConsistentRead: true }));
    return Item ? toSuppression(Item) : undefined;
  }

  async putSuppression(tenantId: string, suppression: ScopedSuppression): Promise<void> {
    // TTL is epoch seconds (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html).
    const { expiresAt, ...rest } = suppression;
    const expiry =
      expiresAt !== undefined ? { [EXPIRY_ATTRIBUTE]: expiresAt, [TTL_ATTRIBUTE]: Math.floor((Date.parse(expiresAt) + EXPIRED_SUPPRESSION_RETENTION_DAYS * DAY_MS) / 1000) } : {};
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...rest, tenantId, ...inventoryKeys.suppression(tenantId, suppression.suppressionId), ...expiry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async deleteSuppression(tenantId: string, suppressionId: string): Promise<boolean> {
    return writeIf(() =>
      this.db.send(new DeleteCommand({ TableName: this.tableName, Key: inventoryKeys.suppression(tenantId, suppressionId), ConditionExpression: 'attribute_exists(pk)' })),
    );
  }
}

function toSuppression(item: Item): ScopedSuppression {
  const { [EXPIRY_ATTRIBUTE]: expiresAt, ...rest } = withoutKeys(item, [TTL_ATTRIBUTE, 'tenantId']);
  return { ...(rest as unknown as ScopedSuppression), ...(typeof expiresAt === 'string' && { expiresAt }) };
}
