import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './dynamo';

/** BatchWriteItem takes at most 25 requests (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html). */
export const BATCH_WRITE_LIMIT = 25;

export interface BatchWriteOptions {
  /** Batches in flight at once. @default 4 */
  readonly concurrency?: number;
  /** Calls per batch before its unprocessed items count as a failure. @default 8 */
  readonly maxAttempts?: number;
  /** First backoff before re-sending unprocessed items, doubled each time (with jitter). @default 50 */
  readonly baseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Items a batch write could not store after its retries (throttling that did not pass). */
export class UnprocessedItemsError extends Error {
  constructor(
    readonly tableName: string,
    readonly unprocessed: number,
  ) {
    super(`${unprocessed} item(s) of ${tableName} were still unprocessed after the batch write's retries`);
    this.name = 'UnprocessedItemsError';
  }
}

/**
 * Puts every item, 25 per BatchWriteItem. DynamoDB answers the items it could not write (throttling) in
 * UnprocessedItems without failing the call; AWS asks callers to re-send them with exponential backoff (same page).
 * Unconditional puts only: BatchWriteItem has no condition expressions.
 */
export async function batchPutAll(db: DynamoDBDocumentClient, tableName: string, items: readonly Item[], options: BatchWriteOptions = {}): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) chunks.push(items.slice(i, i + BATCH_WRITE_LIMIT) as Item[]);
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const writeChunk = async (chunk: Item[]) => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > maxAttempts) throw new UnprocessedItemsError(tableName, requests.length);
      if (attempt > 1) await sleep(baseDelayMs * 2 ** (attempt - 2) * (0.5 + Math.random() / 2));
      const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (UnprocessedItems?.[tableName] ?? []).filter((r): r is { PutRequest: { Item: Item } } => r.PutRequest?.Item !== undefined);
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await writeChunk(chunks[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, chunks.length) }, worker));
}
