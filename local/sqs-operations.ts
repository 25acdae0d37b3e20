import { AwsJsonError } from './aws-json-error';
import type { AwsJsonOperations } from './local-aws-endpoint';
import type { InProcessQueue } from './in-process-queue';
import type { SqsMessageAttributeValue } from './sqs-message';

/** SQS's maximum message size (body plus attributes), raised to 1 MiB in August 2025. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const MAX_BATCH_ENTRIES = 10;

const invalid = (message: string) => new AwsJsonError('InvalidParameterValue', message, 400, 'InvalidParameterValue');

/** What a queue URL accepts: an in-process queue, or a dead-letter queue that records what it is sent. */
export type MessageSink = Pick<InProcessQueue, 'send'>;

/** A source queue's dead-letter queue as a send target: what a consumer sends there is recorded with its reason. */
export const deadLetterSink = (source: InProcessQueue, reasonAttribute: string): MessageSink => ({
  send: (body, attributes = {}) => source.sendToDeadLetters(body, attributes, reasonAttribute),
});

/**
 * SendMessage and SendMessageBatch for the in-process queues, keyed by queue URL, with SQS's validation. A
 * `MessageGroupId` on these standard queues makes them fair queues (local/fair-ready-messages.ts).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export function sqsOperations(queuesByUrl: ReadonlyMap<string, MessageSink>): AwsJsonOperations {
  const queueOf = (request: Record<string, unknown>) => {
    const queue = queuesByUrl.get(String(request.QueueUrl ?? ''));
    if (!queue) {
      throw new AwsJsonError('QueueDoesNotExist', 'The specified queue does not exist.', 400, 'AWS.SimpleQueueService.NonExistentQueue');
    }
    return queue;
  };
  const sendOne = async (queue: MessageSink, entry: Record<string, unknown>) => {
    const body = entry.MessageBody;
    if (typeof body !== 'string' || body.length === 0) {
      throw new AwsJsonError('MissingParameter', 'The request must contain the parameter MessageBody.', 400, 'MissingParameter');
    }
    const attributes = (entry.MessageAttributes ?? {}) as Record<string, SqsMessageAttributeValue>;
    const size =
      Buffer.byteLength(body) +
      Object.entries(attributes).reduce(
        (n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v.DataType ?? '') + Buffer.byteLength(v.StringValue ?? v.BinaryValue ?? ''),
        0,
      );
    if (size > MAX_MESSAGE_BYTES) throw invalid(`Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`);
    const delay = entry.DelaySeconds === undefined ? 0 : Number(entry.DelaySeconds);
    if (!Number.isInteger(delay) || delay < 0 || delay > 900) throw invalid('DelaySeconds must be >= 0 and <= 900.');
    const group = entry.MessageGroupId;
    // Up to 128 alphanumeric or punctuation characters (SendMessage's MessageGroupId).
    if (group !== undefined && (typeof group !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(group))) {
      throw invalid('MessageGroupId must be 1 to 128 alphanumeric or punctuation characters.');
    }
    try {
      return await queue.send(body, attributes, delay, group);
    } catch (err) {
      // Stopping, or the journal could not be written: not stored, so not acknowledged (the SDK retries a 503).
      throw new AwsJsonError('ServiceUnavailable', `The message was not stored: ${(err as Error).message}`, 503);
    }
  };
  return {
    'AmazonSQS.SendMessage': (request) => sendOne(queueOf(request), request),
    'AmazonSQS.SendMessageBatch': async (request) => {
      const queue = queueOf(request);
      const entries = request.Entries;
      if (!Array.isArray(entries) || entries.length === 0) {
        throw new AwsJsonError('EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.', 400, 'AWS.SimpleQueueService.EmptyBatchRequest');
      }
      if (entries.length > MAX_BATCH_ENTRIES) {
        throw new AwsJsonError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}.`, 400, 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest');
      }
      const ids = entries.map((e: Record<string, unknown>) => String(e.Id ?? ''));
      if (new Set(ids).size !== ids.length) {
        throw new AwsJsonError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.', 400, 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct');
      }
      const successful: unknown[] = [];
      const failed: unknown[] = [];
      // Sent together, so they share one journal sync.
      await Promise.all(
        (entries as Array<Record<string, unknown>>).map(async (entry) => {
          try {
            successful.push({ Id: entry.Id, ...(await sendOne(queue, entry)) });
          } catch (err) {
            if (!(err instanceof AwsJsonError)) throw err;
            failed.push({ Id: entry.Id, SenderFault: err.statusCode < 500, Code: err.code, Message: err.message });
          }
        }),
      );
      return { Successful: successful, Failed: failed };
    },
  };
}
