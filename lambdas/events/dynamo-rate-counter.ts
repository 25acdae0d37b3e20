import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../shared/table-schema';
import type { RateCounter } from './rate-limit';

/**
 * Window counters in the control table: `pk RATE#<tokenId>`, `sk <window start, epoch seconds>`, one ADD per request,
 * expired by TTL a minute later. A partition per token spreads a flood over its own key only.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async increment(tokenId: string, windowStartSeconds: number): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `RATE#${tokenId}`, sk: String(windowStartSeconds) },
        UpdateExpression: 'ADD #n :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#n': 'count', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':ttl': windowStartSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.count ?? 1);
  }
}
