import { randomBytes, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LocalQueue as QueueConfig } from './backend-template';
import { type SqsMessageAttributeValue, lambdaMessageAttribute, md5Hex, md5OfMessageAttributes } from './sqs-message';

export interface LocalQueueOptions {
  readonly config: QueueConfig;
  readonly queueArn: string;
  readonly region: string;
  /** Invokes the consumer function (the SQS event source mapping's target). */
  readonly consume: (event: SQSEvent) => Promise<unknown>;
  /**
   * How long a failed message stays invisible before it is delivered again. In AWS this is the queue's visibility
   * timeout (6 minutes for the events queue); locally a short delay keeps a retried message from stalling a demo.
   * @default the queue's visibility timeout
   */
  readonly redeliveryDelaySeconds?: number;
  /** Errors of the consumer go here (the queue itself never stops). @default console.error */
  readonly onConsumerError?: (err: unknown) => void;
}

interface Message {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: Readonly<Record<string, SqsMessageAttributeValue>>;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  visibleAt: number;
}

export interface QueueStats {
  readonly sent: number;
  readonly deliveries: number;
  readonly deleted: number;
  readonly redelivered: number;
  readonly deadLettered: number;
}

/**
 * The SQS queue and its Lambda event source mapping, in process. Messages are delivered to the consumer in
 * SQS-shaped batches of up to the mapping's batch size, after its batching window (or at once when a batch is full);
 * a batch that throws is retried whole, a `batchItemFailures` answer retries only the listed messages (an unknown or
 * empty identifier fails the whole batch, as Lambda treats it); a message received more than maxReceiveCount times
 * moves to the dead-letter queue. One batch is processed at a time.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
export class InProcessQueue {
  private readonly messages: Message[] = [];
  readonly deadLetters: Array<{ readonly messageId: string; readonly body: string }> = [];
  private counters = { sent: 0, deliveries: 0, deleted: 0, redelivered: 0, deadLettered: 0 };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: LocalQueueOptions) {}

  get stats(): QueueStats {
    return { ...this.counters };
  }

  /** Messages waiting, in flight or waiting for redelivery. */
  get depth(): number {
    return this.messages.length;
  }

  send(body: string, attributes: Readonly<Record<string, SqsMessageAttributeValue>> = {}, delaySeconds = 0) {
    if (this.stopped) throw new Error('The local queue is stopped');
    const now = Date.now();
    const message: Message = {
      messageId: randomUUID(),
      body,
      md5OfBody: md5Hex(body),
      attributes,
      sentAt: now,
      receiveCount: 0,
      visibleAt: now + delaySeconds * 1000,
    };
    this.messages.push(message);
    this.counters.sent++;
    this.schedule();
    return {
      MessageId: message.messageId,
      MD5OfMessageBody: message.md5OfBody,
      ...(Object.keys(attributes).length > 0 ? { MD5OfMessageAttributes: md5OfMessageAttributes(attributes) } : {}),
    };
  }

  /** Resolves once every message has been deleted or dead-lettered. */
  drained(): Promise<void> {
    if (this.messages.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    const now = Date.now();
    const visible = this.messages.filter((m) => m.visibleAt <= now);
    if (visible.length === 0) {
      if (this.messages.length === 0) return this.notifyIdle();
      const next = Math.min(...this.messages.map((m) => m.visibleAt));
      this.timer = setTimeout(() => this.schedule(), next - now);
      return;
    }
    const { batchSize, maxBatchingWindowSeconds } = this.options.config;
    const oldestVisibleSince = Math.min(...visible.map((m) => m.visibleAt));
    const windowEnds = oldestVisibleSince + maxBatchingWindowSeconds * 1000;
    if (visible.length < batchSize && windowEnds > now) {
      // The batching window: wait for more messages (a full batch or the window's end, whichever comes first).
      this.timer = setTimeout(() => this.schedule(), windowEnds - now);
      return;
    }
    this.running = this.deliver(visible.slice(0, batchSize)).finally(() => {
      this.running = undefined;
      this.schedule();
    });
  }

  private async deliver(candidates: Message[]): Promise<void> {
    const now = Date.now();
    const { maxReceiveCount, visibilityTimeoutSeconds, reportBatchItemFailures } = this.options.config;
    const batch: Message[] = [];
    for (const m of candidates) {
      if (maxReceiveCount !== undefined && m.receiveCount >= maxReceiveCount) {
        // SQS moves a message to the DLQ when a receive would exceed maxReceiveCount.
        this.remove(m);
        this.deadLetters.push({ messageId: m.messageId, body: m.body });
        this.counters.deadLettered++;
        continue;
      }
      m.receiveCount++;
      m.firstReceivedAt ??= now;
      m.visibleAt = now + visibilityTimeoutSeconds * 1000;
      batch.push(m);
    }
    if (batch.length === 0) return;
    this.counters.deliveries++;
    let failed: Message[];
    try {
      const response = await this.options.consume({ Records: batch.map((m) => this.record(m)) });
      failed = reportBatchItemFailures ? this.failedItems(batch, response) : [];
    } catch (err) {
      (this.options.onConsumerError ?? console.error)(err);
      failed = batch;
    }
    const retryAt = Date.now() + (this.options.redeliveryDelaySeconds ?? visibilityTimeoutSeconds) * 1000;
    for (const m of batch) {
      if (failed.includes(m)) {
        m.visibleAt = retryAt;
        this.counters.redelivered++;
      } else {
        this.remove(m);
        this.counters.deleted++;
      }
    }
  }

  /** Lambda's rules for a partial batch response: a bad identifier fails the whole batch. */
  private failedItems(batch: Message[], response: unknown): Message[] {
    if (response === null || response === undefined) return [];
    const failures = (response as Partial<SQSBatchResponse>).batchItemFailures;
    if (failures === undefined || failures === null) return [];
    if (!Array.isArray(failures)) return batch;
    const out: Message[] = [];
    for (const f of failures) {
      const m = batch.find((b) => b.messageId === f?.itemIdentifier);
      if (!m) return batch;
      out.push(m);
    }
    return out;
  }

  private record(m: Message): SQSRecord {
    return {
      messageId: m.messageId,
      receiptHandle: randomBytes(24).toString('base64'),
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'AIDALOCALRUNTIME',
        ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? m.sentAt),
      },
      messageAttributes: Object.fromEntries(Object.entries(m.attributes).map(([k, v]) => [k, lambdaMessageAttribute(v)])),
      md5OfBody: m.md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn,
      awsRegion: this.options.region,
    } as SQSRecord;
  }

  private remove(m: Message): void {
    const i = this.messages.indexOf(m);
    if (i >= 0) this.messages.splice(i, 1);
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
