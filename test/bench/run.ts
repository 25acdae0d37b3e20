/**
 * `npm run bench` — runs the benchmarks and writes BENCHMARKS.md and test/bench/results.json.
 *   npm run bench                      full plan (< 15 min on 2 cores)
 *   npm run bench -- --quick           small sizes (< 3 min; `--smoke` is the same); writes to the OS temp dir, not the committed files
 *   npm run bench -- --only=crawl,events,scaling,bundles,faults,flood,console,findings,costs   a subset (files still written: missing parts say so)
 *   npm run bench -- --only=events --merge   re-runs a part and keeps the other parts of the committed results.json
 *   npm run bench -- --render-only     rewrites BENCHMARKS.md from the committed results.json (no measurement)
 *   npm run bench -- --only=events --events=20000   the event suite with another event count than the plan's
 * Each suite that needs the local runtime runs in its own process (suite-child.ts): one runtime per process.
 */
import type { ConsoleBenchResult } from './console-bench';
import type { TenantFloodResult } from './tenant-flood-bench';
import type { FindingsBenchResult } from './findings-bench';
import type { CostBenchResult } from './cost-bench';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundleBench } from './bundle-bench';
import { machineInfo } from './machine';
import { FULL_PLAN, SMOKE_PLAN, type BenchPlan } from './plan';
import { renderMarkdown } from './report';
import { buildResults, deriveScaling, type BenchResults, type SuiteOutcome } from './results';
import type { CrashRecoveryResult, DurabilityPoint } from './fault-recovery-bench';

const ROOT = join(__dirname, '..', '..');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SUITES = ['crawl', 'events', 'scaling', 'bundles', 'faults', 'flood', 'console', 'findings', 'costs'] as const;
type Suite = (typeof SUITES)[number];

async function runChild<T>(suite: string, options: unknown): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'aqg-bench-result-'));
  const file = join(dir, 'result.json');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [TSX_CLI, join(__dirname, 'suite-child.ts'), suite, JSON.stringify(options), file], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1', POWERTOOLS_LOG_LEVEL: 'ERROR' },
      });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-20_000);
        for (const line of d.toString().split('\n')) if (line.startsWith('[events ') || line.startsWith('[findings ')) process.stderr.write(`  ${line}\n`);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${suite} exited with ${code}: ${stderr.slice(-3000)}`))));
    });
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed<T>(name: string, run: () => Promise<T>): Promise<SuiteOutcome<T>> {
  const started = performance.now();
  log(`${name}: running`);
  try {
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    log(`${name}: done in ${seconds.toFixed(1)} s`);
    return { ok: true, seconds, result };
  } catch (err) {
    const seconds = (performance.now() - started) / 1000;
    log(`${name}: FAILED after ${seconds.toFixed(1)} s: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false, seconds, error: err instanceof Error ? err.message.slice(0, 2000) : String(err) };
  }
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--render-only')) {
    const results = JSON.parse(readFileSync(join(ROOT, 'test', 'bench', 'results.json'), 'utf8')) as BenchResults;
    if (results.scaling?.ok) {
      (results.scaling as { derived?: unknown }).derived = deriveScaling(results.scaling.result);
      writeFileSync(join(ROOT, 'test', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    }
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
    log(`rewrote ${join(ROOT, 'BENCHMARKS.md')} from results.json of ${results.startedAt}`);
    return;
  }
  const basePlan: BenchPlan = args.includes('--quick') || args.includes('--smoke') ? SMOKE_PLAN : FULL_PLAN;
  const eventsArg = args.find((a) => a.startsWith('--events='));
  const eventCount = eventsArg ? Number(eventsArg.slice('--events='.length)) : undefined;
  if (eventCount !== undefined && (!Number.isInteger(eventCount) || eventCount < 100)) throw new Error(`--events needs an integer >= 100, got ${eventsArg}`);
  const plan: BenchPlan = eventCount === undefined ? basePlan : { ...basePlan, events: { ...basePlan.events, events: eventCount } };
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = new Set<Suite>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Suite[]) : SUITES);
  for (const s of only) if (!SUITES.includes(s)) throw new Error(`Unknown suite ${s}; expected ${SUITES.join(', ')}`);
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const machine = machineInfo();
  const started = performance.now();
  const startedAt = new Date().toISOString();
  log(`${plan.name} plan on ${machine.cpus}× ${machine.cpuModel}, load ${machine.loadAverage1m}`);

  const crawl = only.has('crawl') ? await timed('crawl ingestion (benchmarks 1 and 2)', () => runChild('crawl-ingestion', plan.crawl)) : undefined;
  const events = only.has('events') ? await timed('event throughput (benchmark 3)', () => runChild('event-throughput', plan.events)) : undefined;
  const scaling = only.has('scaling')
    ? await timed('scaling (benchmark 4)', async () => {
        const points = [];
        for (const estateSize of plan.scalingSizes) {
          log(`  scaling point ${estateSize} assets`);
          points.push(await runChild('scaling-point', { estateSize, regions: plan.crawl.regions, seed: plan.crawl.seed }));
        }
        return points;
      })
    : undefined;
  const bundles = only.has('bundles') ? await timed('bundles (benchmark 5)', () => runBundleBench({ runs: plan.bundleRuns })) : undefined;
  const faults = only.has('faults')
    ? await timed('faults (benchmark 6)', async () => {
        log('  durability: queue in memory');
        const memory = await runChild<DurabilityPoint>('durability-point', { ...plan.faults, durable: false });
        log('  durability: queue journaled on disk');
        const journaled = await runChild<DurabilityPoint>('durability-point', { ...plan.faults, durable: true });
        log('  crash recovery');
        const crash = await runChild<CrashRecoveryResult>('crash-recovery', plan.faults);
        return { durability: { memory, journaled }, crash };
      })
    : undefined;

  const flood = only.has('flood') ? await timed('two-tenant flood (benchmark 7)', () => runChild<TenantFloodResult>('tenant-flood', plan.tenantFlood)) : undefined;
  const findings = only.has('findings') ? await timed('findings (benchmark 9)', () => runChild<FindingsBenchResult>('findings', plan.findings)) : undefined;

  const consoleBench = only.has('console')
    ? await timed('console in a browser (benchmark 8)', () => runChild<ConsoleBenchResult>('console', plan.console))
    : undefined;

  const costs = only.has('costs') ? await timed('costs (benchmark 10)', () => runChild<CostBenchResult>('costs', plan.costs)) : undefined;

  const results = buildResults({
    plan,
    command,
    machine,
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    crawl: crawl as never,
    events: events as never,
    scaling: scaling as never,
    bundles,
    faults,
    flood,
    findings,
    console: consoleBench,
    costs,
  });
  if (args.includes('--merge') && plan.name === 'full') {
    // Keep the parts not run now from the previous results (each part's ratios are internal to that part).
    const previous = JSON.parse(readFileSync(join(ROOT, 'test', 'bench', 'results.json'), 'utf8')) as BenchResults;
    const merged = results as { -readonly [K in keyof BenchResults]: BenchResults[K] };
    if (!only.has('crawl') && previous.crawl) merged.crawl = previous.crawl;
    if (!only.has('events') && previous.events) merged.events = previous.events;
    if (!only.has('scaling') && previous.scaling) merged.scaling = previous.scaling;
    if (!only.has('bundles') && previous.bundles) merged.bundles = previous.bundles;
    if (!only.has('faults') && previous.faults) merged.faults = previous.faults;
    if (!only.has('flood') && previous.flood) merged.flood = previous.flood;
    if (!only.has('findings') && previous.findings) merged.findings = previous.findings;
    if (!only.has('console') && previous.console) merged.console = previous.console;
    if (!only.has('costs') && previous.costs) merged.costs = previous.costs;
    merged.merged = { rerunParts: [...only], rerunAt: startedAt, othersFrom: previous.merged?.othersFrom ?? previous.startedAt };
    merged.command = 'npm run bench';
    merged.durationSeconds = previous.durationSeconds;
  }
  const markdown = renderMarkdown(results);
  const outDir = plan.name === 'smoke' ? join(tmpdir(), 'aqg-bench-smoke') : ROOT;
  mkdirSync(join(outDir, 'test', 'bench'), { recursive: true });
  writeFileSync(join(outDir, 'test', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'BENCHMARKS.md'), markdown);
  log(`wrote ${join(outDir, 'BENCHMARKS.md')} and ${join(outDir, 'test', 'bench', 'results.json')} (${results.durationSeconds.toFixed(0)} s in all)`);
  if (plan.name === 'smoke') process.stdout.write(markdown);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
