/**
 * Child process of the scaling benchmark: runs the real crawl-service Lambda handler (lambdas/handlers/crawl-service.ts)
 * for every (Region, service) item of one account, ONE invocation at a time as one Lambda container does (looping
 * while an item answers CONTINUE), and measures this process alone: the sandbox and dynalite live in the parent.
 * Environment: the handler's (CONTROL_TABLE_NAME, INVENTORY_TABLE_NAME, PLATFORM_DYNAMODB_ENDPOINT, AWS_ENDPOINT_URL,
 * credentials, CRAWL_QUOTAS) plus BENCH_ITEMS (JSON CrawlItemState[] without status) and BENCH_RESULT_FILE.
 */
import { writeFileSync } from 'node:fs';
import type { CrawlItemState } from '../../lambdas/ingestion/crawl-types';
import { lambdaContext } from '../../local/lambda-context';

export interface CrawlWorkerResult {
  readonly seconds: number;
  readonly invocations: number;
  readonly assets: number;
  readonly apiCalls: number;
  /** Peak of process.memoryUsage() sampled every 25 ms, MiB. */
  readonly peakHeapUsedMiB: number;
  readonly peakRssMiB: number;
  /** Max of heapUsed right after a forced full GC, sampled every second, MiB (what the crawl keeps reachable). */
  readonly peakLiveHeapMiB: number;
  /** process.resourceUsage().maxRSS, MiB (the kernel's high-water mark, start-up included). */
  readonly maxRssMiB: number;
  /** Heap and RSS after loading the handler, before the first invocation, MiB. */
  readonly baselineHeapUsedMiB: number;
  readonly baselineRssMiB: number;
}

const MiB = 2 ** 20;

async function main(): Promise<void> {
  const items = JSON.parse(process.env.BENCH_ITEMS ?? '[]') as CrawlItemState[];
  const resultFile = process.env.BENCH_RESULT_FILE;
  if (!resultFile || items.length === 0) throw new Error('BENCH_ITEMS and BENCH_RESULT_FILE are required');
  const { handler } = require('../../lambdas/handlers/crawl-service') as typeof import('../../lambdas/handlers/crawl-service');
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  let liveHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 25);
  // Heap still reachable (after a full GC) once a second: what the crawl retains, unlike the peak, which depends on
  // when V8 chooses to collect. Costs a few percent of the crawl time.
  const liveSampler = setInterval(() => {
    global.gc?.();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  }, 1000);

  const started = performance.now();
  let invocations = 0;
  let assets = 0;
  let apiCalls = 0;
  for (const item of items) {
    let state: CrawlItemState = item;
    do {
      state = await handler(state, lambdaContext('crawl-service', 900));
      invocations += 1;
    } while (state.status === 'CONTINUE');
    assets += state.counts?.assets ?? 0;
    apiCalls += state.counts?.apiCalls ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearInterval(liveSampler);
  const result: CrawlWorkerResult = {
    seconds,
    invocations,
    assets,
    apiCalls,
    peakHeapUsedMiB: round(peakHeap / MiB),
    peakRssMiB: round(peakRss / MiB),
    peakLiveHeapMiB: round(liveHeap / MiB),
    maxRssMiB: round((process.resourceUsage().maxRSS * 1024) / MiB),
    baselineHeapUsedMiB: round(baseline.heapUsed / MiB),
    baselineRssMiB: round(baseline.rss / MiB),
  };
  writeFileSync(resultFile, JSON.stringify(result));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
