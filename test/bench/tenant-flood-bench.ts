/**
 * Benchmark 7: two tenants on the events endpoint, one flooding at 10× its per-token limit
 * (lambdas/events/rate-limit.ts). The quiet tenant's intake latency is measured alone, then during the flood: its p99
 * should stay within 20 % (the flood is answered 429 before it reaches the queue, mostly without a counter write, and
 * the queue is fair between tenants). The flooding tenant is the demo tenant with the sandbox account linked, so its
 * accepted events are applied (the heavier work); the quiet tenant is a second tenant with its own uploader token. The
 * limit is lowered for the run so that 10× fits a 2-core machine; what is measured is the isolation, not the limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EVENTS_PATH } from '../../lambdas/shared/protocol';
import { startLocalRuntime } from '../../local/local-runtime';
import { ensureLocalTenant } from '../../local/local-tenant';
import { type Summary, summarize } from './stats';

export interface TenantFloodOptions {
  /** EVENTS_PER_SECOND_PER_TOKEN for the run. */
  readonly limitPerSecond: number;
  /** The quiet token's steady rate (below its limit). */
  readonly quietPerSecond: number;
  /** Seconds of each phase (alone, then under the flood). */
  readonly seconds: number;
  readonly seed: number;
}

export interface TenantFloodResult {
  readonly limitPerSecond: number;
  readonly floodPerSecond: number;
  readonly quietPerSecond: number;
  readonly seconds: number;
  /**
   * The quiet token's intake latency (ms) alone, while the other tenant sends at its limit (its events are applied:
   * work the limit allows), and during the flood (10× the limit); its statuses in each phase (0: connection reset).
   */
  readonly quietAlone: Summary;
  readonly quietBesideLimit: Summary;
  readonly quietDuringFlood: Summary;
  readonly quietStatusesAlone: Record<string, number>;
  readonly quietStatusesBesideLimit: Record<string, number>;
  readonly quietStatusesDuringFlood: Record<string, number>;
  /** The flooding token's statuses (202 up to its limit per second, 429 beyond). */
  readonly floodStatuses: Record<string, number>;
  /** quietDuringFlood.p99 ÷ quietAlone.p99: the target (≤ 1.2). */
  readonly p99Ratio: number;
  /** quietDuringFlood.p99 ÷ quietBesideLimit.p99: what the flood's excess over the limit alone costs the other tenant. */
  readonly p99RatioToLimit: number;
}

interface Sample {
  readonly status: number;
  readonly ms: number;
}

/**
 * The sender, run in a worker thread: the clients' own work (fetch, timers) stays off the runtime's event loop, as a
 * real tenant's does. Sends `bodies[i]` at a fixed rate (open loop: a slow answer does not slow the sender).
 */
const SENDER_SOURCE = `
const { parentPort, workerData: { url, token, bodies, perSecond, seconds } } = require('node:worker_threads');
(async () => {
  const total = Math.round(perSecond * seconds);
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(
      fetch(url, { method: 'POST', headers: { 'x-api-key': token, 'content-type': 'application/json' }, body: bodies[i % bodies.length] }).then(
        async (res) => { await res.arrayBuffer(); return { status: res.status, ms: performance.now() - t0 }; },
        () => ({ status: 0, ms: performance.now() - t0 }),
      ),
    );
  }
  parentPort.postMessage(await Promise.all(pending));
})();
`;

function sendAtRate(url: string, token: string, bodies: readonly string[], perSecond: number, seconds: number): Promise<Sample[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER_SOURCE, { eval: true, workerData: { url: `${url}${EVENTS_PATH}`, token, bodies, perSecond, seconds } });
    worker.once('message', (samples: Sample[]) => void worker.terminate().then(() => resolve(samples)));
    worker.once('error', reject);
  });
}

const statuses = (samples: readonly Sample[]) => samples.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {});
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function runTenantFloodBench(options: TenantFloodOptions): Promise<TenantFloodResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-flood-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  // Read by the events intake at init (lambdas/shared/function-environments.ts).
  process.env.EVENTS_PER_SECOND_PER_TOKEN = String(options.limitPerSecond);
  const runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    customerAccount: { mode: 'sandbox', options: { estateSize: 40, seed: options.seed, regions: ['us-east-1'] } },
    onError: () => undefined,
  });
  try {
    // A second tenant, created as the admin CLI does, with its own uploader token.
    const quietToken = (await ensureLocalTenant({ dynamoEndpoint: runtime.dynamoEndpoint, controlTable: process.env.CONTROL_TABLE_NAME ?? '' })).tokens.uploader;
    const envelopes = (await runtime.sandbox!.burst(500)).map((e) => JSON.stringify(e));
    const floodPerSecond = options.limitPerSecond * 10;
    // Warm-up: handlers loaded, connections open.
    await sendAtRate(runtime.url, quietToken, envelopes, options.quietPerSecond, 1);
    const alone = await sendAtRate(runtime.url, quietToken, envelopes, options.quietPerSecond, options.seconds);
    await runtime.idle();
    const beside = async (perSecond: number) => {
      const [other, quiet] = await Promise.all([
        sendAtRate(runtime.url, runtime.tokens.uploader, envelopes, perSecond, options.seconds),
        sendAtRate(runtime.url, quietToken, envelopes, options.quietPerSecond, options.seconds),
      ]);
      await runtime.idle();
      return { other, quiet };
    };
    // Just under the limit (every event accepted and applied), then 10× it.
    const atLimit = await beside(options.limitPerSecond * 0.9);
    const { other: flood, quiet: during } = await beside(floodPerSecond);
    // Latency of answered requests only; resets are reported in the status counts.
    const latency = (samples: readonly Sample[]) => summarize(samples.filter((s) => s.status > 0).map((s) => s.ms));
    const quietAlone = latency(alone);
    const quietBesideLimit = latency(atLimit.quiet);
    const quietDuringFlood = latency(during);
    return {
      limitPerSecond: options.limitPerSecond,
      floodPerSecond,
      quietPerSecond: options.quietPerSecond,
      seconds: options.seconds,
      quietAlone,
      quietBesideLimit,
      quietDuringFlood,
      quietStatusesAlone: statuses(alone),
      quietStatusesBesideLimit: statuses(atLimit.quiet),
      quietStatusesDuringFlood: statuses(during),
      floodStatuses: statuses(flood),
      p99Ratio: round(quietDuringFlood.p99 / quietAlone.p99, 2),
      p99RatioToLimit: round(quietDuringFlood.p99 / quietBesideLimit.p99, 2),
    };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
