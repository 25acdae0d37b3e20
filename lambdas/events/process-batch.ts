import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchTally } from './batch-tally';
import { queuedEventSchema, issuePath } from './envelope';
import { MalformedQueueMessageError } from './errors';
import { NOT_YET_VISIBLE_RETRY_SECONDS, permanentFailureReason, retrySoon, type DeadLetterSink, type DelayedRetry } from './poison-records';
import { processEvent, type AccountCache, type ProcessDependencies } from './process-event';

export interface BatchDependencies extends ProcessDependencies {
  /** Logs failures that must not fail the batch (statistics, health). */
  readonly error?: (message: string, details: Record<string, unknown>) => void;
  /** Takes records that fail for good after one attempt. @default - they fail and SQS redelivers them until its redrive policy */
  readonly deadLetters?: DeadLetterSink;
  /** Re-queues records worth retrying in seconds. @default - they fail and wait for the visibility timeout */
  readonly retries?: DelayedRetry;
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
 * `batchItemFailures` and only it is retried (and, after the queue's maxReceiveCount, dead-lettered). A record that
 * fails for good (malformed, an asset the account refuses to describe) is sent to the dead-letter queue with its
 * reason after this one attempt and reported processed; one ACM does not know yet is re-queued with a short delay.
 * If either send fails, the record fails as before and SQS redelivers it.
 * Counters and health are written once per batch after the records; a failure there is logged, not thrown, because
 * failing the batch would redeliver events that were applied (they would then count as duplicates).
 */
export async function processSqsBatch(event: SQSEvent, deps: BatchDependencies, context?: Context): Promise<SQSBatchResponse> {
  const tally = new BatchTally();
  const accounts: AccountCache = new Map();
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord) => {
    try {
      await processEvent(parseQueueMessage(record), deps, tally, accounts);
    } catch (err) {
      const reason = permanentFailureReason(err);
      if (reason !== undefined && deps.deadLetters) {
        await deps.deadLetters.deadLetter(record, reason);
        deps.warn?.('Dead-lettered after one attempt', { messageId: record.messageId, reason });
        return;
      }
      if (retrySoon(err) && deps.retries) {
        await deps.retries.retryLater(record, NOT_YET_VISIBLE_RETRY_SECONDS);
        return;
      }
      throw err;
    }
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
  }
}
