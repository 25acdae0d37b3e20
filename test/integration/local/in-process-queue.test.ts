/**
 * The local SQS queue and its event source mapping: several batches in flight (as Lambda's poller runs them), with
 * the SQS semantics kept (each message in one batch at a time, partial batch failures, redelivery, dead-letter queue).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { LocalQueue } from '../../../local/backend-template';
import { InProcessQueue, type LocalQueueOptions } from '../../../local/in-process-queue';

const config = (overrides: Partial<LocalQueue> = {}): LocalQueue => ({
  logicalId: 'Queue',
  consumerHandlerName: 'consumer',
  batchSize: 2,
  // Messages sent together fill whole batches (a full batch goes at once; a partial one waits for the window).
  maxBatchingWindowSeconds: 1,
  reportBatchItemFailures: true,
  visibilityTimeoutSeconds: 360,
  ...overrides,
});

function queueWith(consume: LocalQueueOptions['consume'], options: Partial<LocalQueueOptions> = {}, queueConfig: Partial<LocalQueue> = {}) {
  return new InProcessQueue({
    config: config(queueConfig),
    queueArn: 'arn:aws:sqs:us-east-1:000000000000:Queue',
    region: 'us-east-1',
    consume,
    redeliveryDelaySeconds: 0,
    onConsumerError: () => undefined,
    ...options,
  });
}

const bodies = (event: SQSEvent) => event.Records.map((r) => r.body);

describe('InProcessQueue', () => {
  it('keeps delivering while one batch is slow (it waits here until a later batch is done)', async () => {
    // GIVEN a first batch that can finish only after another batch has been processed — one batch at a time deadlocks
    let fastDone!: () => void;
    const fastProcessed = new Promise<void>((resolve) => (fastDone = resolve));
    const finished: string[] = [];
    const queue = queueWith(async (event) => {
      if (bodies(event).includes('slow-1')) await fastProcessed;
      else fastDone();
      finished.push(...bodies(event));
    });
    // WHEN four messages arrive (two batches of two)
    for (const body of ['slow-1', 'slow-2', 'fast-1', 'fast-2']) await queue.send(body);
    await queue.drained();
    // THEN the fast batch finished first, and every message was deleted once
    expect(finished).toEqual(['fast-1', 'fast-2', 'slow-1', 'slow-2']);
    expect(queue.stats).toEqual({ sent: 4, deliveries: 2, deleted: 4, redelivered: 0, deadLettered: 0 });
    await queue.stop();
  }, 5000);

  it('is a fair queue: a quiet tenant\'s messages go ahead of another tenant\'s backlog (MessageGroupId)', async () => {
    // GIVEN one batch at a time, and a noisy tenant with 20 messages queued before a quiet tenant's one
    const order: string[] = [];
    const queue = queueWith(async (event) => void order.push(...bodies(event)), { maxConcurrentBatches: 1 }, { batchSize: 2, maxBatchingWindowSeconds: 0 });
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) sends.push(queue.send(`noisy-${i}`, {}, 0, 'tenant-noisy'));
    sends.push(queue.send('quiet-0', {}, 0, 'tenant-quiet'));
    await Promise.all(sends);
    await queue.drained();
    // THEN the quiet message is in the second batch (the first went before it arrived), not the last of eleven,
    // and each group kept its own order
    expect(order.indexOf('quiet-0')).toBeLessThan(4);
    expect(order.filter((b) => b.startsWith('noisy'))).toEqual(Array.from({ length: 20 }, (_, i) => `noisy-${i}`));
    await queue.stop();
  });

  it('hands each record its MessageGroupId, as Lambda does for a fair queue', async () => {
    const groups: Array<string | undefined> = [];
    const queue = queueWith(async (event) => void groups.push(...event.Records.map((r) => r.attributes.MessageGroupId)), {}, { batchSize: 2, maxBatchingWindowSeconds: 0 });
    await Promise.all([queue.send('a', {}, 0, 'tenant-1'), queue.send('b')]);
    await queue.drained();
    expect(groups.sort()).toEqual(['tenant-1', undefined]);
    await queue.stop();
  });

  it('runs at most maxConcurrentBatches batches at once, each message in one batch', async () => {
    let running = 0;
    let maxRunning = 0;
    const seen: string[] = [];
    const queue = queueWith(
      async (event) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        seen.push(...bodies(event));
        await new Promise((resolve) => setImmediate(resolve));
        running--;
      },
      { maxConcurrentBatches: 3 },
    );
    for (let i = 0; i < 40; i++) await queue.send(`m${i}`);
    expect(queue.batchesInFlight).toBe(3);
    await queue.drained();
    expect(maxRunning).toBe(3);
    expect(seen.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`).sort());
    expect(queue.stats).toMatchObject({ sent: 40, deliveries: 20, deleted: 40, redelivered: 0 });
    expect(queue.depth).toBe(0);
    await queue.stop();
  });

  it('redelivers only the reported failures and dead-letters a poison message after maxReceiveCount, batches running side by side', async () => {
    const receives = new Map<string, number>();
    const queue = queueWith(
      async (event): Promise<SQSBatchResponse> => {
        for (const r of event.Records) receives.set(r.body, Number(r.attributes.ApproximateReceiveCount));
        await new Promise((resolve) => setImmediate(resolve));
        return { batchItemFailures: event.Records.filter((r) => r.body === 'poison').map((r) => ({ itemIdentifier: r.messageId })) };
      },
      { maxConcurrentBatches: 4 },
      { maxReceiveCount: 3, maxBatchingWindowSeconds: 0 },
    );
    for (const body of ['a', 'poison', 'b', 'c', 'd', 'e', 'f', 'g']) await queue.send(body);
    await queue.drained();
    expect(queue.deadLetters.map((d) => d.body)).toEqual(['poison']);
    expect(receives.get('poison')).toBe(3);
    for (const body of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(receives.get(body)).toBe(1);
    expect(queue.stats).toMatchObject({ sent: 8, deleted: 7, redelivered: 3, deadLettered: 1 });
    await queue.stop();
  });

  it('retries a whole batch that throws, and waits the batching window for a partial batch', async () => {
    let calls = 0;
    const batches: string[][] = [];
    const queue = queueWith(
      async (event) => {
        calls++;
        batches.push(bodies(event));
        if (calls === 1) throw new Error('the function failed');
      },
      {},
      { batchSize: 3, maxBatchingWindowSeconds: 0.05 },
    );
    await queue.send('x');
    await queue.send('y');
    await queue.drained();
    // The window collected both messages into one batch; the failed batch came back whole.
    expect(batches).toEqual([
      ['x', 'y'],
      ['x', 'y'],
    ]);
    expect(queue.stats).toMatchObject({ deliveries: 2, deleted: 2, redelivered: 2 });
    await queue.stop();
  });

  it('holds a delayed message until its delay has passed', async () => {
    const delivered: string[] = [];
    const queue = queueWith(async (event) => void delivered.push(...bodies(event)));
    const sentAt = Date.now();
    await queue.send('later', {}, 0.1);
    await queue.send('now');
    await queue.drained();
    expect(delivered).toEqual(['now', 'later']);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(95);
    await queue.stop();
  });
});
