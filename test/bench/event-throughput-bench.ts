/**
 * Benchmark 3: CloudTrail events through the local runtime's HTTP intake (API Gateway emulation → authorizer →
 * events-intake handler → SQS emulation) and the event-processor handler (batches of 50, 1 s window, as deployed)
 * into dynalite. Three phases in one run:
 *  - throughput: the whole mixed stream sent by `concurrency` parallel senders, events/s until everything is processed;
 *  - duplicates: already-processed events sent again — DynamoDB writes per duplicate;
 *  - latency: fresh events at a steady rate below capacity — POST → processed (the processor's batch returned with
 *    the record not failed, i.e. its inventory writes were acknowledged: the inventory API shows them from then on).
 * DynamoDB requests are counted at dynalite's HTTP layer; outcomes come from the account's EVENTSTATS items.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { assetId } from '../../lambdas/inventory/asset-id';
import { controlKeys } from '../../lambdas/shared/table-schema';
import { loadHandlerFromSource } from '../../local/local-functions';
import { startLocalRuntime, type LocalRuntime } from '../../local/local-runtime';
import type { EventBridgeEnvelope } from '../../sandbox/sandbox';
import { diffCounts, DynamoRequestCounter, type DynamoCounts } from './dynamo-request-counter';
import { buildEventStream, UNLINKED_ACCOUNT, type EventStream } from './event-stream';
import { linkAccount, waitForIngestion } from './local-api-client';
import { ratio, summarize, type Summary } from './stats';

export interface EventThroughputOptions {
  readonly events: number;
  readonly concurrency: number;
  readonly duplicateProbe: number;
  readonly latencyEvents: number;
  /** Steady rate of the latency phase, as a fraction of the measured throughput. */
  readonly latencyLoad: number;
  readonly estateSize: number;
  readonly seed: number;
}

type Outcomes = Record<string, number>;

export interface EventThroughputResult {
  readonly options: EventThroughputOptions;
  readonly composition: EventStream['composition'];
  readonly throughput: {
    readonly sent: number;
    readonly accepted: number;
    readonly rejectedByStatus: Record<string, number>;
    readonly seconds: number;
    readonly eventsPerSecond: number;
    readonly intakeResponseMs: Summary;
    readonly outcomes: Outcomes;
    readonly accounting: { readonly applied: number; readonly duplicates: number; readonly dropped: number; readonly sum: number; readonly balanced: boolean };
    readonly dynamo: DynamoCounts;
    readonly writesPerAppliedEvent: number | null;
    readonly deadLettered: number;
  };
  readonly duplicates: { readonly sent: number; readonly counted: number; readonly outcomes: Outcomes; readonly dynamo: DynamoCounts; readonly writesPerDuplicate: number | null };
  readonly latency: { readonly sent: number; readonly rate: number; readonly processed: number; readonly endToEndMs: Summary; readonly intakeResponseMs: Summary };
  readonly visibilityCheck: { readonly sampled: number; readonly visible: number };
  readonly handlerErrors: string[];
}

export async function runEventThroughputBench(options: EventThroughputOptions): Promise<EventThroughputResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-events-'));
  const handlerErrors: string[] = [];
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  // Completion time of each event id (first processing that did not fail).
  const processedAt = new Map<string, number>();
  const runtime = await startLocalRuntime({
    dataDir,
    reset: true,
    port: 0,
    customerAccount: { mode: 'sandbox', options: { estateSize: options.estateSize, seed: options.seed } },
    onError: (message, err) => handlerErrors.push(`${message}: ${err instanceof Error ? err.message : String(err)}`),
    loadHandler: (name) => {
      const handler = loadHandlerFromSource(name);
      if (name !== 'event-processor') return handler;
      return async (event: unknown, context: Context) => {
        const response = (await handler(event, context)) as SQSBatchResponse;
        const at = performance.now();
        const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        for (const record of (event as SQSEvent).Records) {
          if (failed.has(record.messageId)) continue;
          const id = (JSON.parse(record.body) as { envelope: { id: string } }).envelope.id;
          if (!processedAt.has(id)) processedAt.set(id, at);
        }
        return response;
      };
    },
  });
  const counter = DynamoRequestCounter.forEndpoint(process.env.PLATFORM_DYNAMODB_ENDPOINT!);
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.PLATFORM_DYNAMODB_ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  try {
    const sandbox = runtime.sandbox!;
    // The account is linked and crawled first, as in production (events of unlinked accounts are dropped).
    const ingestionId = await linkAccount(runtime.url, runtime.tokens.admin, sandbox.roleArn, sandbox.regions);
    await waitForIngestion(runtime.url, runtime.tokens.admin, sandbox.accountId, ingestionId);
    await runtime.idle();

    const outcomes = () => readOutcomes(db, runtime, [sandbox.accountId, UNLINKED_ACCOUNT]);
    const sender = new EventSender(runtime);

    const progress = (m: string) => process.stderr.write(`[events ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
    progress('account crawled; phase 1 (throughput)');
    // Phase 1: throughput.
    const uniqueShare = 0.91;
    // One burst for phases 1 and 3: a second burst call restarts the sandbox's name counter and collides
    // (`/burst/<i>/setting` exists). Its tail is kept for the latency phase.
    const fullBurst = await sandbox.burst(Math.ceil(options.events * uniqueShare) + 10 + options.latencyEvents);
    const burst = fullBurst.slice(0, fullBurst.length - options.latencyEvents);
    const latencyReserve = fullBurst.slice(fullBurst.length - options.latencyEvents);
    const stream = buildEventStream(burst, options.events, options.seed);
    const before = { outcomes: await outcomes(), dynamo: counter.snapshot() };
    const t0 = performance.now();
    const sent = await sender.sendAll(stream.events, options.concurrency);
    await runtime.idle();
    const t1 = Math.max(...stream.events.map((e) => processedAt.get(e.id) ?? 0), performance.now() - 1);
    const phase1Dynamo = diffCounts(counter.snapshot(), before.dynamo);
    const phase1Outcomes = diffOutcomes(await outcomes(), before.outcomes);
    const applied = phase1Outcomes.applied ?? 0;
    const duplicates = phase1Outcomes.duplicates ?? 0;
    const dropped = Object.entries(phase1Outcomes)
      .filter(([k]) => k.startsWith('dropped_'))
      .reduce((s, [, n]) => s + n, 0);
    const seconds = (t1 - t0) / 1000;
    const eventsPerSecond = Math.round((sent.accepted / seconds) * 10) / 10;
    const deadLettered = Object.values(runtime.queueStats()).reduce((s, q) => s + q.deadLettered, 0);

    progress(`phase 1: ${sent.accepted} accepted in ${seconds.toFixed(1)} s; phase 2 (re-deliveries)`);
    // Phase 2: re-deliveries of events processed in phase 1 (those phase 1 dropped are dropped again, before dedup).
    const dupProbe = stream.events.filter((e) => processedAt.has(e.id)).slice(0, options.duplicateProbe);
    const before2 = { outcomes: await outcomes(), dynamo: counter.snapshot() };
    const dupSent = await sender.sendAll(dupProbe, options.concurrency);
    await runtime.idle();
    const phase2Dynamo = diffCounts(counter.snapshot(), before2.dynamo);
    const phase2Outcomes = diffOutcomes(await outcomes(), before2.outcomes);

    // Phase 3: latency at a steady rate below capacity, for at most 30 s.
    const rate = Math.max(5, Math.round(eventsPerSecond * options.latencyLoad));
    const latencyCount = Math.min(options.latencyEvents, rate * 30);
    progress(`phase 3 (latency): ${latencyCount} events at ${rate}/s`);
    const fresh = latencyReserve.slice(0, latencyCount);
    const paced = await sender.sendAtRate(fresh, rate);
    await runtime.idle();
    progress('phase 3 done');
    const latencies = fresh.filter((e) => processedAt.has(e.id) && paced.postedAt.has(e.id)).map((e) => processedAt.get(e.id)! - paced.postedAt.get(e.id)!);

    // Visibility: created keys of the latency phase are readable through GET /inventory/{assetId}.
    const created = fresh.filter((e) => e.detail && (e.detail as { eventName?: string }).eventName === 'CreateKey').slice(0, 20);
    let visible = 0;
    for (const e of created) {
      const arn = ((e.detail as { responseElements?: { keyMetadata?: { arn?: string } } }).responseElements?.keyMetadata?.arn) ?? '';
      const res = await fetch(`${runtime.url}/inventory/${assetId(runtime.tenant.tenantId, arn)}`, { headers: { 'x-api-key': runtime.tokens.reader } });
      await res.text();
      if (res.status === 200) visible += 1;
    }

    return {
      options,
      composition: stream.composition,
      throughput: {
        sent: stream.events.length,
        accepted: sent.accepted,
        rejectedByStatus: sent.rejectedByStatus,
        seconds,
        eventsPerSecond,
        intakeResponseMs: summarize(sent.responseMs),
        outcomes: phase1Outcomes,
        accounting: { applied, duplicates, dropped, sum: applied + duplicates + dropped, balanced: applied + duplicates + dropped === sent.accepted },
        dynamo: phase1Dynamo,
        writesPerAppliedEvent: ratio(phase1Dynamo.writes, applied),
        deadLettered,
      },
      duplicates: { sent: dupSent.accepted, counted: phase2Outcomes.duplicates ?? 0, outcomes: phase2Outcomes, dynamo: phase2Dynamo, writesPerDuplicate: ratio(phase2Dynamo.writes, dupSent.accepted) },
      latency: { sent: fresh.length, rate, processed: latencies.length, endToEndMs: summarize(latencies), intakeResponseMs: summarize(paced.responseMs) },
      visibilityCheck: { sampled: created.length, visible },
      handlerErrors: handlerErrors.slice(0, 20),
    };
  } finally {
    counter.close();
    db.destroy();
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Numeric attributes of the EVENTSTATS items of `accounts` (applied, duplicates, dropped_<reason>…), summed. */
async function readOutcomes(db: DynamoDBDocumentClient, runtime: LocalRuntime, accounts: readonly string[]): Promise<Outcomes> {
  const table = process.env.CONTROL_TABLE_NAME!;
  const total: Outcomes = {};
  for (const accountId of accounts) {
    const { Item } = await db.send(new GetCommand({ TableName: table, Key: controlKeys.eventStats(runtime.tenant.tenantId, accountId), ConsistentRead: true }));
    for (const [k, v] of Object.entries(Item ?? {})) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  }
  return total;
}

function diffOutcomes(after: Outcomes, before: Outcomes): Outcomes {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0));
}

/** POSTs envelopes to the events route as the customer's API destination does (uploader token). */
class EventSender {
  private readonly url: string;
  constructor(private readonly runtime: LocalRuntime) {
    this.url = `${runtime.url}/data-sources/aws/events`;
  }

  private async post(e: EventBridgeEnvelope): Promise<{ status: number; ms: number; startedAt: number }> {
    const startedAt = performance.now();
    const res = await fetch(this.url, { method: 'POST', headers: { 'x-api-key': this.runtime.tokens.uploader, 'content-type': 'application/json' }, body: JSON.stringify(e) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - startedAt, startedAt };
  }

  async sendAll(events: readonly EventBridgeEnvelope[], concurrency: number) {
    let next = 0;
    let accepted = 0;
    const responseMs: number[] = [];
    const rejectedByStatus: Record<string, number> = {};
    const worker = async () => {
      while (next < events.length) {
        const e = events[next++];
        const r = await this.post(e);
        responseMs.push(r.ms);
        if (r.status === 202) accepted += 1;
        else rejectedByStatus[r.status] = (rejectedByStatus[r.status] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { accepted, responseMs, rejectedByStatus };
  }

  /** One POST every 1/rate seconds (open loop: a slow response does not delay the next send). */
  async sendAtRate(events: readonly EventBridgeEnvelope[], rate: number) {
    const postedAt = new Map<string, number>();
    const responseMs: number[] = [];
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < events.length; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const e = events[i];
      inFlight.push(
        this.post(e).then((r) => {
          if (r.status === 202) postedAt.set(e.id, r.startedAt);
          responseMs.push(r.ms);
        }),
      );
    }
    await Promise.all(inFlight);
    return { postedAt, responseMs };
  }
}
