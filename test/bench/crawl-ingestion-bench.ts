/**
 * Benchmarks 1 and 2: one full ingestion through the local runtime (API → Step Functions in aws-local-stepfunctions →
 * crawl-prepare / crawl-service / crawl-finalize handlers → dynalite) of a large sandbox estate whose sandbox enforces
 * AWS's default request quotas × `quotaScale` (the crawl's pacer is told the same scaled quotas via CRAWL_QUOTAS).
 * Calls are counted by the sandbox (every request it received) and compared with the estate's theoretical minimum;
 * wall time is compared with the quota-bound lower bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_QUOTAS } from '../../lambdas/discovery/request-pacer';
import { startLocalRuntime } from '../../local/local-runtime';
import { AWS_DEFAULT_QUOTAS } from '../../sandbox/rate-limiter';
import { countAssets } from '../../sandbox/estate/estate';
import { linkAccount, waitForIngestion } from './local-api-client';
import { minimumCalls, quotaBound, rollUp, scaleQuotas, serviceOf, type CallCounts, type QuotaBound } from './minimum-calls';
import { ratio } from './stats';

export interface CrawlIngestionOptions {
  readonly estateSize: number;
  readonly regions: readonly string[];
  readonly quotaScale: number;
  readonly seed: number;
  /** Fraction of the (scaled) quotas the crawl's pacer is told (CRAWL_QUOTAS). @default 1 (as deployed) */
  readonly pacerUtilization?: number;
}

export interface CrawlIngestionResult {
  readonly options: CrawlIngestionOptions;
  readonly path: 'full-ingestion';
  readonly estate: { readonly assets: number; readonly byService: CallCounts; readonly regions: number };
  readonly ingestion: { readonly status: string; readonly counts: Record<string, number>; readonly errors: number };
  readonly efficiency: {
    readonly minimumByService: CallCounts;
    /** Every request the sandbox received (throttled ones included), per service. */
    readonly madeByService: CallCounts;
    /** Requests minus the ones answered ThrottlingException. */
    readonly acceptedByService: CallCounts;
    readonly minimumByApi: CallCounts;
    readonly madeByApi: CallCounts;
    readonly throttledByApi: CallCounts;
    /** made ÷ minimum per crypto service and over all four (STS reported apart). */
    readonly ratioByService: Record<string, number | null>;
    readonly ratioTotal: number | null;
    readonly acceptedRatioTotal: number | null;
    readonly target: 1.05;
  };
  readonly speed: {
    readonly wallSeconds: number;
    readonly clientObservedSeconds: number;
    readonly boundFromMinimum: QuotaBound;
    readonly boundFromAccepted: QuotaBound;
    readonly ratio: number | null;
    readonly throttled: number;
    readonly crawlerThrottledRetries: number;
    /** CPU seconds this process (handlers, Step Functions, dynalite, sandbox) used during the ingestion. */
    readonly cpuSeconds: number;
    /** cpuSeconds ÷ wall: near or above the CPU share the process got, the run was CPU-bound, not quota-bound. */
    readonly cpuUtilization: number | null;
    /** Seconds from the ingestion's start to each part's end, slowest first (the bound's pair should be last to end). */
    readonly slowestParts: { readonly region: string; readonly service: string; readonly seconds: number }[];
    readonly target: 1.25;
  };
  readonly violations: number;
  readonly handlerErrors: string[];
}

const CRYPTO = ['kms', 'acm', 'secretsmanager', 'ssm'];

export async function runCrawlIngestionBench(options: CrawlIngestionOptions): Promise<CrawlIngestionResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-bench-crawl-'));
  const handlerErrors: string[] = [];
  // The handlers' pacer must know the scaled quotas the sandbox enforces (crawl-service.ts reads CRAWL_QUOTAS).
  process.env.CRAWL_QUOTAS = JSON.stringify(scaleQuotas(DEFAULT_QUOTAS, options.quotaScale * (options.pacerUtilization ?? 1)));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const runtime = await startLocalRuntime({
    dataDir,
    reset: true,
    port: 0,
    customerAccount: {
      mode: 'sandbox',
      options: { estateSize: options.estateSize, regions: options.regions, quotas: 'aws-default', quotaScale: options.quotaScale, seed: options.seed },
    },
    onError: (message, err) => handlerErrors.push(`${message}: ${err instanceof Error ? err.message : String(err)}`),
  });
  try {
    const sandbox = runtime.sandbox!;
    const minimum = minimumCalls(sandbox.estate, options.regions);
    const byServiceAssets: CallCounts = { kms: 0, acm: 0, secretsmanager: 0, ssm: 0 };
    for (const r of Object.values(sandbox.estate.regions)) {
      byServiceAssets.kms += r.kms.keys.length;
      byServiceAssets.acm += r.acm.certificates.length;
      byServiceAssets.secretsmanager += r.secretsmanager.secrets.length;
      byServiceAssets.ssm += r.ssm.parameters.length;
    }
    sandbox.resetStats();

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const ingestionId = await linkAccount(runtime.url, runtime.tokens.admin, sandbox.roleArn, options.regions);
    const ingestion = await waitForIngestion(runtime.url, runtime.tokens.admin, sandbox.accountId, ingestionId);
    const clientObservedSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await runtime.idle();

    const stats = sandbox.stats();
    const throttledByApi = stats.throttledByApi;
    const acceptedByRegion: Record<string, CallCounts> = {};
    // The sandbox counts throttles by API only; spread them over Regions is not needed for totals, but the bound
    // from accepted calls uses per-Region counts, so throttled requests are kept there (an upper estimate).
    for (const [region, perApi] of Object.entries(stats.byRegion)) acceptedByRegion[region] = { ...perApi };
    const made = rollUp(stats.byRegion);
    const acceptedByService: CallCounts = { ...made.byService };
    for (const [api, n] of Object.entries(throttledByApi)) acceptedByService[serviceOf(api)] -= n;

    const ratioByService: Record<string, number | null> = {};
    for (const s of [...CRYPTO, 'sts']) ratioByService[s] = s === 'sts' ? null : ratio(made.byService[s] ?? 0, minimum.byService[s] ?? 0);
    const cryptoMade = CRYPTO.reduce((n, s) => n + (made.byService[s] ?? 0), 0);
    const cryptoAccepted = CRYPTO.reduce((n, s) => n + (acceptedByService[s] ?? 0), 0);
    const cryptoMinimum = CRYPTO.reduce((n, s) => n + (minimum.byService[s] ?? 0), 0);

    const quotas = scaleQuotas(AWS_DEFAULT_QUOTAS, options.quotaScale);
    const wallSeconds = ingestion.finishedAt ? (Date.parse(ingestion.finishedAt) - Date.parse(ingestion.startedAt)) / 1000 : Number.NaN;
    const boundFromMinimum = quotaBound(minimum.byRegion, quotas);
    const throttled = Object.values(throttledByApi).reduce((s, n) => s + n, 0);
    return {
      options,
      path: 'full-ingestion',
      estate: { assets: countAssets(sandbox.estate), byService: byServiceAssets, regions: Object.keys(sandbox.estate.regions).length },
      ingestion: { status: ingestion.status, counts: ingestion.counts ?? {}, errors: ingestion.errors?.length ?? 0 },
      efficiency: {
        minimumByService: minimum.byService,
        madeByService: made.byService,
        acceptedByService,
        minimumByApi: minimum.byApi,
        madeByApi: stats.byApi,
        throttledByApi,
        ratioByService,
        ratioTotal: ratio(cryptoMade, cryptoMinimum),
        acceptedRatioTotal: ratio(cryptoAccepted, cryptoMinimum),
        target: 1.05,
      },
      speed: {
        wallSeconds,
        clientObservedSeconds,
        boundFromMinimum,
        boundFromAccepted: quotaBound(acceptedByRegion, quotas),
        ratio: ratio(wallSeconds, boundFromMinimum.seconds),
        throttled,
        cpuSeconds,
        cpuUtilization: ratio(cpuSeconds, clientObservedSeconds),
        slowestParts: (ingestion.parts ?? [])
          .map((p) => ({ region: p.region, service: p.service, seconds: (Date.parse(p.finishedAt) - Date.parse(ingestion.startedAt)) / 1000 }))
          .sort((a, b) => b.seconds - a.seconds)
          .slice(0, 6),
        crawlerThrottledRetries: ingestion.counts?.throttledRetries ?? 0,
        target: 1.25,
      },
      violations: sandbox.violations().length,
      handlerErrors: handlerErrors.slice(0, 20),
    };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
