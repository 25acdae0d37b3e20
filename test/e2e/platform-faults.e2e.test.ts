/**
 * Platform-side faults: the local runtime's tables behind a proxy that answers 20 % of DynamoDB writes with
 * throttling (ProvisionedThroughputExceededException, ThrottlingException), 500s or a dropped connection. The SDK's
 * retries absorb them: the crawl finds the whole estate, every accepted event is applied, and no answer is a 5xx
 * other than 503 with Retry-After.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dropReasonOf } from '../../lambdas/events/drop-rules';
import { eventEnvelopeSchema } from '../../lambdas/events/envelope';
import { mapEvent } from '../../lambdas/events/mappers';
import { normalizeEvent } from '../../lambdas/events/normalized-event';
import { inventoryKeys } from '../../lambdas/shared/table-schema';
import { EVENTS_PATH } from '../../lambdas/shared/protocol';
import { waitForIngestion } from '../../local/demo';
import { type ApiResponse, LocalApiClient } from '../../local/local-api-client';
import { type LocalRuntime, startLocalRuntime } from '../../local/local-runtime';
import { type LocalDynamo, startDynalite } from '../support/dynalite';
import { type FaultyDynamoProxy, startFaultyDynamoProxy } from '../support/faulty-dynamo-proxy';
import { ACCOUNTS, estateAssets } from './e2e-support';

jest.setTimeout(180_000);

let dynamo: LocalDynamo;
let proxy: FaultyDynamoProxy;
let runtime: LocalRuntime;
let dataDir: string;
/** Every API answer of the test, to check none is a 5xx other than 503 with Retry-After. */
const answers: Array<{ what: string; status: number; retryAfter?: string }> = [];

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  dynamo = await startDynalite();
  proxy = await startFaultyDynamoProxy({ target: dynamo.endpoint, writeFaultRate: 0.2 });
  dataDir = mkdtempSync(join(tmpdir(), 'aqg-faults-'));
  proxy.setFaulty(false); // the tables and the tenant first; then every write the platform makes meets faults
  runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    dynamodbEndpoint: proxy.endpoint,
    customerAccount: { mode: 'sandbox', options: { seed: 3, estateSize: 40, regions: ['us-east-1', 'eu-west-1'] } },
    redeliveryDelaySeconds: 0.5,
    onError: () => undefined,
  });
  proxy.setFaulty(true);
});
afterAll(async () => {
  await runtime?.stop();
  await proxy?.stop();
  await dynamo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Calls the API like EventBridge or a console would: a 503 is retried after its Retry-After. */
async function call<T>(client: LocalApiClient, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
  for (;;) {
    const res = await client.request<T>(method, path, body);
    const retryAfter = res.headers.get('retry-after') ?? undefined;
    answers.push({ what: `${method} ${path}`, status: res.status, ...(retryAfter !== undefined && { retryAfter }) });
    if (res.status !== 503) return res;
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('completes a crawl with every asset found while 20 % of the platform writes fail', async () => {
  const admin = new LocalApiClient(runtime.url).as(runtime.tokens.admin);
  const sandbox = runtime.sandbox!;
  expect((await call(admin, 'POST', ACCOUNTS, { roleArn: sandbox.roleArn })).status).toBe(201);
  const started = await call<{ ingestionId: string }>(admin, 'POST', `${ACCOUNTS}/${sandbox.accountId}/ingestions`, {});
  expect(started.status).toBe(202);
  const done = await waitForIngestion(admin, sandbox.accountId, started.body.ingestionId);
  expect(done.status).toBe('SUCCEEDED');
  const inventory = await new LocalApiClient(runtime.url).as(runtime.tokens.reader).inventory<{ arn: string }>();
  expect(inventory.map((a) => a.arn).sort()).toEqual(estateAssets(sandbox.estate).map((a) => a.arn).sort());
});

it('applies every accepted event while 20 % of the platform writes fail', async () => {
  const sandbox = runtime.sandbox!;
  const envelopes = (await sandbox.burst(150)).filter((envelope) => {
    const event = normalizeEvent({ tenantId: 't', receivedAt: new Date().toISOString(), envelope: eventEnvelopeSchema.parse(envelope) });
    return dropReasonOf(event, { status: 'LINKED', roleArn: sandbox.roleArn }) === undefined && mapEvent(event).kind !== 'unsupported';
  });
  const uploader = new LocalApiClient(runtime.url).as(runtime.tokens.uploader);
  await Promise.all(envelopes.map((envelope) => call(uploader, 'POST', EVENTS_PATH, envelope)));
  await runtime.idle();
  const missing: string[] = [];
  for (const envelope of envelopes) {
    const { Item } = await dynamo.documentClient.send(
      new GetCommand({ TableName: process.env.INVENTORY_TABLE_NAME, Key: inventoryKeys.eventSeen(runtime.tenant.tenantId, envelope.detail.eventID), ConsistentRead: true }),
    );
    if (!Item) missing.push(envelope.detail.eventID);
  }
  expect({ posted: envelopes.length, missing }).toEqual({ posted: envelopes.length, missing: [] });
  expect(Object.values(runtime.queueStats()).reduce((n, q) => n + q.deadLettered, 0)).toBe(0);
});

it('injected faults of every kind, and no answer was a 5xx other than 503 with Retry-After', () => {
  expect(proxy.counts.writes).toBeGreaterThan(200);
  for (const kind of ['ProvisionedThroughputExceededException', 'ThrottlingException', 'InternalServerError', 'dropped-connection'] as const) {
    expect({ kind, injected: proxy.counts[kind] > 0 }).toEqual({ kind, injected: true });
  }
  const bad = answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.retryAfter));
  expect(bad).toEqual([]);
});
