import { SendMessageCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { DeadLetterSink, DelayedRetry } from './poison-records';

/** Message attribute carrying why a record was dead-lettered (read it with ReceiveMessage `MessageAttributeNames`). */
export const DEAD_LETTER_REASON_ATTRIBUTE = 'DeadLetterReason';
/** The message id the record had on the events queue. */
export const ORIGINAL_MESSAGE_ID_ATTRIBUTE = 'OriginalMessageId';
/** SQS allows 10 attributes per message; the reason is cut to stay readable (and far below the 1 MiB message limit). */
const MAX_REASON_CHARS = 2000;

/** A record's own attributes, from the Lambda event shape back to SendMessage's. */
function attributesOf(record: SQSRecord): Record<string, MessageAttributeValue> {
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, a] of Object.entries(record.messageAttributes ?? {})) {
    out[name] = a.stringValue !== undefined ? { DataType: a.dataType, StringValue: a.stringValue } : { DataType: a.dataType, BinaryValue: Buffer.from(a.binaryValue ?? '', 'base64') };
  }
  return out;
}

/**
 * Sends a record's body on to the dead-letter queue (with the reason) or back to the events queue (with a delay):
 * `sqs:SendMessage` only, on exactly those two queues (lib/constructs/event-pipeline.ts).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
export class SqsRecordForwarder implements DeadLetterSink, DelayedRetry {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queues: { readonly deadLetterQueueUrl: string; readonly eventsQueueUrl: string },
  ) {}

  async deadLetter(record: SQSRecord, reason: string): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queues.deadLetterQueueUrl,
        MessageBody: record.body,
        MessageAttributes: {
          ...attributesOf(record),
          [DEAD_LETTER_REASON_ATTRIBUTE]: { DataType: 'String', StringValue: reason.slice(0, MAX_REASON_CHARS) },
          [ORIGINAL_MESSAGE_ID_ATTRIBUTE]: { DataType: 'String', StringValue: record.messageId },
        },
      }),
    );
  }

  async retryLater(record: SQSRecord, delaySeconds: number): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queues.eventsQueueUrl,
        MessageBody: record.body,
        MessageAttributes: attributesOf(record),
        DelaySeconds: delaySeconds,
        // Back in its tenant's group, so the fair queue still counts it as that tenant's.
        ...(record.attributes.MessageGroupId !== undefined && { MessageGroupId: record.attributes.MessageGroupId }),
      }),
    );
  }
}
