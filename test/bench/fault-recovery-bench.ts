/**
 * Benchmark 6: faults.
 *  - The cost of durability: the same event stream through the local runtime with the queue journaled on disk
 *    (fsync before the 2xx: local/queue-journal.ts) and with the queue in memory only — events/s and intake latency.
 *  - Recovery after a crash: a runtime with a backlog of accepted events and a crawl running is killed (SIGKILL of
 *    its process group) and started again on the same data directory — seconds until the API answers, until Start
 *    now is accepted, until the backlog and the new crawl are done; events lost (must be 0).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { dropReasonOf } from '../../lambdas/events/drop-rules';
import { eventEnvelopeSchema } from '../../lambdas/events/envelope';
import { mapEvent } from '../../lambdas/events/mappers';
import { normalizeEvent } from '../../lambdas/events/normalized-event';
import { inventoryKeys } from '../../lambdas/shared/table-schema';
import { EVENTS_PATH } from '../../lambdas/shared/protocol';
import { startLocalRuntime } from '../../local/local-runtime';
import { type EventBridgeEnvelope, startSandbox } from '../../sandbox/sandbox';
import { startKillableRuntime } from '../support/killable-runtime';
import { apiJson, linkAccount, waitForIngestion } from './local-api-client';
import { type Summary, summarize } from './stats';

export interface FaultsOptions {
  /** Events of each durability point. */
  readonly events: number;
  readonly concurrency: number;
  /** Accepted-but-unprocessed events at the moment of the crash (the backlog to recover). */
  readonly crashBacklog: number;
  readonly estateSize: number;
  readonly seed: number;
}

export interface DurabilityPoint {
  readonly durable: boolean;
  readonly sent: number;
  readonly accepted: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly intakeResponseMs: Summary;
}

export interface CrashRecoveryResult {
  readonly backlogPosted: number;
  readonly recoveredMessages: number;
  readonly interruptedRuns: number;
  /** From the restart (process spawned) to the API answering. */
  readonly restartToReadySeconds: number;
  /** From the restart to Start now answered 202 (the killed run's lock released). */
  readonly restartToStartNowSeconds: number;
  /** From the restart to the backlog applied and the new crawl finished. */
  readonly restartToIdleSeconds: number;
  readonly newIngestionStatus: string;
  /** Accepted (2xx) events the processor applies by design, and how many of them are missing after recovery. */
  readonly applicableAccepted: number;
  readonly lost: number;
}

const SANDBOX_REGIONS = ['us-east-1', 'eu-west-1'];

/** One durability point, in this process (one runtime per process). */
export async function runDurabilityPoint(options: FaultsOptions & { durable: boolean }): Promise<DurabilityPoint> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-durability-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    durableQueues: options.durable,
    customerAccount: { mode: 'sandbox', options: { estateSize: options.estateSize, seed: options.seed, regions: SANDBOX_REGIONS } },
    onError: () => undefined,
  });
  try {
    const sandbox = runtime.sandbox!;
    const ingestionId = await linkAccount(runtime.url, runtime.tokens.admin, sandbox.roleArn, sandbox.regions);
    await waitForIngestion(runtime.url, runtime.tokens.admin, sandbox.accountId, ingestionId);
    const events = (await sandbox.burst(options.events)).slice(0, options.events);
    const t0 = performance.now();
    const { accepted, latencies } = await post(runtime.url, runtime.tokens.uploader, events, options.concurrency);
    await runtime.idle();
    const seconds = (performance.now() - t0) / 1000;
    return {
      durable: options.durable,
      sent: events.length,
      accepted,
      seconds: round(seconds, 2),
      eventsPerSecond: round(accepted / seconds, 1),
      intakeResponseMs: summarize(latencies),
    };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runCrashRecovery(options: FaultsOptions): Promise<CrashRecoveryResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-crash-'));
  const sandboxOptions = { estateSize: options.estateSize, seed: options.seed, regions: SANDBOX_REGIONS };
  const generator = await startSandbox(sandboxOptions);
  const backlog = (await generator.burst(options.crashBacklog)).slice(0, options.crashBacklog);
  await generator.stop();
  // A slow processor and a slow crawl: at the kill, events are surely queued and a crawl is surely running.
  const first = await startKillableRuntime({
    dataDir,
    sandbox: sandboxOptions,
    slowHandlers: { 'event-processor': 250, 'crawl-service': 2000 },
    maxConcurrentBatches: 1,
  });
  let second: Awaited<ReturnType<typeof startKillableRuntime>> | undefined;
  try {
    const { url, tokens, roleArn, accountId } = first.ready;
    await apiJson(`${url}/data-sources/aws/accounts`, tokens.admin, { method: 'POST', body: { roleArn, regions: SANDBOX_REGIONS } });
    const { accepted, acceptedEvents } = await post(url, tokens.uploader, backlog, options.concurrency);
    // A crawl in its first seconds, as when a new user presses Ctrl-C or the machine goes down.
    await apiJson(`${url}/data-sources/aws/accounts/${accountId}/ingestions`, tokens.admin, { method: 'POST', body: {} });
    await new Promise((r) => setTimeout(r, 1000));
    await first.kill();

    const t0 = performance.now();
    second = await startKillableRuntime({ dataDir, sandbox: sandboxOptions });
    const ready = (performance.now() - t0) / 1000;
    const started = await apiJson<{ ingestionId: string }>(`${second.ready.url}/data-sources/aws/accounts/${accountId}/ingestions`, second.ready.tokens.admin, {
      method: 'POST',
      body: {},
    });
    const startNow = (performance.now() - t0) / 1000;
    await second.idle();
    const idle = (performance.now() - t0) / 1000;
    const ingestion = await waitForIngestion(second.ready.url, second.ready.tokens.admin, accountId, started.ingestionId);

    const applicable = acceptedEvents.filter((envelope) => {
      const event = normalizeEvent({ tenantId: 't', receivedAt: new Date().toISOString(), envelope: eventEnvelopeSchema.parse(envelope) });
      return dropReasonOf(event, { status: 'LINKED', roleArn }) === undefined && mapEvent(event).kind !== 'unsupported';
    });
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: second.ready.dynamoEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    );
    let lost = 0;
    for (const envelope of applicable) {
      const key = inventoryKeys.eventSeen(second.ready.tenantId, envelope.detail.eventID);
      const { Item } = await db.send(new GetCommand({ TableName: second.ready.inventoryTable, Key: key, ConsistentRead: true }));
      if (!Item) lost++;
    }
    db.destroy();
    return {
      backlogPosted: accepted,
      recoveredMessages: second.ready.recovery.recoveredMessages,
      interruptedRuns: second.ready.recovery.interruptedRuns.length,
      restartToReadySeconds: round(ready, 2),
      restartToStartNowSeconds: round(startNow, 2),
      restartToIdleSeconds: round(idle, 2),
      newIngestionStatus: ingestion.status,
      applicableAccepted: applicable.length,
      lost,
    };
  } finally {
    await first.kill();
    await second?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** POSTs each event as an API destination does, `concurrency` at a time; the time of each answer. */
async function post(baseUrl: string, token: string, events: readonly EventBridgeEnvelope[], concurrency: number) {
  const latencies: number[] = [];
  const acceptedEvents: EventBridgeEnvelope[] = [];
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++];
      const t = performance.now();
      const res = await fetch(`${baseUrl}${EVENTS_PATH}`, {
        method: 'POST',
        headers: { 'x-api-key': token, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status >= 200 && res.status < 300) acceptedEvents.push(event);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { accepted: acceptedEvents.length, acceptedEvents, latencies };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
