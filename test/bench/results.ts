/** The shape of test/bench/results.json (documented in BENCHMARKS.md) and the figures derived from the raw suites. */
import type { TenantFloodResult } from './tenant-flood-bench';
import type { FindingsBenchResult } from './findings-bench';
import type { CostBenchResult } from './cost-bench';
import type { BundleResult } from './bundle-bench';
import type { ConsoleBenchResult } from './console-bench';
import type { CrawlIngestionResult } from './crawl-ingestion-bench';
import type { EventThroughputResult } from './event-throughput-bench';
import type { CrashRecoveryResult, DurabilityPoint } from './fault-recovery-bench';
import type { MachineInfo } from './machine';
import type { BenchPlan } from './plan';
import type { ScalingPointResult } from './scaling-bench';
import { linearFit, type LinearFit } from './stats';

export type SuiteOutcome<T> = { readonly ok: true; readonly seconds: number; readonly result: T } | { readonly ok: false; readonly seconds: number; readonly error: string };

export interface ScalingDerived {
  readonly points: ScalingPointResult[];
  /** seconds = slope·assets + intercept over the measured points. */
  readonly timeFit: LinearFit;
  readonly msPerAsset: number;
  /** Live heap after GC (MiB) = slope·assets + intercept; slope ≈ 0 means memory does not grow with the estate. */
  readonly heapFit: LinearFit;
  readonly heapMiBPer10kAssets: number;
  /** Live-heap growth between the two largest estates, MiB per 10,000 assets (a plateau shows as ≈ 0 here). */
  readonly heapMiBPer10kAssetsLargest: number;
  /** The time at 50,000 assets from the fit (when 50k was not measured). */
  readonly extrapolated50kSeconds: number;
  readonly extrapolated50kPeakHeapMiB: number;
}

export interface EventsDerived {
  readonly target: number;
  readonly measured: number;
  /** target ÷ events/s: how long the target volume takes at the measured rate (linear: dedup markers and inventory items are point reads/writes). */
  readonly extrapolatedTargetSeconds: number | null;
}

export interface BenchResults {
  readonly schemaVersion: 1;
  readonly plan: BenchPlan;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** Set when parts were re-run with --merge: which parts, when, and when the others were measured. */
  readonly merged?: { readonly rerunParts: readonly string[]; readonly rerunAt: string; readonly othersFrom: string };
  readonly crawl?: SuiteOutcome<CrawlIngestionResult>;
  readonly events?: SuiteOutcome<EventThroughputResult> & { readonly derived?: EventsDerived };
  readonly scaling?: SuiteOutcome<ScalingPointResult[]> & { readonly derived?: ScalingDerived };
  readonly bundles?: SuiteOutcome<BundleResult[]>;
  readonly faults?: SuiteOutcome<FaultsResult>;
  readonly flood?: SuiteOutcome<TenantFloodResult>;
  readonly findings?: SuiteOutcome<FindingsBenchResult>;
  readonly console?: SuiteOutcome<ConsoleBenchResult>;
  readonly costs?: SuiteOutcome<CostBenchResult>;
}

export interface FaultsResult {
  /** The same stream with the queue in memory, then journaled on disk. */
  readonly durability: { readonly memory: DurabilityPoint; readonly journaled: DurabilityPoint };
  readonly crash: CrashRecoveryResult;
}

export function deriveScaling(points: ScalingPointResult[]): ScalingDerived {
  const xs = points.map((p) => p.assets);
  const timeFit = linearFit(xs, points.map((p) => p.seconds));
  const heapFit = linearFit(xs, points.map((p) => p.peakLiveHeapMiB));
  return {
    points,
    timeFit,
    msPerAsset: Math.round(timeFit.slope * 1000 * 1000) / 1000,
    heapFit,
    heapMiBPer10kAssets: Math.round(heapFit.slope * 10_000 * 100) / 100,
    heapMiBPer10kAssetsLargest: largestStep(points),
    extrapolated50kSeconds: Math.round(timeFit.slope * 50_000 + timeFit.intercept),
    extrapolated50kPeakHeapMiB: Math.round(heapFit.slope * 50_000 + heapFit.intercept),
  };
}

function largestStep(points: ScalingPointResult[]): number {
  const sorted = [...points].sort((a, b) => a.assets - b.assets);
  const [a, b] = sorted.slice(-2);
  return Math.round(((b.peakLiveHeapMiB - a.peakLiveHeapMiB) / (b.assets - a.assets)) * 10_000 * 100) / 100;
}

export function buildResults(input: {
  plan: BenchPlan;
  command: string;
  machine: MachineInfo;
  startedAt: string;
  durationSeconds: number;
  crawl?: SuiteOutcome<CrawlIngestionResult>;
  events?: SuiteOutcome<EventThroughputResult>;
  scaling?: SuiteOutcome<ScalingPointResult[]>;
  bundles?: SuiteOutcome<BundleResult[]>;
  faults?: SuiteOutcome<FaultsResult>;
  flood?: SuiteOutcome<TenantFloodResult>;
  findings?: SuiteOutcome<FindingsBenchResult>;
  console?: SuiteOutcome<ConsoleBenchResult>;
  costs?: SuiteOutcome<CostBenchResult>;
}): BenchResults {
  const events = input.events?.ok
    ? {
        ...input.events,
        derived: {
          target: input.plan.eventTarget,
          measured: input.events.result.throughput.sent,
          extrapolatedTargetSeconds:
            input.events.result.throughput.eventsPerSecond > 0 ? Math.round(input.plan.eventTarget / input.events.result.throughput.eventsPerSecond) : null,
        },
      }
    : input.events;
  const scaling = input.scaling?.ok && input.scaling.result.length >= 2 ? { ...input.scaling, derived: deriveScaling(input.scaling.result) } : input.scaling;
  return {
    schemaVersion: 1,
    plan: input.plan,
    command: input.command,
    machine: input.machine,
    startedAt: input.startedAt,
    durationSeconds: Math.round(input.durationSeconds),
    ...(input.crawl && { crawl: input.crawl }),
    ...(events && { events }),
    ...(scaling && { scaling }),
    ...(input.bundles && { bundles: input.bundles }),
    ...(input.faults && { faults: input.faults }),
    ...(input.flood && { flood: input.flood }),
    ...(input.findings && { findings: input.findings }),
    ...(input.console && { console: input.console }),
    ...(input.costs && { costs: input.costs }),
  };
}
