/**
 * Benchmark 5: each Lambda handler bundled as lib/constructs/platform-function.ts bundles it (esbuild: CommonJS,
 * node22, minified, source map, the SDK included; only BUNDLE_EXTERNAL_MODULES left out, as CDK leaves them), and its
 * cold-start module load time: the bundle `require`d in a fresh `node` process (module scope included: env validation, client construction), N runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_EXTERNAL_MODULES } from '../../lib/constructs/platform-function';
import { summarize, type Summary } from './stats';

export interface BundleResult {
  readonly handler: string;
  /** Set when esbuild could not bundle the handler (then CDK's NodejsFunction bundling fails the same way). */
  readonly error?: string;
  readonly bytes: number;
  readonly sourceMapBytes: number;
  /** Milliseconds to require the bundle in a fresh process. */
  readonly loadMs: Summary;
  /** Wall time of the whole fresh `node` process (start-up + load + exit), ms. */
  readonly processMs: Summary;
}

const HANDLERS_DIR = join(__dirname, '..', '..', 'lambdas', 'handlers');

/** Values for every environment variable a handler validates at module scope (none is contacted while loading). */
const HANDLER_ENV: Record<string, string> = {
  CONTROL_TABLE_NAME: 'bench-control',
  INVENTORY_TABLE_NAME: 'bench-inventory',
  EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-events',
  CRAWL_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench-crawl',
  HEALTH_CHECK_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench-health-check-runs',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1',
};

export function handlerNames(): string[] {
  return readdirSync(HANDLERS_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function runBundleBench(options: { readonly runs: number; readonly handlers?: readonly string[] }): Promise<BundleResult[]> {
  const out = mkdtempSync(join(tmpdir(), 'aqg-bench-bundles-'));
  try {
    const results: BundleResult[] = [];
    for (const handler of options.handlers ?? handlerNames()) {
      const outfile = join(out, handler, 'index.js');
      try {
        await build({
        entryPoints: [join(HANDLERS_DIR, `${handler}.ts`)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        minify: true,
        sourcemap: true,
        outfile,
        external: [...BUNDLE_EXTERNAL_MODULES],
        logLevel: 'silent',
        });
      } catch (err) {
        const error = err instanceof Error ? err.message.slice(0, 600) : String(err);
        const none = summarize([]);
        results.push({ handler, error, bytes: 0, sourceMapBytes: 0, loadMs: none, processMs: none });
        continue;
      }
      const loadMs: number[] = [];
      const processMs: number[] = [];
      const probe = `const t=performance.now();require(${JSON.stringify(outfile)});process.stdout.write(String(performance.now()-t))`;
      for (let i = 0; i < options.runs; i++) {
        const started = performance.now();
        const run = spawnSync(process.execPath, ['-e', probe], { env: { PATH: process.env.PATH, ...HANDLER_ENV }, encoding: 'utf8' });
        processMs.push(performance.now() - started);
        if (run.status !== 0) throw new Error(`Loading the ${handler} bundle failed: ${run.stderr.slice(-1000)}`);
        loadMs.push(Number(run.stdout));
      }
      results.push({ handler, bytes: statSync(outfile).size, sourceMapBytes: statSync(`${outfile}.map`).size, loadMs: summarize(loadMs), processMs: summarize(processMs) });
    }
    return results;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
