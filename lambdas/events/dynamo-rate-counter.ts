import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../shared/table-schema';
import { DEFAULT_API_REQUESTS_PER_SECOND, type RateCounter, TokenRateLimiter } from './rate-limit';

/**
 * Window counters in the control table: `pk RATE#<tokenId>`, `sk [<scope>#]<window start, epoch seconds>`, one ADD per
 * request, expired by TTL a minute later. A partition per token spreads a flood over its own key only; the scope keeps
 * the events endpoint's and the API's counts apart.
 */
export class DynamoRateCounter implements RateCounter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly scope?: string,
  ) {}

  async increment(tokenId: string, windowStartSeconds: number): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `RATE#${tokenId}`, sk: this.scope ? `${this.scope}#${windowStartSeconds}` : String(windowStartSeconds) },
        UpdateExpression: 'ADD #n :one SET #ttl = :ttl',
        ExpressionAttributeNames: { '#n': 'count', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':ttl': windowStartSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.count ?? 1);
  }
}

/** The per-token limit every API route takes a request from before anything else (lambdas/api/api-handler.ts). */
export function apiRateLimit(db: DynamoDBDocumentClient, controlTableName: string): TokenRateLimiter {
  return new TokenRateLimiter(new DynamoRateCounter(db, controlTableName, 'api'), DEFAULT_API_REQUESTS_PER_SECOND);
}
