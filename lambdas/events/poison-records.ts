import type { SQSRecord } from 'aws-lambda';
import { AssetUnreadableError, CertificateNotYetVisibleError, MalformedQueueMessageError } from './errors';

/**
 * Where the processor sends a record that retrying cannot fix, with the reason: the queue's dead-letter queue. A
 * redrive policy would move it there only after maxReceiveCount receives, each one a wasted invocation, and without
 * saying why (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
 */
export interface DeadLetterSink {
  deadLetter(record: SQSRecord, reason: string): Promise<void>;
}

/** Puts a record back on its queue, delivered again after `delaySeconds` (SQS `DelaySeconds`, at most 900). */
export interface DelayedRetry {
  retryLater(record: SQSRecord, delaySeconds: number): Promise<void>;
}

/**
 * A certificate ACM does not know yet becomes visible "several seconds" after RequestCertificate
 * (https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html): retried after this delay, not
 * after the queue's 6-minute visibility timeout.
 */
export const NOT_YET_VISIBLE_RETRY_SECONDS = 5;

/** The reason a failure is permanent (dead-letter now), or undefined for a transient one (SQS redelivers). */
export function permanentFailureReason(err: unknown): string | undefined {
  if (err instanceof MalformedQueueMessageError || err instanceof AssetUnreadableError) return `${err.name}: ${err.message}`;
  return undefined;
}

/** Whether a failure is worth a short delayed retry rather than the queue's visibility timeout. */
export const retrySoon = (err: unknown): boolean => err instanceof CertificateNotYetVisibleError;
