/**
 * Runs ONE benchmark suite in this process and writes its result as JSON (the local runtime binds the handlers to one
 * runtime per process, and a fresh process keeps one suite's memory and timers out of the next one's figures).
 * Usage: tsx test/bench/suite-child.ts <suite> <options-json> <result-file>
 */
import { writeFileSync } from 'node:fs';

const SUITES: Record<string, (options: never) => Promise<unknown>> = {
  'crawl-ingestion': async (o) => (await import('./crawl-ingestion-bench')).runCrawlIngestionBench(o),
  'event-throughput': async (o) => (await import('./event-throughput-bench')).runEventThroughputBench(o),
  'scaling-point': async (o) => (await import('./scaling-bench')).runScalingPoint(o),
  'durability-point': async (o) => (await import('./fault-recovery-bench')).runDurabilityPoint(o),
  'crash-recovery': async (o) => (await import('./fault-recovery-bench')).runCrashRecovery(o),
  'tenant-flood': async (o) => (await import('./tenant-flood-bench')).runTenantFloodBench(o),
  findings: async (o) => (await import('./findings-bench')).runFindingsBench(o),
  console: async (o) => (await import('./console-bench')).runConsoleBench(o),
  costs: async (o) => (await import('./cost-bench')).runCostBench(o),
};

async function main(): Promise<void> {
  const [suite, optionsJson, resultFile] = process.argv.slice(2);
  const run = SUITES[suite];
  if (!run || !optionsJson || !resultFile) throw new Error(`usage: suite-child.ts <${Object.keys(SUITES).join('|')}> <options-json> <result-file>`);
  const result = await run(JSON.parse(optionsJson) as never);
  writeFileSync(resultFile, JSON.stringify(result, null, 2));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
