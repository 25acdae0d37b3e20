import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { withoutKeys, writeIf } from '../shared/dynamo';
import type { HistoryEntry, HistoryStore } from './history-store';
import { inventoryKeys, TTL_ATTRIBUTE } from '../shared/table-schema';

export interface HistoryStoreOptions {
  /** How long entries are kept (HISTORY_RETENTION_DAYS): DynamoDB TTL deletes them after that. @default 365 */
  readonly retentionDays?: number;
  readonly now?: () => Date;
}

/** History rows in the INVENTORY table, in the asset's partition, sorted by event time (key design: lambdas/shared/table-schema.ts). */
export class DynamoHistoryStore implements HistoryStore {
  private readonly retentionDays: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: HistoryStoreOptions = {},
  ) {
    this.retentionDays = options.retentionDays ?? 365;
    this.now = options.now ?? (() => new Date());
  }

  async appendHistory(id: string, entry: HistoryEntry): Promise<boolean> {
    // TTL is epoch seconds (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html).
    const expiresAt = Math.floor(this.now().getTime() / 1000) + this.retentionDays * 86400;
    return writeIf(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...inventoryKeys.history(id, entry.at, entry.eventId), ...entry, [TTL_ATTRIBUTE]: expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async listHistory(id: string, limit: number): Promise<HistoryEntry[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': inventoryKeys.asset(id).pk, ':prefix': 'HISTORY#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => withoutKeys<HistoryEntry>(i, [TTL_ATTRIBUTE]));
  }
}
