import { randomBytes, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { LocalQueue as QueueConfig } from './backend-template';
import { FairReadyMessages } from './fair-ready-messages';
import type { JournaledMessage, QueueJournal } from './queue-journal';
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
  /**
   * Batches delivered to the consumer at the same time. Lambda's SQS poller starts with five concurrent batches and
   * scales up while messages wait, so one slow batch never holds back the rest of the queue.
   * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
   * @default 5
   */
  readonly maxConcurrentBatches?: number;
  /** Errors of the consumer go here (the queue itself never stops). @default console.error */
  readonly onConsumerError?: (err: unknown) => void;
  /**
   * Where sends, receives and deletes are written: a send resolves only once it is on disk.
   * @default - in memory only (a crash loses what was not processed)
   */
  readonly journal?: QueueJournal;
  /** Messages a previous process left in the journal; delivered first, their receive counts kept. */
  readonly recovered?: readonly JournaledMessage[];
  /** Receives each message moved to the dead-letter queue, with the reason. @default - kept in `deadLetters` only */
  readonly onDeadLetter?: (deadLetter: DeadLetter) => void;
}

/** A message SQS moved to the dead-letter queue, and why. */
export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly deadLetteredAt: string;
  readonly reason: string;
}

/**
 * Journal entries past which the queue rewrites its journal with only the live messages, so the file stays about the
 * size of the queue however many messages went through it (a message costs about three entries: send, receive, delete).
 */
const COMPACT_AFTER_ENTRIES = 5000;

interface Message {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly attributes: Readonly<Record<string, SqsMessageAttributeValue>>;
  readonly messageGroupId?: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  visibleAt: number;
  /** Why its last delivery failed (for the dead-letter reason). */
  lastFailure?: string;
  /** Deleted or dead-lettered (it may still sit in its batch's in-flight set until the batch settles). */
  settled?: boolean;
}

export interface QueueStats {
  readonly sent: number;
  readonly deliveries: number;
  readonly deleted: number;
  readonly redelivered: number;
  readonly deadLettered: number;
}

/** Lambda's initial number of concurrent SQS batches. */
export const DEFAULT_CONCURRENT_BATCHES = 5;

/**
 * The SQS queue and its Lambda event source mapping, in process. Messages are delivered to the consumer in
 * SQS-shaped batches of up to the mapping's batch size, after its batching window (or at once when a batch is full),
 * up to `maxConcurrentBatches` batches at a time; a batch that throws is retried whole, a `batchItemFailures` answer
 * retries only the listed messages (an unknown or empty identifier fails the whole batch, as Lambda treats it); a
 * message received more than maxReceiveCount times moves to the dead-letter queue.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 *
 * Messages live in three places, so sending and scheduling stay O(1) however deep the queue is: `ready` (visible,
 * oldest first within a `MessageGroupId`, quietest group first: SQS fair queues), `waiting` (delayed or failed,
 * visible later) and `inFlight` (in a batch being processed).
 */
export class InProcessQueue {
  private readonly ready = new FairReadyMessages<Message>();
  private waiting: Message[] = [];
  private readonly inFlight = new Set<Message>();
  private readonly batches = new Set<Promise<void>>();
  readonly deadLetters: DeadLetter[] = [];
  /** Messages recovered from the journal at construction. */
  readonly recoveredCount: number;
  private counters = { sent: 0, deliveries: 0, deleted: 0, redelivered: 0, deadLettered: 0 };
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private readonly maxBatches: number;

  constructor(private readonly options: LocalQueueOptions) {
    this.maxBatches = options.maxConcurrentBatches ?? DEFAULT_CONCURRENT_BATCHES;
    if (!Number.isInteger(this.maxBatches) || this.maxBatches < 1) throw new RangeError(`maxConcurrentBatches must be a positive integer, got ${this.maxBatches}`);
    const now = Date.now();
    // The process that had them in flight is gone: a recovered message is visible at once, its receive count kept.
    for (const m of options.recovered ?? []) {
      this.ready.push({ ...m, md5OfBody: md5Hex(m.body), receiveCount: m.receiveCount, visibleAt: now });
    }
    this.recoveredCount = options.recovered?.length ?? 0;
    if (this.recoveredCount > 0) this.schedule();
  }

  get stats(): QueueStats {
    return { ...this.counters };
  }

  /** Messages waiting, in flight or waiting for redelivery. */
  get depth(): number {
    return this.readyCount + this.waiting.length + this.inFlight.size;
  }

  /** Batches being processed now. */
  get batchesInFlight(): number {
    return this.batches.size;
  }

  private get readyCount(): number {
    return this.ready.length;
  }

  /**
   * Queues a message; with a journal, resolves only once it is on disk (SQS answers SendMessage once the message is
   * stored redundantly: the caller may then acknowledge it to its own sender). `messageGroupId` names the tenant
   * (fair queues).
   */
  async send(body: string, attributes: Readonly<Record<string, SqsMessageAttributeValue>> = {}, delaySeconds = 0, messageGroupId?: string) {
    if (this.stopped) throw new QueueStoppedError();
    const now = Date.now();
    const message: Message = {
      messageId: randomUUID(),
      body,
      md5OfBody: md5Hex(body),
      attributes,
      ...(messageGroupId !== undefined && { messageGroupId }),
      sentAt: now,
      receiveCount: 0,
      visibleAt: now + delaySeconds * 1000,
    };
    const durable = this.options.journal?.sent({
      messageId: message.messageId,
      body,
      attributes,
      ...(messageGroupId !== undefined && { messageGroupId }),
      sentAt: now,
      receiveCount: 0,
      visibleAt: message.visibleAt,
    });
    if (delaySeconds > 0) this.waiting.push(message);
    else this.ready.push(message);
    this.counters.sent++;
    this.schedule();
    await durable;
    return {
      MessageId: message.messageId,
      MD5OfMessageBody: message.md5OfBody,
      ...(Object.keys(attributes).length > 0 ? { MD5OfMessageAttributes: md5OfMessageAttributes(attributes) } : {}),
    };
  }

  /**
   * SendMessage to this queue's dead-letter queue: a consumer that gave up on a message after one attempt sends it
   * there itself, with the reason as the `reasonAttribute` message attribute. Recorded like a redrive's dead letter
   * (`deadLetters`, `onDeadLetter`: locally `<data-dir>/queues/<queue>.dead-letters.jsonl`).
   */
  async sendToDeadLetters(body: string, attributes: Readonly<Record<string, SqsMessageAttributeValue>>, reasonAttribute: string) {
    const messageId = randomUUID();
    const deadLetter: DeadLetter = {
      messageId,
      body,
      receiveCount: 1,
      deadLetteredAt: new Date().toISOString(),
      reason: attributes[reasonAttribute]?.StringValue ?? 'sent to the dead-letter queue by its consumer (no reason given)',
    };
    this.deadLetters.push(deadLetter);
    this.options.onDeadLetter?.(deadLetter);
    this.counters.deadLettered++;
    return {
      MessageId: messageId,
      MD5OfMessageBody: md5Hex(body),
      ...(Object.keys(attributes).length > 0 ? { MD5OfMessageAttributes: md5OfMessageAttributes(attributes) } : {}),
    };
  }

  /** Resolves once every message has been deleted or dead-lettered. */
  drained(): Promise<void> {
    if (this.depth === 0 && this.batches.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops delivering, waits for the batches in flight, and closes the journal. Resolves with the number of messages
   * not processed (kept in the journal for the next start, or lost without one).
   */
  async stop(): Promise<number> {
    this.stopped = true;
    this.clearTimer();
    await Promise.all([...this.batches]);
    await this.options.journal?.close();
    return this.depth;
  }

  private schedule(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.promoteDue(now);
    const { batchSize, maxBatchingWindowSeconds } = this.options.config;
    while (this.batches.size < this.maxBatches && this.readyCount > 0) {
      // The batching window: wait for more messages (a full batch or the window's end, whichever comes first).
      const windowEnds = this.ready.oldestVisibleAt() + maxBatchingWindowSeconds * 1000;
      if (this.readyCount < batchSize && windowEnds > now) {
        this.wakeAt(windowEnds, now);
        return;
      }
      this.startBatch(this.ready.take(batchSize));
    }
    if (this.readyCount === 0 && this.waiting.length > 0) {
      let next = Number.POSITIVE_INFINITY;
      for (const m of this.waiting) next = Math.min(next, m.visibleAt);
      this.wakeAt(next, now);
    }
    this.compactIfWorthIt();
    if (this.depth === 0 && this.batches.size === 0) this.notifyIdle();
  }

  private compactIfWorthIt(): void {
    const journal = this.options.journal;
    if (!journal || journal.appendedSinceCompaction <= COMPACT_AFTER_ENTRIES || journal.appendedSinceCompaction < 4 * this.depth) return;
    const live = [...this.ready.all(), ...this.waiting, ...this.inFlight]
      .filter((m) => !m.settled)
      .map((m) => ({
        messageId: m.messageId,
        body: m.body,
        attributes: m.attributes,
        ...(m.messageGroupId !== undefined && { messageGroupId: m.messageGroupId }),
        sentAt: m.sentAt,
        receiveCount: m.receiveCount,
        ...(m.firstReceivedAt !== undefined && { firstReceivedAt: m.firstReceivedAt }),
        visibleAt: m.visibleAt,
      }));
    journal.compact(live).catch((err: unknown) => (this.options.onConsumerError ?? console.error)(err));
  }

  /** Moves the waiting messages whose time has come to the ready queue. */
  private promoteDue(now: number): void {
    if (this.waiting.length === 0) return;
    const still: Message[] = [];
    for (const m of this.waiting) {
      if (m.visibleAt <= now) this.ready.push(m);
      else still.push(m);
    }
    this.waiting = still;
  }

  /** One timer, at the earliest time something must be looked at again. */
  private wakeAt(at: number, now: number): void {
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.schedule();
    }, Math.max(0, at - now));
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private startBatch(candidates: Message[]): void {
    for (const m of candidates) this.inFlight.add(m);
    const batch = this.deliver(candidates).finally(() => {
      for (const m of candidates) {
        this.inFlight.delete(m);
        this.ready.settled(m);
      }
      this.batches.delete(batch);
      this.schedule();
    });
    this.batches.add(batch);
  }

  private async deliver(candidates: Message[]): Promise<void> {
    const now = Date.now();
    const { maxReceiveCount, visibilityTimeoutSeconds, reportBatchItemFailures } = this.options.config;
    const batch: Message[] = [];
    for (const m of candidates) {
      if (maxReceiveCount !== undefined && m.receiveCount >= maxReceiveCount) {
        // SQS moves a message to the DLQ when a receive would exceed maxReceiveCount.
        const deadLetter: DeadLetter = {
          messageId: m.messageId,
          body: m.body,
          receiveCount: m.receiveCount,
          deadLetteredAt: new Date(now).toISOString(),
          reason: `Received ${m.receiveCount} times (maxReceiveCount ${maxReceiveCount}); last failure: ${m.lastFailure ?? 'unknown'}`,
        };
        this.deadLetters.push(deadLetter);
        this.options.onDeadLetter?.(deadLetter);
        m.settled = true;
        this.options.journal?.deleted(m.messageId);
        this.counters.deadLettered++;
        continue;
      }
      m.receiveCount++;
      m.firstReceivedAt ??= now;
      m.visibleAt = now + visibilityTimeoutSeconds * 1000;
      this.options.journal?.received(m.messageId, m.receiveCount, m.firstReceivedAt);
      batch.push(m);
    }
    if (batch.length === 0) return;
    this.counters.deliveries++;
    let failed: ReadonlySet<Message>;
    try {
      const response = await this.options.consume({ Records: batch.map((m) => this.record(m)) });
      failed = new Set(reportBatchItemFailures ? this.failedItems(batch, response) : []);
      for (const m of failed) m.lastFailure = 'reported as a batch item failure';
    } catch (err) {
      (this.options.onConsumerError ?? console.error)(err);
      failed = new Set(batch);
      for (const m of batch) m.lastFailure = `the batch failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    const retryAt = Date.now() + (this.options.redeliveryDelaySeconds ?? visibilityTimeoutSeconds) * 1000;
    for (const m of batch) {
      if (failed.has(m)) {
        m.visibleAt = retryAt;
        this.waiting.push(m);
        this.counters.redelivered++;
      } else {
        m.settled = true;
        this.options.journal?.deleted(m.messageId);
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
        ...(m.messageGroupId !== undefined && { MessageGroupId: m.messageGroupId }),
      },
      messageAttributes: Object.fromEntries(Object.entries(m.attributes).map(([k, v]) => [k, lambdaMessageAttribute(v)])),
      md5OfBody: m.md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn,
      awsRegion: this.options.region,
    } as SQSRecord;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

/** SendMessage on a queue that is shutting down: the sender must retry (the events endpoint answers 503). */
export class QueueStoppedError extends Error {
  constructor() {
    super('The local queue is stopped');
    this.name = 'QueueStoppedError';
  }
}
