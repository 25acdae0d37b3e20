/**
 * Benchmark 4, one point: the crawl of an estate of `estateSize` assets by the real crawl-service handler running in
 * a CHILD process (crawl-worker.ts), so its time and memory are measured apart from the sandbox and dynalite, which
 * run here. Quotas are lifted (no sandbox limits, pacer at 1e6 rps): the figure is the platform's own cost per asset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoControlStores } from '../../lambdas/control/dynamo-control-stores';
import { documentClient } from '../../lambdas/shared/dynamo';
import { CRYPTO_SERVICES } from '../../lambdas/inventory/asset';
import { localResourceName, localTableFor } from '../../local/backend-template';
import { startLocalDynamo } from '../../local/local-dynamo';
import { synthesizeBackend } from '../../local/synthesized-backend';
import { countAssets } from '../../sandbox/estate/estate';
import { startSandbox } from '../../sandbox/sandbox';
import type { CrawlWorkerResult } from './crawl-worker';
import { runCrawlWorker } from './run-crawl-worker';

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
    sandbox.resetStats();
    const tables = { controlTable: tableOf('CONTROL_TABLE_NAME'), inventoryTable: tableOf('INVENTORY_TABLE_NAME') };
    const worker = await runCrawlWorker({ sandbox, dynamoEndpoint: dynamo.endpoint, ...tables, items, dir, exposeGc: true });
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

