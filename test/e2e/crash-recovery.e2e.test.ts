/**
 * Faults survived, end to end: the local runtime runs in a process group of its own, is killed with SIGKILL (no
 * chance to flush or clean up), and is started again on the same data directory.
 *  - every event the events endpoint answered 2xx is applied after the restart;
 *  - an ingestion killed mid-crawl is closed (FAILED, interrupted) and Start now works at once, and the next
 *    ingestion finds the whole estate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { dropReasonOf } from '../../lambdas/events/drop-rules';
import { eventEnvelopeSchema } from '../../lambdas/events/envelope';
import { mapEvent } from '../../lambdas/events/mappers';
import { normalizeEvent } from '../../lambdas/events/normalized-event';
import { inventoryKeys } from '../../lambdas/shared/table-schema';
import { postEvents, waitForIngestion } from '../../local/demo';
import { LocalApiClient } from '../../local/local-api-client';
import { startSandbox } from '../../sandbox/sandbox';
import type { EventBridgeEnvelope } from '../../sandbox/cloudtrail/cloudtrail-record';
import { type KillableRuntime, startKillableRuntime } from '../support/killable-runtime';
import { ACCOUNTS, estateAssets } from './e2e-support';

jest.setTimeout(120_000);

const SANDBOX = { seed: 7, estateSize: 40, regions: ['us-east-1', 'eu-west-1'] };

let dataDir: string;
const running: KillableRuntime[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'aqg-crash-'));
});
afterEach(async () => {
  for (const r of running.splice(0)) await r.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(extra: { slowHandlers?: Record<string, number>; maxConcurrentBatches?: number } = {}): Promise<KillableRuntime> {
  const runtime = await startKillableRuntime({ dataDir, sandbox: SANDBOX, ...extra });
  running.push(runtime);
  return runtime;
}

/**
 * `n` CloudTrail events for the runtime's account, from the same seeded sandbox, each one the processor applies
 * (the burst also holds the loop and noise events the processor drops by design: lambdas/events/drop-rules.ts).
 */
async function applicableEvents(n: number, roleArn: string): Promise<EventBridgeEnvelope[]> {
  const sandbox = await startSandbox(SANDBOX);
  try {
    const applicable = (await sandbox.burst(2 * n)).filter((envelope) => {
      const event = normalizeEvent({ tenantId: 't', receivedAt: new Date().toISOString(), envelope: eventEnvelopeSchema.parse(envelope) });
      return dropReasonOf(event, { status: 'LINKED', roleArn }) === undefined && mapEvent(event).kind !== 'unsupported';
    });
    expect(applicable.length).toBeGreaterThanOrEqual(n);
    return applicable.slice(0, n);
  } finally {
    await sandbox.stop();
  }
}

it('applies every event answered 2xx, after a SIGKILL and a restart on the same data directory', async () => {
  // GIVEN a runtime whose processor is slow (so events are surely still queued when it dies), the account linked
  const first = await start({ slowHandlers: { 'event-processor': 400 }, maxConcurrentBatches: 1 });
  const admin = new LocalApiClient(first.ready.url).as(first.ready.tokens.admin);
  await admin.call('POST', ACCOUNTS, { roleArn: first.ready.roleArn }, [201]);
  const envelopes = await applicableEvents(200, first.ready.roleArn);
  expect(envelopes).toHaveLength(200);

  // WHEN 200 events are posted and every one is answered 202, then the process group is killed
  const statuses = await postEvents(new LocalApiClient(first.ready.url).as(first.ready.tokens.uploader), envelopes);
  expect(statuses.filter((s) => s === 202)).toHaveLength(200);
  await first.kill();

  // THEN the restarted runtime recovers the unprocessed ones from disk and applies them: 200/200 applied
  const second = await start();
  expect(second.ready.recovery.recoveredMessages).toBeGreaterThan(0);
  await second.idle();
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: second.ready.dynamoEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
  );
  const missing: string[] = [];
  for (const envelope of envelopes) {
    const { Item } = await db.send(
      new GetCommand({ TableName: second.ready.inventoryTable, Key: inventoryKeys.eventSeen(second.ready.tenantId, envelope.detail.eventID), ConsistentRead: true }),
    );
    if (!Item) missing.push(envelope.detail.eventID);
  }
  db.destroy();
  expect({ applied: envelopes.length - missing.length, missing }).toEqual({ applied: 200, missing: [] });
});

it('closes a run killed mid-crawl at the restart; Start now is accepted at once and the next ingestion finds the estate', async () => {
  // GIVEN a crawl that is surely running when the process group is killed
  const first = await start({ slowHandlers: { 'crawl-service': 1500 } });
  const admin1 = new LocalApiClient(first.ready.url).as(first.ready.tokens.admin);
  await admin1.call('POST', ACCOUNTS, { roleArn: first.ready.roleArn }, [201]);
  const killed = await admin1.call<{ ingestionId: string }>('POST', `${ACCOUNTS}/${first.ready.accountId}/ingestions`, {}, [202]);
  await new Promise((r) => setTimeout(r, 1000));
  const before = await admin1.call<{ ingestion: { status: string } }>('GET', `${ACCOUNTS}/${first.ready.accountId}/ingestions/${killed.ingestionId}`);
  expect(before.ingestion.status).toBe('RUNNING');
  await first.kill();

  // WHEN it starts again
  const second = await start();
  const answeringAt = Date.now();
  const admin = new LocalApiClient(second.ready.url).as(second.ready.tokens.admin);

  // THEN the killed run is closed with the reason, and Start now is accepted within seconds of the restart
  expect(second.ready.recovery.interruptedRuns).toEqual([killed.ingestionId]);
  const closed = await admin.call<{ ingestion: { status: string; errors: Array<{ code: string }> } }>(
    'GET',
    `${ACCOUNTS}/${second.ready.accountId}/ingestions/${killed.ingestionId}`,
  );
  expect(closed.ingestion.status).toBe('FAILED');
  expect(closed.ingestion.errors.map((e) => e.code)).toContain('Interrupted');
  const next = await admin.call<{ ingestionId: string }>('POST', `${ACCOUNTS}/${second.ready.accountId}/ingestions`, {}, [202]);
  // within 10 s of the API answering again (the start itself — synthesis, dynalite — is timed by npm run bench)
  expect(Date.now() - answeringAt).toBeLessThan(10_000);
  const done = await waitForIngestion(admin, second.ready.accountId, next.ingestionId);
  expect(done.status).toBe('SUCCEEDED');

  // AND the inventory is the whole estate
  const sandbox = await startSandbox(SANDBOX);
  const truth = estateAssets(sandbox.estate).map((a) => a.arn).sort();
  await sandbox.stop();
  const inventory = await new LocalApiClient(second.ready.url).as(second.ready.tokens.reader).inventory<{ arn: string }>();
  expect(inventory.map((a) => a.arn).sort()).toEqual(truth);
});

it('Ctrl-C during a first crawl closes the run at once; after a restart Start now is accepted', async () => {
  // GIVEN a crawl that is surely running
  const first = await start({ slowHandlers: { 'crawl-service': 1500 } });
  const admin1 = new LocalApiClient(first.ready.url).as(first.ready.tokens.admin);
  await admin1.call('POST', ACCOUNTS, { roleArn: first.ready.roleArn }, [201]);
  const stopped = await admin1.call<{ ingestionId: string }>('POST', `${ACCOUNTS}/${first.ready.accountId}/ingestions`, {}, [202]);
  await new Promise((r) => setTimeout(r, 1000));

  // WHEN the runtime is stopped gracefully (what Ctrl-C does) and started again
  await first.stop();
  const second = await start();
  const admin = new LocalApiClient(second.ready.url).as(second.ready.tokens.admin);

  // THEN the run was already closed by the stop (the execution was aborted), and Start now is accepted
  expect(second.ready.recovery.interruptedRuns).toEqual([]);
  const closed = await admin.call<{ ingestion: { status: string; errors: Array<{ code: string }> } }>(
    'GET',
    `${ACCOUNTS}/${second.ready.accountId}/ingestions/${stopped.ingestionId}`,
  );
  expect({ status: closed.ingestion.status, codes: closed.ingestion.errors.map((e) => e.code) }).toEqual({ status: 'FAILED', codes: ['ExecutionAborted'] });
  await admin.call('POST', `${ACCOUNTS}/${second.ready.accountId}/ingestions`, {}, [202]);
});
