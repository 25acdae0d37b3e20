import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { writeIf } from '../shared/dynamo';
import { inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';
import type { EventMarkerStore } from './event-marker-store';

/** Event markers in the INVENTORY table, expired by DynamoDB TTL after `dedupDays` (key design: lambdas/shared/table-schema.ts). */
export class DynamoEventMarkerStore implements EventMarkerStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { readonly dedupDays: number; readonly now: () => Date },
  ) {}

  private nowSeconds(): number {
    return Math.floor(this.options.now().getTime() / 1000);
  }

  async hasSeen(tenantId: string, eventId: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: inventoryKeys.eventSeen(tenantId, eventId), ConsistentRead: true }));
    // TTL deletion is lazy (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html):
    // an expired marker still in the table no longer counts.
    return Item !== undefined && !(typeof Item[TTL_ATTRIBUTE] === 'number' && Item[TTL_ATTRIBUTE] < this.options.now().getTime() / 1000);
  }

  async markSeen(tenantId: string, eventId: string, eventName: string): Promise<boolean> {
    return writeIf(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...inventoryKeys.eventSeen(tenantId, eventId),
            eventId,
            eventName,
            seenAt: this.options.now().toISOString(),
            [TTL_ATTRIBUTE]: this.nowSeconds() + this.options.dedupDays * 86400,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': this.nowSeconds() },
        }),
      ),
    );
  }

  async unmarkSeen(tenantId: string, eventId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: inventoryKeys.eventSeen(tenantId, eventId) }));
  }
}
