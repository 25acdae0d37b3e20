import type { SQSEvent } from 'aws-lambda';

/** The SQS event Lambda's poller hands the event processor: one record per body (a queued event, JSON); ids m0, m1, … */
export function sqsEvent(bodies: readonly string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
        messageId: `m${i}`,
        receiptHandle: `r${i}`,
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:events',
        awsRegion: 'eu-west-1',
    })),
  };
}

/** The message the events intake queues for one EventBridge event. */
export function queuedEvent(tenantId: string, envelope: unknown, options: { receivedAt?: string; templateVersion?: string } = {}): string {
  return JSON.stringify({
    tenantId,
    receivedAt: options.receivedAt ?? '2024-07-01T00:00:00.000Z',
    templateVersion: options.templateVersion ?? '1.0.0',
    envelope,
  });
}
