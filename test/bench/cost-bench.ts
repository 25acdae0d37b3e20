/**
 * Cost: what a crawl, a million usage events and a million mutations cost at on-demand prices, computed from the
 * requests they made on the local runtime. The platform's tables sit behind the counting proxy
 * (test/bench/dynamo-counting-proxy.ts: capacity units as DynamoDB bills them), the runtime counts each function's
 * invocations and duration, the queues their messages and batches; prices are in test/bench/cost-model.ts.
 * Crawls: the sandbox account at each estate size, linked and crawled through the API. Events: the sandbox burst's
 * usage calls (a handful of (key, caller) pairs sent again and again, as one busy application makes them) and its
 * mutations, each posted to the events endpoint as EventBridge would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalDynamo } from '../../local/local-dynamo';
import type { InvocationStats } from '../../local/local-functions';
import { startLocalRuntime, type LocalRuntime } from '../../local/local-runtime';
import type { EventBridgeEnvelope } from '../../sandbox/sandbox';
import { startDynamoCountingProxy, trafficBetween, type DynamoCountingProxy, type DynamoTraffic } from './dynamo-counting-proxy';
import { linkAccount, waitForIngestion } from './local-api-client';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ACM_USAGE_EVENTS,
  CONFIGURATION_USAGE_EVENTS,
  KMS_USAGE_EVENTS,
  PARAMETER_READ_EVENTS,
  SECRET_READ_EVENTS,
} from '../../lambdas/events/mappers/event-names';
import { controlKeys } from '../../lambdas/shared/table-schema';

const USAGE_EVENT_NAMES: ReadonlySet<string> = new Set([
  ...KMS_USAGE_EVENTS,
  ...ACM_USAGE_EVENTS,
  ...SECRET_READ_EVENTS,
  ...PARAMETER_READ_EVENTS,
  ...Object.values(CONFIGURATION_USAGE_EVENTS).flat(),
]);
const isUsageEventName = (name: string) => USAGE_EVENT_NAMES.has(name);

export interface CostBenchOptions {
  /** Estate sizes crawled (one runtime each). */
  readonly crawlSizes: readonly number[];
  readonly regions: readonly string[];
  /** Usage events and mutations sent (each), on the smallest estate. */
  readonly events: number;
  /** Distinct (key, caller) pairs the usage stream repeats. */
  readonly usagePairs: number;
  readonly seed: number;
}

/** What one workload used, as measured. */
export interface MeasuredWorkload {
  /** Assets crawled, or events accepted. */
  readonly units: number;
  readonly dynamo: DynamoTraffic;
  readonly functions: Record<string, InvocationStats>;
  /** Messages sent to, and batches delivered from, the platform's queues. */
  readonly queues: { readonly sent: number; readonly batches: number; readonly delivered: number };
  readonly apiRequests: number;
  readonly seconds: number;
}

export interface CostBenchResult {
  readonly options: CostBenchOptions;
  readonly crawls: readonly (MeasuredWorkload & { readonly status: string; readonly stateMachineItems: number; readonly stateTransitions: number })[];
  readonly usage: MeasuredWorkload;
  readonly mutations: MeasuredWorkload & { readonly applied: number };
  readonly handlerErrors: string[];
}

export async function runCostBench(options: CostBenchOptions): Promise<CostBenchResult> {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const handlerErrors: string[] = [];
  const crawls: CostBenchResult['crawls'][number][] = [];
  let events: Pick<CostBenchResult, 'usage' | 'mutations'> | undefined;
  const sizes = [...options.crawlSizes].sort((a, b) => a - b);
  for (const [i, estateSize] of sizes.entries()) {
    await withCountedRuntime(estateSize, options, handlerErrors, async (runtime, proxy, applied) => {
      const sandbox = runtime.sandbox!;
      const before = snapshot(runtime, proxy);
      const started = performance.now();
      const ingestionId = await linkAccount(runtime.url, runtime.tokens.admin, sandbox.roleArn, options.regions);
      const ingestion = await waitForIngestion(runtime.url, runtime.tokens.admin, sandbox.accountId, ingestionId);
      await runtime.idle();
      // One API request starts it (the bench's polling of the run is not the platform's cost).
      const measured = measuredSince(before, runtime, proxy, estateSize, 1, started);
      const items = (ingestion.parts ?? []).length;
      crawls.push({ ...measured, status: ingestion.status, stateMachineItems: items, stateTransitions: crawlStateTransitions(items, measured.functions['crawl-service']?.invocations ?? 0) });
      if (i === 0) events = await measureEvents(runtime, proxy, applied, options);
    });
  }
  if (!events) throw new Error('costs: no crawl size given, so no estate to send events to');
  return { options, crawls, ...events, handlerErrors: handlerErrors.slice(0, 20) };
}

async function withCountedRuntime(
  estateSize: number,
  options: CostBenchOptions,
  handlerErrors: string[],
  run: (runtime: LocalRuntime, proxy: DynamoCountingProxy, applied: () => Promise<number>) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-cost-'));
  // The runtime creates its tables through the proxy; dynalite itself only serves it.
  const dynamo = await startLocalDynamo({ tables: [] });
  const proxy = await startDynamoCountingProxy(dynamo.endpoint);
  // Read straight from dynalite, not through the proxy: the bench's own reads are not the platform's.
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  let runtime: LocalRuntime | undefined;
  try {
    runtime = await startLocalRuntime({
      dataDir,
      reset: true,
      port: 0,
      dynamodbEndpoint: proxy.endpoint,
      // Quotas lifted: the counts, not the wall time, are what this suite measures.
      customerAccount: { mode: 'sandbox', options: { estateSize, regions: options.regions, quotaScale: 100, seed: options.seed } },
      onError: (message, err) => handlerErrors.push(`${message}: ${err instanceof Error ? err.message : String(err)}`),
    });
    const { tenantId } = runtime.tenant;
    const accountId = runtime.sandbox!.accountId;
    const applied = async () => {
      const key = controlKeys.eventStats(tenantId, accountId);
      const { Item } = await db.send(new GetCommand({ TableName: process.env.CONTROL_TABLE_NAME!, Key: key, ConsistentRead: true }));
      return typeof Item?.applied === 'number' ? Item.applied : 0;
    };
    await run(runtime, proxy, applied);
  } finally {
    db.destroy();
    await runtime?.stop();
    await proxy.stop();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Snapshot {
  readonly dynamo: DynamoTraffic;
  readonly functions: Record<string, InvocationStats>;
  readonly queues: MeasuredWorkload['queues'];
}

function snapshot(runtime: LocalRuntime, proxy: DynamoCountingProxy): Snapshot {
  const queues = Object.values(runtime.queueStats()).reduce(
    (sum, q) => ({ sent: sum.sent + q.sent, batches: sum.batches + q.deliveries, delivered: sum.delivered + q.deleted + q.redelivered }),
    { sent: 0, batches: 0, delivered: 0 },
  );
  return { dynamo: proxy.snapshot(), functions: runtime.functionStats(), queues };
}

function measuredSince(before: Snapshot, runtime: LocalRuntime, proxy: DynamoCountingProxy, units: number, apiRequests: number, started: number): MeasuredWorkload {
  const after = snapshot(runtime, proxy);
  const functions: Record<string, InvocationStats> = {};
  for (const [name, s] of Object.entries(after.functions)) {
    const b = before.functions[name];
    const invocations = s.invocations - (b?.invocations ?? 0);
    if (invocations > 0) functions[name] = { invocations, durationMs: s.durationMs - (b?.durationMs ?? 0), memorySizeMb: s.memorySizeMb };
  }
  return {
    units,
    dynamo: trafficBetween(after.dynamo, before.dynamo),
    functions,
    queues: {
      sent: after.queues.sent - before.queues.sent,
      batches: after.queues.batches - before.queues.batches,
      delivered: after.queues.delivered - before.queues.delivered,
    },
    apiRequests,
    seconds: (performance.now() - started) / 1000,
  };
}

async function measureEvents(runtime: LocalRuntime, proxy: DynamoCountingProxy, applied: () => Promise<number>, options: CostBenchOptions): Promise<Pick<CostBenchResult, 'usage' | 'mutations'>> {
  const burst = await runtime.sandbox!.burst(options.events * 8);
  const nameOf = (e: EventBridgeEnvelope) => String((e.detail as { eventName?: unknown }).eventName ?? e['detail-type']);
  const usageSeeds = burst.filter((e) => isUsageEventName(nameOf(e))).slice(0, options.usagePairs);
  const mutations = burst.filter((e) => !isUsageEventName(nameOf(e))).slice(0, options.events);
  if (usageSeeds.length < options.usagePairs || mutations.length < options.events) {
    throw new Error(`costs: the burst held ${usageSeeds.length} usage seeds and ${mutations.length} mutations, fewer than asked`);
  }
  // The same few (key, caller) pairs over and over, a second apart, each a new CloudTrail event.
  const start = Date.now() - options.events * 1000;
  const usage = Array.from({ length: options.events }, (_, i) => {
    const e = structuredClone(usageSeeds[i % usageSeeds.length]) as unknown as { id: string; time: string; detail: Record<string, unknown> };
    const time = new Date(start + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    e.id = `${e.id}-cost${i}`;
    e.time = time;
    e.detail.eventID = `${String(e.detail.eventID)}-cost${i}`;
    e.detail.eventTime = time;
    return e as unknown as EventBridgeEnvelope;
  });

  const send = async (stream: readonly EventBridgeEnvelope[]) => {
    const before = snapshot(runtime, proxy);
    const started = performance.now();
    const accepted = await post(runtime, stream);
    await runtime.idle();
    return measuredSince(before, runtime, proxy, accepted, stream.length, started);
  };
  const usageMeasured = await send(usage);
  const appliedBefore = await applied();
  const mutationsMeasured = await send(mutations);
  return { usage: usageMeasured, mutations: { ...mutationsMeasured, applied: (await applied()) - appliedBefore } };
}

/** Posts every event (8 at a time) with the uploader token; returns how many were accepted. */
async function post(runtime: LocalRuntime, events: readonly EventBridgeEnvelope[]): Promise<number> {
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++];
      const res = await fetch(`${runtime.url}/data-sources/aws/events`, {
        method: 'POST',
        headers: { 'x-api-key': runtime.tokens.uploader, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      await res.text();
      if (res.status === 202 || res.status === 200) accepted++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return accepted;
}

/**
 * State transitions of one crawl execution (lib/constructs/crawl-state-machine.ts): Prepare, the Map, Finalize and
 * CheckPipelineHealth once; per (Region, service) item its closing ItemDone; per crawl-service invocation the task and
 * the MoreToCrawl choice after it.
 */
function crawlStateTransitions(items: number, crawlServiceInvocations: number): number {
  return 4 + items + 2 * crawlServiceInvocations;
}
