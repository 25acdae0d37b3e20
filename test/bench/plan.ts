/** What `npm run bench` runs: the full plan (< 15 minutes on a 2-core machine) and the `--quick` one (< 3 minutes). */
import type { ConsoleBenchOptions } from './console-bench';
import type { CrawlIngestionOptions } from './crawl-ingestion-bench';
import type { EventThroughputOptions } from './event-throughput-bench';
import type { FaultsOptions } from './fault-recovery-bench';
import type { TenantFloodOptions } from './tenant-flood-bench';
import type { FindingsBenchOptions } from './findings-bench';
import type { CostBenchOptions } from './cost-bench';

export const BENCH_REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'] as const;

export interface BenchPlan {
  readonly name: 'full' | 'smoke';
  readonly crawl: CrawlIngestionOptions;
  readonly events: EventThroughputOptions;
  /** Target of the issue: 100,000 events; `events.events` is what fits the budget, the rest is extrapolated. */
  readonly eventTarget: number;
  readonly scalingSizes: readonly number[];
  readonly bundleRuns: number;
  readonly faults: FaultsOptions;
  readonly tenantFlood: TenantFloodOptions;
  readonly findings: FindingsBenchOptions;
  /** The console's budgets: Inventory of a large estate in a real browser (test/bench/console-bench.ts). */
  readonly console: ConsoleBenchOptions;
  /** Cost at on-demand prices from measured requests (test/bench/cost-bench.ts). */
  readonly costs: CostBenchOptions;
}

export const FULL_PLAN: BenchPlan = {
  name: 'full',
  crawl: { estateSize: 20_000, regions: BENCH_REGIONS, quotaScale: 1, seed: 7 },
  events: { events: 50_000, concurrency: 16, duplicateProbe: 500, latencyEvents: 1_000, latencyLoad: 0.5, estateSize: 200, seed: 7 },
  eventTarget: 100_000,
  scalingSizes: [1_000, 10_000, 30_000],
  bundleRuns: 5,
  faults: { events: 2_000, concurrency: 16, crashBacklog: 1_000, estateSize: 60, seed: 7 },
  tenantFlood: { limitPerSecond: 10, quietPerSecond: 8, seconds: 25, seed: 7 },
  findings: { estateSize: 30_000, regions: BENCH_REGIONS, seed: 7, usageEdges: 3_000, eventBatches: 20, batchSize: 50 },
  console: { estateSize: 30_000, regions: ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1'], runs: 5 },
  costs: { crawlSizes: [3_000, 30_000], regions: BENCH_REGIONS, events: 1_000, usagePairs: 5, seed: 7 },
};

export const SMOKE_PLAN: BenchPlan = {
  name: 'smoke',
  crawl: { estateSize: 1_000, regions: BENCH_REGIONS, quotaScale: 1, seed: 7 },
  events: { events: 500, concurrency: 8, duplicateProbe: 50, latencyEvents: 100, latencyLoad: 0.5, estateSize: 100, seed: 7 },
  eventTarget: 100_000,
  scalingSizes: [200, 400, 800],
  bundleRuns: 1,
  faults: { events: 300, concurrency: 8, crashBacklog: 200, estateSize: 40, seed: 7 },
  tenantFlood: { limitPerSecond: 20, quietPerSecond: 10, seconds: 3, seed: 7 },
  findings: { estateSize: 1_000, regions: BENCH_REGIONS, seed: 7, usageEdges: 200, eventBatches: 6, batchSize: 50 },
  console: { estateSize: 1_000, regions: ['us-east-1', 'eu-west-1'], runs: 2 },
  costs: { crawlSizes: [300], regions: ['us-east-1', 'eu-west-1'], events: 100, usagePairs: 4, seed: 7 },
};
