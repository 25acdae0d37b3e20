import { EVENTS_PATH, TEMPLATE_VERSION_HEADER } from '../lambdas/shared/protocol';
import { ApiCallError, LocalApiClient } from './local-api-client';
import type { AccountHealthReport } from '../lambdas/health/health-model';
import { type InventorySummary, summarizeInventory } from './inventory-summary';
import type { LocalRuntime } from './local-runtime';

export interface DemoResult {
  readonly accountId: string;
  readonly ingestion: { readonly ingestionId: string; readonly status: string };
  readonly eventsPosted: number;
  readonly summary: InventorySummary;
  /** The pipeline health checks, run after one region of the sandbox was broken on purpose. */
  readonly health?: AccountHealthReport;
}

export class DemoError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoError';
  }
}

const ACCOUNTS = '/data-sources/aws/accounts';

export async function waitForIngestion(
  admin: LocalApiClient,
  accountId: string,
  ingestionId: string,
  timeoutMs = 120_000,
): Promise<{ ingestionId: string; status: string; [k: string]: unknown }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { ingestion } = await admin.call<{ ingestion: { ingestionId: string; status: string } }>(
      'GET',
      `${ACCOUNTS}/${accountId}/ingestions/${ingestionId}`,
    );
    if (ingestion.status !== 'RUNNING') return ingestion;
    if (Date.now() > deadline) throw new DemoError(`Ingestion ${ingestionId} still RUNNING after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Posts EventBridge envelopes one per request, as an API destination delivers them, a few at a time. */
export async function postEvents(uploader: LocalApiClient, envelopes: readonly unknown[], concurrency = 8): Promise<number[]> {
  const statuses: number[] = new Array(envelopes.length);
  let next = 0;
  const worker = async () => {
    while (next < envelopes.length) {
      const i = next++;
      const res = await uploader.request('POST', EVENTS_PATH, envelopes[i], { [TEMPLATE_VERSION_HEADER]: 'local-demo' });
      statuses[i] = res.status;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, envelopes.length) }, worker));
  return statuses;
}

/**
 * The default `npm start` story, entirely through the public HTTP API: connect the sandbox account (its role, the
 * tenant's ExternalId), run an ingestion to the end, replay a burst of the sandbox's CloudTrail events with the
 * uploader token, wait for the queue to drain, and summarize the inventory.
 */
export async function runDemo(runtime: LocalRuntime, options: { readonly burstSize?: number; readonly log?: (line: string) => void } = {}): Promise<DemoResult> {
  const sandbox = runtime.sandbox;
  if (!sandbox) throw new DemoError('The demo needs the sandbox account (it is not started with --aws)');
  const log = options.log ?? (() => undefined);
  const api = new LocalApiClient(runtime.url);
  const admin = api.as(runtime.tokens.admin);

  log(`Connecting sandbox account ${sandbox.accountId} (${sandbox.roleArn})`);
  // The regions where the sandbox account deployed the template: the data source covers exactly those.
  const linked = await admin.request<{ account?: { accountId: string } }>('POST', ACCOUNTS, { roleArn: sandbox.roleArn, regions: sandbox.pipeline.deployedRegions });
  if (linked.status !== 201 && linked.status !== 200) throw new ApiCallError('POST', ACCOUNTS, linked.status, linked.body);
  const accountId = linked.body.account?.accountId ?? sandbox.accountId;
  runtime.writeStateFile([accountId]);

  log('Running an ingestion');
  const started = await admin.request<{ ingestionId?: string }>('POST', `${ACCOUNTS}/${accountId}/ingestions`, {});
  if (started.status !== 202 || !started.body.ingestionId) {
    throw new ApiCallError('POST', `${ACCOUNTS}/${accountId}/ingestions`, started.status, started.body);
  }
  const ingestion = await waitForIngestion(admin, accountId, started.body.ingestionId);
  log(`Ingestion ${ingestion.ingestionId}: ${ingestion.status}`);

  const burst = await sandbox.burst(options.burstSize ?? 40);
  log(`Replaying ${burst.length} CloudTrail events through ${EVENTS_PATH}`);
  const statuses = await postEvents(api.as(runtime.tokens.uploader), burst);
  const rejected = statuses.filter((s) => s < 200 || s >= 300).length;
  if (rejected > 0) log(`${rejected} events were not accepted (statuses: ${[...new Set(statuses)].join(', ')})`);
  await runtime.idle();

  const summary = summarizeInventory(await api.as(runtime.tokens.reader).inventory());

  // One region with a problem, as customers have them: the forwarding rule of the last region disabled.
  const broken = sandbox.pipeline.deployedRegions.at(-1)!;
  if (broken !== sandbox.pipeline.primaryRegion) sandbox.pipeline.disableRule(broken);
  else sandbox.pipeline.deauthorizeConnection();
  log(`Checking the event pipeline (the sandbox's ${broken} has a problem on purpose)`);
  const health = await admin.call<AccountHealthReport>('POST', `${ACCOUNTS}/${accountId}/health-checks`, {});
  return { accountId, ingestion: { ingestionId: ingestion.ingestionId, status: ingestion.status }, eventsPosted: burst.length, summary, health };
}
