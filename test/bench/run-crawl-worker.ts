/**
 * Runs the real crawl-service handler over (Region, service) items in a child process (test/bench/crawl-worker.ts),
 * with the pacer's quotas lifted, against a sandbox account and the platform tables.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_QUOTAS } from '../../lambdas/discovery/request-pacer';
import type { Sandbox } from '../../sandbox/sandbox';
import type { CrawlWorkerResult } from './crawl-worker';

const TSX_CLI = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface CrawlWorkerRun {
  readonly sandbox: Pick<Sandbox, 'endpoint' | 'adminCredentials'>;
  readonly dynamoEndpoint: string;
  readonly controlTable: string;
  readonly inventoryTable: string;
  readonly items: ReadonlyArray<{ tenantId: string; accountId: string; ingestionId: string; region: string; service: string }>;
  /** Where the worker writes its result. */
  readonly dir: string;
  /** Run the child with `--expose-gc` (for heap measurements). */
  readonly exposeGc?: boolean;
}

export async function runCrawlWorker(run: CrawlWorkerRun): Promise<CrawlWorkerResult> {
  const resultFile = join(run.dir, 'worker.json');
  const unlimited = Object.fromEntries(Object.keys(DEFAULT_QUOTAS).map((api) => [api, 1_000_000]));
  // spawn, not a synchronous exec: the sandbox and dynalite serve the child from THIS event loop.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...(run.exposeGc ? ['--expose-gc'] : []), TSX_CLI, join(__dirname, 'crawl-worker.ts')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: run.sandbox.endpoint,
        AWS_ACCESS_KEY_ID: run.sandbox.adminCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: run.sandbox.adminCredentials.secretAccessKey,
        PLATFORM_DYNAMODB_ENDPOINT: run.dynamoEndpoint,
        CONTROL_TABLE_NAME: run.controlTable,
        INVENTORY_TABLE_NAME: run.inventoryTable,
        CRAWL_QUOTAS: JSON.stringify(unlimited),
        POWERTOOLS_LOG_LEVEL: 'ERROR',
        AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1',
        BENCH_ITEMS: JSON.stringify(run.items),
        BENCH_RESULT_FILE: resultFile,
      },
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`crawl-worker exited ${code}: ${stderr.slice(-2000)}`))));
  });
  return JSON.parse(readFileSync(resultFile, 'utf8')) as CrawlWorkerResult;
}
