/**
 * Benchmark 9: findings.
 *  (a) account-wide evaluation (what crawl-finalize and the hourly schedule run, lambdas/findings/refresh-findings.ts)
 *      over the large estate: the sandbox's generated estate crawled by the real crawl-service handler in a child
 *      process (crawl-worker.ts, quotas lifted, as the scaling benchmark), key relations resolved as Finalize does,
 *      plus usage edges recorded through the usage store as usage events record them. Timed twice: the first
 *      evaluation (every finding opens) and a steady one (every finding continues: what the schedule does hourly).
 *  (b) what evaluation adds to an event's processing: a sandbox burst of CloudTrail events processed in SQS batches
 *      of `batchSize` by the event processor's batch logic (lambdas/events/process-batch.ts with the handler's
 *      stores and targeted refresh through the sandbox), alternately WITH the post-batch evaluation
 *      (refreshTouchedFindings, as lambdas/handlers/event-processor.ts wires it) and WITHOUT it, on the same
 *      inventory, so both samples see the same estate, machine load and event mix.
 * dynalite runs in its own process (local/local-dynamo.ts); DynamoDB requests are counted at its HTTP layer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoControlStores } from '../../lambdas/control/dynamo-control-stores';
import { describeAsset } from '../../lambdas/discovery/describe-asset';
import { CustomerClientsCache } from '../../lambdas/discovery/region-clients';
import { TokenBucketPacer } from '../../lambdas/discovery/request-pacer';
import type { DescribeAsset } from '../../lambdas/events/asset-refresher';
import { DescribeAssetRefresher } from '../../lambdas/events/describe-asset-refresher';
import { DynamoEventStore } from '../../lambdas/events/dynamo-event-store';
import { processSqsBatch } from '../../lambdas/events/process-batch';
import { DynamoFindingsStore } from '../../lambdas/findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../../lambdas/findings/dynamo-suppression-store';
import { refreshAccountFindings, refreshTouchedFindings, type RefreshDeps, type RefreshOutcome } from '../../lambdas/findings/refresh-findings';
import { CRYPTO_SERVICES } from '../../lambdas/inventory/asset';
import { dynamoInventoryStores } from '../../lambdas/inventory/dynamo-inventory-stores';
import { documentClient } from '../../lambdas/shared/dynamo';
import { localResourceName, localTableFor } from '../../local/backend-template';
import { startLocalDynamo } from '../../local/local-dynamo';
import { synthesizeBackend } from '../../local/synthesized-backend';
import { countAssets } from '../../sandbox/estate/estate';
import { startSandbox } from '../../sandbox/sandbox';
import type { CrawlWorkerResult } from './crawl-worker';
import { runCrawlWorker } from './run-crawl-worker';
import { diffCounts, DynamoRequestCounter, type DynamoCounts } from './dynamo-request-counter';
import { summarize, type Summary } from './stats';

export interface FindingsBenchOptions {
  readonly estateSize: number;
  readonly regions: readonly string[];
  readonly seed: number;
  /** Usage edges recorded before the evaluation (callers of keys and secrets). */
  readonly usageEdges: number;
  /** Event batches processed in part (b), half with evaluation and half without (alternating). */
  readonly eventBatches: number;
  /** Records per SQS batch (the deployed event source mapping's batch size). */
  readonly batchSize: number;
}

export interface EvaluationRun extends RefreshOutcome {
  readonly seconds: number;
  readonly dynamo: DynamoCounts;
  /** 1-minute load average when it ended (the machine is shared). */
  readonly loadAverage1m: number;
}

export interface FindingsBenchResult {
  readonly options: FindingsBenchOptions;
  /** When the suite started (ISO): a --merge run keeps other parts' older figures beside it. */
  readonly measuredAt: string;
  readonly assets: number;
  readonly crawlSeconds: number;
  readonly usageEdges: number;
  readonly evaluation: { readonly first: EvaluationRun; readonly steady: EvaluationRun };
  readonly events: {
    readonly batches: number;
    readonly events: number;
    /** Wall time of one batch, processing and (when on) evaluation, ms. */
    readonly withEvaluationMs: Summary;
    readonly withoutEvaluationMs: Summary;
    /** mean with ÷ mean without − 1. */
    readonly added: number;
    readonly touchedPerBatch: number;
    readonly loadAverage1m: number;
    readonly handlerErrors: string[];
  };
}

const TENANT = 'bench-tenant';

export async function runFindingsBench(options: FindingsBenchOptions): Promise<FindingsBenchResult> {
  const measuredAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'aqg-bench-findings-'));
  const backend = synthesizeBackend();
  const tableOf = (envName: string) => localTableFor(backend, envName);
  const controlTable = tableOf('CONTROL_TABLE_NAME');
  const inventoryTable = tableOf('INVENTORY_TABLE_NAME');
  const dynamo = await startLocalDynamo({ tables: backend.tables.map((table) => ({ name: localResourceName(table.logicalId), table })) });
  const sandbox = await startSandbox({ estateSize: options.estateSize, regions: options.regions, seed: options.seed, externalId: 'bench-external-id' });
  const db = documentClient(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const counter = DynamoRequestCounter.forEndpoint(dynamo.endpoint);
  try {
    const { tenants, accounts } = dynamoControlStores(db, controlTable);
    const accountId = sandbox.accountId;
    const now = new Date().toISOString();
    await tenants.createTenant({ tenantId: TENANT, name: 'bench', externalId: sandbox.externalId, createdAt: now });
    await accounts.linkAccount({ tenantId: TENANT, accountId, roleArn: sandbox.roleArn, regions: options.regions, now });
    progress(`estate of ${countAssets(sandbox.estate)} assets; crawling`);
    const crawl = await crawlInChild(dir, sandbox, dynamo.endpoint, controlTable, inventoryTable, options.regions, accountId);
    const inventory = dynamoInventoryStores(db, inventoryTable, { regions: options.regions });
    // As Finalize does before it evaluates: secrets' and parameters' key references resolved to key ARNs.
    for (const region of options.regions) await inventory.assets.resolveKeyRelations({ tenantId: TENANT, accountId, region });

    const usageEdges = await recordUsages(inventory, accountId, options);
    progress(`crawled ${crawl.assets} assets in ${crawl.seconds.toFixed(1)} s, ${usageEdges} usage edges; evaluating`);
    const deps: RefreshDeps = {
      store: new DynamoFindingsStore(db, inventoryTable),
      suppressions: new DynamoSuppressionStore(db, inventoryTable),
      inventory,
      now: () => new Date(),
    };
    const evaluate = async (): Promise<EvaluationRun> => {
      const before = counter.snapshot();
      const started = performance.now();
      const outcome = await refreshAccountFindings(TENANT, accountId, deps);
      return { ...outcome, seconds: (performance.now() - started) / 1000, dynamo: diffCounts(counter.snapshot(), before), loadAverage1m: round(loadavg()[0]) };
    };
    const first = await evaluate();
    progress(`first evaluation ${first.seconds.toFixed(2)} s (${first.opened} opened)`);
    const steady = await evaluate();
    progress(`steady evaluation ${steady.seconds.toFixed(2)} s; event batches`);

    const events = await eventBatches(db, sandbox, controlTable, inventoryTable, deps, options);
    progress(`events: +${(events.added * 100).toFixed(1)} % with evaluation`);
    return { options, measuredAt, assets: crawl.assets, crawlSeconds: crawl.seconds, usageEdges, evaluation: { first, steady }, events };
  } finally {
    counter.close();
    db.destroy();
    await sandbox.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** The real crawl-service handler over every (Region, service) item, in a child process (quotas lifted). */
function crawlInChild(dir: string, sandbox: Sandbox, endpoint: string, controlTable: string, inventoryTable: string, regions: readonly string[], accountId: string): Promise<CrawlWorkerResult> {
  const ingestionId = '01BENCHFINDINGS00000000000';
  const items = regions.flatMap((region) => CRYPTO_SERVICES.map((service) => ({ tenantId: TENANT, accountId, ingestionId, region, service })));
  return runCrawlWorker({ sandbox, dynamoEndpoint: endpoint, controlTable, inventoryTable, items, dir });
}

/** Callers of keys and secrets, as usage events record them (a role and a function per used asset, spread over the estate). */
async function recordUsages(inventory: ReturnType<typeof dynamoInventoryStores>, accountId: string, options: FindingsBenchOptions): Promise<number> {
  const used: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await inventory.assets.list({ tenantId: TENANT, accountIds: [accountId], accountId, limit: 1000, cursor });
    for (const a of page.items) if (a.type === 'key' || a.type === 'secret') used.push(a.arn);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const edges = Math.min(options.usageEdges, used.length * 2);
  const step = Math.max(1, Math.floor((used.length * 2) / Math.max(1, edges)));
  const time = new Date(Date.now() - 3_600_000).toISOString();
  let recorded = 0;
  for (let i = 0; recorded < edges && i < used.length * 2; i += step) {
    const assetArn = used[Math.floor(i / 2)];
    const region = assetArn.split(':')[3];
    const resourceArn = i % 2 === 0 ? `arn:aws:iam::${accountId}:role/app-${i}` : `arn:aws:lambda:${region}:${accountId}:function:worker-${i}`;
    await inventory.usages.recordUsage(TENANT, { assetArn, resourceArn, resourceType: i % 2 === 0 ? 'iam-role' : 'lambda-function', via: assetArn.includes(':kms:') ? 'Decrypt' : 'GetSecretValue' }, time);
    recorded++;
  }
  return recorded;
}

async function eventBatches(
  db: ReturnType<typeof documentClient>,
  sandbox: Sandbox,
  controlTable: string,
  inventoryTable: string,
  findings: RefreshDeps,
  options: FindingsBenchOptions,
): Promise<FindingsBenchResult['events']> {
  // The customer clients reach the sandbox as the event processor's do locally (the SDK's endpoint and credential chain).
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
  process.env.AWS_ACCESS_KEY_ID = sandbox.adminCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = sandbox.adminCredentials.secretAccessKey;
  process.env.AWS_REGION = 'us-east-1';
  const { tenants, accounts } = dynamoControlStores(db, controlTable);
  const store = new DynamoEventStore({ documentClient: db, inventoryTable, controlTable, dedupDays: 7, historyDays: 365 });
  const clients = new CustomerClientsCache();
  const pacer = new TokenBucketPacer();
  // As lambdas/handlers/event-processor.ts builds it (without its error translation: the sandbox answers every read).
  const describe: DescribeAsset = async (request) => {
    const [account, tenant] = await Promise.all([accounts.getAccount(request.tenantId, request.accountId), tenants.getTenant(request.tenantId)]);
    return describeAsset({ accountId: request.accountId, region: request.region, type: request.type, arn: request.arn, clients: clients.clientsFor(account.roleArn, tenant.externalId, request.region), pacer });
  };
  const refresher = new DescribeAssetRefresher({ describe, store });
  const burst = await sandbox.burst(options.eventBatches * options.batchSize);
  const handlerErrors: string[] = [];
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  let touched = 0;
  for (let b = 0; b < options.eventBatches; b++) {
    const slice = burst.slice(b * options.batchSize, (b + 1) * options.batchSize);
    const event: SQSEvent = { Records: slice.map((envelope, i) => sqsRecord(`${b}-${i}`, JSON.stringify({ tenantId: TENANT, receivedAt: new Date().toISOString(), envelope }))) };
    const evaluate = b % 2 === 0;
    const started = performance.now();
    const response = await processSqsBatch(event, {
      store,
      refresher,
      error: (message, details) => handlerErrors.push(`${message}: ${JSON.stringify(details)}`),
      ...(evaluate && {
        afterApplied: async (assets) => {
          touched += assets.length;
          await refreshTouchedFindings(assets, findings);
        },
      }),
    });
    (evaluate ? withMs : withoutMs).push(performance.now() - started);
    if (response.batchItemFailures.length > 0) handlerErrors.push(`batch ${b}: ${response.batchItemFailures.length} failed records`);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    batches: options.eventBatches,
    events: burst.length,
    withEvaluationMs: summarize(withMs),
    withoutEvaluationMs: summarize(withoutMs),
    added: mean(withMs) / mean(withoutMs) - 1,
    touchedPerBatch: touched / Math.max(1, withMs.length),
    loadAverage1m: round(loadavg()[0]),
    handlerErrors: handlerErrors.slice(0, 20),
  };
}

function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: messageId,
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'BENCH', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:events',
    awsRegion: 'us-east-1',
  } as SQSRecord;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function progress(message: string): void {
  process.stderr.write(`[findings ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
