/**
 * Poison records: a record that fails for good is dead-lettered after ONE attempt, with its reason, by the processor
 * itself (SendMessage to the dead-letter queue); a certificate ACM does not know yet comes back in seconds. Run over
 * the local queue, its SQS endpoint and its dead-letter queue as the local runtime wires them (local/local-runtime.ts),
 * with the processor's real SQS adapter: the path `npm start` and AWS share.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unavailableRefresher, type AssetRefresher } from '../../../lambdas/events/asset-refresher';
import { DynamoEventStore } from '../../../lambdas/events/dynamo-event-store';
import { AssetUnreadableError, CertificateNotYetVisibleError } from '../../../lambdas/events/errors';
import { processSqsBatch } from '../../../lambdas/events/process-batch';
import { NOT_YET_VISIBLE_RETRY_SECONDS } from '../../../lambdas/events/poison-records';
import { DEAD_LETTER_REASON_ATTRIBUTE, SqsRecordForwarder } from '../../../lambdas/events/sqs-record-forwarder';
import { controlKeys } from '../../../lambdas/shared/table-schema';
import type { LocalQueue } from '../../../local/backend-template';
import { InProcessQueue, type DeadLetter } from '../../../local/in-process-queue';
import { startLocalAwsEndpoint, type LocalAwsEndpoint } from '../../../local/local-aws-endpoint';
import { deadLetterSink, sqsOperations, type MessageSink } from '../../../local/sqs-operations';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { queuedEvent } from '../../support/sqs-event';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, '../../fixtures/cloudtrail');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
const ACCOUNT = '111122223333';

/** The events queue as CDK configures it (lib/constructs/event-pipeline.ts): 6-minute visibility, 5 receives. */
const EVENTS_QUEUE: LocalQueue = {
  logicalId: 'EventsQueueB96EB0D2',
  consumerHandlerName: 'event-processor',
  batchSize: 50,
  maxBatchingWindowSeconds: 0,
  reportBatchItemFailures: true,
  visibilityTimeoutSeconds: 360,
  maxReceiveCount: 5,
  deadLetterQueueLogicalId: 'EventsDeadLetterQueue404572C7',
};

let dynamo: LocalDynamo;
let endpoint: LocalAwsEndpoint;
const sinks = new Map<string, MessageSink>();
let store: DynamoEventStore;
let n = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  endpoint = await startLocalAwsEndpoint(sqsOperations(sinks));
  store = new DynamoEventStore({ documentClient: dynamo.documentClient, inventoryTable: dynamo.inventoryTable, controlTable: dynamo.controlTable, dedupDays: 7, historyDays: 365 });
});
afterAll(async () => {
  await endpoint?.stop();
  await dynamo?.stop();
});

/** A queue + its dead-letter queue on the local SQS endpoint, consumed by processSqsBatch with the real forwarder. */
function pipeline(refresher: AssetRefresher) {
  const name = `events-${++n}`;
  const deadLetterFile = join(mkdtempSync(join(tmpdir(), 'aqg-poison-')), `${name}.dead-letters.jsonl`);
  const queueUrl = `${endpoint.url}/000000000000/${name}`;
  const deadLetterUrl = `${queueUrl}-dlq`;
  const delivered: SQSRecord[] = [];
  const forwarder = new SqsRecordForwarder(new SQSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), {
    deadLetterQueueUrl: deadLetterUrl,
    eventsQueueUrl: queueUrl,
  });
  const queue = new InProcessQueue({
    config: EVENTS_QUEUE,
    queueArn: `arn:aws:sqs:us-east-1:000000000000:${name}`,
    region: 'us-east-1',
    consume: async (event) => {
      delivered.push(...event.Records);
      return processSqsBatch(event, { store, refresher, deadLetters: forwarder, retries: forwarder });
    },
    onDeadLetter: (d: DeadLetter) => appendFileSync(deadLetterFile, `${JSON.stringify(d)}\n`),
    onConsumerError: () => undefined,
  });
  sinks.set(queueUrl, queue);
  sinks.set(deadLetterUrl, deadLetterSink(queue, DEAD_LETTER_REASON_ATTRIBUTE));
  const deadLettersOnDisk = () =>
    readFileSync(deadLetterFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DeadLetter);
  return { queue, delivered, deadLettersOnDisk };
}

async function linkedTenant(): Promise<string> {
  const tenantId = `poison-${++n}`;
  await dynamo.documentClient.send(
    new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(tenantId, ACCOUNT), tenantId, accountId: ACCOUNT, status: 'LINKED', roleArn: `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole` } }),
  );
  return tenantId;
}

const message = (tenantId: string, name: string) => queuedEvent(tenantId, fixture(name), { receivedAt: '2024-07-01T00:00:00.000Z' });

describe('poison records', () => {
  it('dead-letters a malformed message after one attempt, with the reason on disk, and applies the rest', async () => {
    // GIVEN a queue that would redeliver a failed message 5 times, 6 minutes apart
    const { queue, delivered, deadLettersOnDisk } = pipeline(unavailableRefresher);
    const tenantId = await linkedTenant();
    // WHEN a message that is not a queued event arrives with a good one
    await queue.send('{not json');
    await queue.send(message(tenantId, 'kms-disable-key'));
    await queue.drained();
    // THEN it was delivered once, and is in the dead-letter queue (file included) saying why; nothing waits for redelivery
    expect(delivered.map((r) => r.body)).toEqual(['{not json', message(tenantId, 'kms-disable-key')]);
    expect(queue.stats).toMatchObject({ deleted: 2, redelivered: 0, deadLettered: 1 });
    expect(deadLettersOnDisk()).toEqual([
      { messageId: expect.any(String), body: '{not json', receiveCount: 1, deadLetteredAt: expect.any(String), reason: expect.stringMatching(/^MalformedQueueMessageError: Message .* is not JSON$/) },
    ]);
  });

  it('dead-letters an event whose asset the account refuses to describe, after one attempt', async () => {
    const refresher: AssetRefresher = { refresh: async (request) => Promise.reject(new AssetUnreadableError(request.arn, 'ValidationException: invalid ARN')) };
    const { queue, delivered, deadLettersOnDisk } = pipeline(refresher);
    const tenantId = await linkedTenant();
    await queue.send(message(tenantId, 'acm-import-certificate'));
    await queue.drained();
    expect(delivered).toHaveLength(1);
    expect(deadLettersOnDisk().map((d) => d.reason)).toEqual([expect.stringMatching(/^AssetUnreadableError: .* ValidationException: invalid ARN$/)]);
  });

  it('keeps SQS redelivery for a transient failure (nothing dead-lettered after one attempt)', async () => {
    let calls = 0;
    const refresher: AssetRefresher = {
      refresh: async () => {
        if (++calls === 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client' });
      },
    };
    const { queue } = pipeline(refresher);
    const tenantId = await linkedTenant();
    await queue.send(message(tenantId, 'acm-import-certificate'));
    // The first delivery failed and waits for the visibility timeout: not dead-lettered.
    await waitFor(() => queue.stats.redelivered === 1);
    expect(queue.stats).toMatchObject({ deliveries: 1, redelivered: 1, deadLettered: 0 });
    expect(queue.depth).toBe(1);
    expect(queue.deadLetters).toEqual([]);
    await queue.stop();
  });

  it(`retries a certificate ACM does not know yet after ${NOT_YET_VISIBLE_RETRY_SECONDS} s, not the 6-minute visibility timeout`, async () => {
    let calls = 0;
    const refresher: AssetRefresher = {
      refresh: async (request) => {
        if (++calls === 1) throw new CertificateNotYetVisibleError(request.arn);
      },
    };
    const { queue, delivered } = pipeline(refresher);
    const tenantId = await linkedTenant();
    const started = Date.now();
    await queue.send(message(tenantId, 'acm-import-certificate'), {}, 0, tenantId);
    await queue.drained();
    const elapsed = Date.now() - started;
    expect(calls).toBe(2);
    expect(delivered).toHaveLength(2);
    // Re-queued in its tenant's group (the fair queue keeps counting it as that tenant's).
    expect(delivered.map((r) => r.attributes.MessageGroupId)).toEqual([tenantId, tenantId]);
    expect(elapsed).toBeGreaterThanOrEqual(NOT_YET_VISIBLE_RETRY_SECONDS * 1000 - 50);
    expect(elapsed).toBeLessThan(30_000);
    expect(queue.stats).toMatchObject({ redelivered: 0, deadLettered: 0 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
