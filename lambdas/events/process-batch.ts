import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchTally } from './batch-tally';
import { queuedEventSchema, issuePath } from './envelope';
import { MalformedQueueMessageError } from './errors';
import { processEvent, type AccountCache, type ProcessDependencies, type TouchedAsset } from './process-event';

export interface BatchDependencies extends ProcessDependencies {
  /** Logs failures that must not fail the batch (statistics, health). */
  readonly error?: (message: string, details: Record<string, unknown>) => void;
  /** Runs once per batch with the assets its applied events touched (findings re-evaluation); failures are logged. */
  readonly afterApplied?: (touched: readonly TouchedAsset[]) => Promise<void>;
}

export function parseQueueMessage(record: SQSRecord) {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    throw new MalformedQueueMessageError(`Message ${record.messageId} is not JSON`);
  }
  const parsed = queuedEventSchema.safeParse(json);
  if (!parsed.success) throw new MalformedQueueMessageError(`Message ${record.messageId} is not a queued event (${issuePath(parsed.error)})`);
  return parsed.data;
}

/**
 * An SQS batch with partial batch failures (Powertools BatchProcessor): a record that throws is reported in
 * `batchItemFailures` and only it is retried (and, after the queue's maxReceiveCount, dead-lettered).
 * Counters and health are written once per batch after the records; a failure there is logged, not thrown, because
 * failing the batch would redeliver events that were applied (they would then count as duplicates).
 */
export async function processSqsBatch(event: SQSEvent, deps: BatchDependencies, context?: Context): Promise<SQSBatchResponse> {
  const tally = new BatchTally();
  const accounts: AccountCache = new Map();
  const processor = new BatchProcessor(EventType.SQS);
  const touched: TouchedAsset[] = [];
  const recordHandler = async (record: SQSRecord) => {
    const outcome = await processEvent(parseQueueMessage(record), deps, tally, accounts);
    if (outcome.kind === 'applied') touched.push(...outcome.touched);
    return outcome;
  };
  try {
    return await processPartialResponse(event, recordHandler, processor, { ...(context ? { context } : {}), throwOnFullBatchFailure: false });
  } finally {
    try {
      await deps.store.addEventStats(tally.statsDeltas());
      await deps.store.recordHealth(tally.healthObservations());
    } catch (err) {
      deps.error?.('Could not record event statistics or health', { error: err instanceof Error ? err.message : String(err) });
    }
    if (touched.length > 0 && deps.afterApplied) {
      try {
        await deps.afterApplied(touched);
      } catch (err) {
        deps.error?.('Could not evaluate findings after the batch', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
