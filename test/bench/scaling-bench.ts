/**
 * Benchmark 4, one point: the crawl of an estate of `estateSize` assets by the real crawl-service handler running in
 * a CHILD process (crawl-worker.ts), so its time and memory are measured apart from the sandbox and dynalite, which
 * run here. Quotas are lifted (no sandbox limits, pacer at 1e6 rps): the figure is the platform's own cost per asset.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoControlStores } from '../../lambdas/control/dynamo-control-stores';
import { documentClient } from '../../lambdas/shared/dynamo';
import { DEFAULT_QUOTAS } from '../../lambdas/discovery/request-pacer';
import { CRYPTO_SERVICES } from '../../lambdas/inventory/asset';
import { localResourceName, localTableFor } from '../../local/backend-template';
import { startLocalDynamo } from '../../local/local-dynamo';
import { synthesizeBackend } from '../../local/synthesized-backend';
import { countAssets } from '../../sandbox/estate/estate';
import { startSandbox } from '../../sandbox/sandbox';
import type { CrawlWorkerResult } from './crawl-worker';

export interface ScalingPointOptions {
  readonly estateSize: number;
  readonly regions: readonly string[];
  readonly seed: number;
}

export interface ScalingPointResult extends CrawlWorkerResult {
  readonly estateSize: number;
  readonly assetsInEstate: number;
  readonly sandboxRequests: number;
  readonly hostMaxRssMiB: number;
}

const TSX_CLI = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');

export async function runScalingPoint(options: ScalingPointOptions): Promise<ScalingPointResult> {
  const dir = mkdtempSync(join(tmpdir(), 'aqg-bench-scale-'));
  const backend = synthesizeBackend();
  const tableOf = (envName: string) => localTableFor(backend, envName);
  const dynamo = await startLocalDynamo({ tables: backend.tables.map((table) => ({ name: localResourceName(table.logicalId), table })) });
  const sandbox = await startSandbox({ estateSize: options.estateSize, regions: options.regions, seed: options.seed, externalId: 'bench-external-id' });
  const db = documentClient(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  try {
    const { tenants, accounts } = dynamoControlStores(db, tableOf('CONTROL_TABLE_NAME'));
    const tenantId = 'bench-tenant';
    const now = new Date().toISOString();
    await tenants.createTenant({ tenantId, name: 'bench', externalId: sandbox.externalId, createdAt: now });
    await accounts.linkAccount({ tenantId, accountId: sandbox.accountId, roleArn: sandbox.roleArn, regions: options.regions, now });
    const ingestionId = '01BENCH0000000000000000000';
    const items = options.regions.flatMap((region) => CRYPTO_SERVICES.map((service) => ({ tenantId, accountId: sandbox.accountId, ingestionId, region, service })));
    const resultFile = join(dir, 'worker.json');
    const unlimited = Object.fromEntries(Object.keys(DEFAULT_QUOTAS).map((api) => [api, 1_000_000]));
    sandbox.resetStats();
    // spawn, not a synchronous exec: the sandbox and dynalite serve the child from THIS event loop.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', TSX_CLI, join(__dirname, 'crawl-worker.ts')], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL: sandbox.endpoint,
          AWS_ACCESS_KEY_ID: sandbox.adminCredentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: sandbox.adminCredentials.secretAccessKey,
          PLATFORM_DYNAMODB_ENDPOINT: dynamo.endpoint,
          CONTROL_TABLE_NAME: tableOf('CONTROL_TABLE_NAME'),
          INVENTORY_TABLE_NAME: tableOf('INVENTORY_TABLE_NAME'),
          CRAWL_QUOTAS: JSON.stringify(unlimited),
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1',
          BENCH_ITEMS: JSON.stringify(items),
          BENCH_RESULT_FILE: resultFile,
        },
      });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`crawl-worker exited ${code}: ${stderr.slice(-2000)}`))));
    });
    const worker = JSON.parse(readFileSync(resultFile, 'utf8')) as CrawlWorkerResult;
    return {
      estateSize: options.estateSize,
      assetsInEstate: countAssets(sandbox.estate),
      sandboxRequests: sandbox.stats().total,
      hostMaxRssMiB: Math.round(((process.resourceUsage().maxRSS * 1024) / 2 ** 20) * 10) / 10,
      ...worker,
    };
  } finally {
    db.destroy();
    await sandbox.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

