/**
 * The local queue's journal: an acknowledged send is on disk, and a queue reopened on the same file (a restart after
 * a crash) delivers every message not deleted, with its receive count, and dead-letters with the reason.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import type { LocalQueue } from '../../../local/backend-template';
import { type DeadLetter, InProcessQueue } from '../../../local/in-process-queue';
import { QueueJournal } from '../../../local/queue-journal';

const config = (overrides: Partial<LocalQueue> = {}): LocalQueue => ({
  logicalId: 'Queue',
  consumerHandlerName: 'consumer',
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  reportBatchItemFailures: true,
  visibilityTimeoutSeconds: 360,
  ...overrides,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aqg-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function openQueue(consume: (event: SQSEvent) => Promise<unknown>, extra: { onDeadLetter?: (d: DeadLetter) => void; queue?: Partial<LocalQueue>; redeliveryDelaySeconds?: number } = {}) {
  const { journal, messages } = await QueueJournal.recover(join(dir, 'q.journal'));
  const queue = new InProcessQueue({
    config: config(extra.queue),
    queueArn: 'arn:aws:sqs:us-east-1:000000000000:Queue',
    region: 'us-east-1',
    consume,
    redeliveryDelaySeconds: extra.redeliveryDelaySeconds ?? 0,
    onConsumerError: () => undefined,
    journal,
    recovered: messages,
    ...(extra.onDeadLetter && { onDeadLetter: extra.onDeadLetter }),
  });
  return { queue, journal };
}

describe('QueueJournal + InProcessQueue', () => {
  it('delivers after a restart every acknowledged message the crashed process had not processed', async () => {
    // GIVEN a consumer that never finishes (the process dies while it works)
    const first = await openQueue(() => new Promise(() => undefined));
    const sent = await Promise.all(Array.from({ length: 50 }, (_, i) => first.queue.send(`event-${i}`)));
    expect(sent).toHaveLength(50);
    // WHEN the process is gone (nothing stopped, nothing flushed beyond the acknowledged sends) and a new one starts
    const seen: string[] = [];
    const second = await openQueue(async (event) => {
      seen.push(...event.Records.map((r) => r.body));
      // THEN the receive count is carried over (each was received once before)
      for (const r of event.Records) expect(Number(r.attributes.ApproximateReceiveCount)).toBeGreaterThanOrEqual(1);
    });
    expect(second.queue.recoveredCount).toBe(50);
    await second.queue.drained();
    expect(seen.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `event-${i}`).sort());
    expect(await second.queue.stop()).toBe(0);
    // AND a third start finds nothing left (deletes were journaled)
    const third = await openQueue(async () => undefined);
    expect(third.queue.recoveredCount).toBe(0);
    await third.queue.stop();
  });

  it('ignores a line torn by a crash mid-write', async () => {
    const first = await openQueue(() => new Promise(() => undefined));
    await first.queue.send('kept');
    appendFileSync(join(dir, 'q.journal'), '{"s":{"messageId":"torn","bo');
    const bodies: string[] = [];
    const second = await openQueue(async (e) => void bodies.push(...e.Records.map((r) => r.body)));
    await second.queue.drained();
    expect(bodies).toEqual(['kept']);
    await second.queue.stop();
  });

  it('keeps what is unprocessed at stop for the next start, and says how many', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = await openQueue(async () => gate, { queue: { batchSize: 1 } });
    for (let i = 0; i < 3; i++) await first.queue.send(`m${i}`);
    setTimeout(release, 50);
    // The batches in flight finish; the others stay queued.
    const left = await first.queue.stop();
    const second = await openQueue(async () => undefined);
    expect(second.queue.recoveredCount).toBe(left);
    await second.queue.drained();
    await second.queue.stop();
  });

  it('dead-letters a message after maxReceiveCount receives, with the reason, across a restart', async () => {
    const failing = async (event: SQSEvent) => ({ batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) });
    const first = await openQueue(failing, { queue: { maxReceiveCount: 3 }, redeliveryDelaySeconds: 0.5 });
    await first.queue.send('poison');
    // Two receives in the first process, then it stops.
    while (first.queue.stats.deliveries < 2) await new Promise((r) => setTimeout(r, 5));
    await first.queue.stop();
    const deadLetters: DeadLetter[] = [];
    const second = await openQueue(failing, { queue: { maxReceiveCount: 3 }, onDeadLetter: (d) => deadLetters.push(d) });
    await second.queue.drained();
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ body: 'poison', receiveCount: 3 });
    expect(deadLetters[0].reason).toMatch(/Received 3 times \(maxReceiveCount 3\); last failure: reported as a batch item failure/);
    // the second process received it once more (its count continued from 2), and no more
    expect(second.queue.stats.deliveries).toBe(1);
    await second.queue.stop();
    // AND it is gone from the queue: the next start recovers nothing, and the compacted journal no longer holds it
    const third = await openQueue(failing);
    expect(third.queue.recoveredCount).toBe(0);
    await third.queue.stop();
    expect(readFileSync(join(dir, 'q.journal'), 'utf8')).not.toContain('"poison"');
  });

  it('keeps the journal about the size of the queue however many messages went through it', async () => {
    const { queue } = await openQueue(async () => undefined);
    // 2,500 messages in waves of 250 (a steady stream): about 7,500 entries of ~370 bytes per message, ~0.9 MB
    for (let wave = 0; wave < 10; wave++) {
      await Promise.all(Array.from({ length: 250 }, (_, i) => queue.send(`event-${wave}-${i}-${'x'.repeat(200)}`)));
      await queue.drained();
    }
    await queue.stop();
    // compacted once past 5,000 entries: what remains is at most a wave's messages and the entries since
    expect(statSync(join(dir, 'q.journal')).size).toBeLessThan(450_000);
    const again = await openQueue(async () => undefined);
    expect(again.queue.recoveredCount).toBe(0);
    await again.queue.stop();
  });
});
