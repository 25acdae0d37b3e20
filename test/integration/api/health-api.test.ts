import { accountsRoutes } from '../../../lambdas/api/accounts-routes';
import { apiHandler } from '../../../lambdas/api/api-handler';
import { HealthCheckRun, HealthHistoryPage } from '../../../lambdas/api/health-schemas';
import { PipelineHealth } from '../../../lambdas/api/response-schemas';
import { findingsRoutes } from '../../../lambdas/api/findings-routes';
import { FindingsSummaryBody } from '../../../lambdas/api/findings-schemas';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { newIngestionId } from '../../../lambdas/control/ids';
import { DynamoEventStatsStore } from '../../../lambdas/events/dynamo-event-stats-store';
import { DynamoHealthStore } from '../../../lambdas/health/dynamo-health-store';
import type { PipelineReader, RegionObservations } from '../../../lambdas/health/eventbridge-observations';
import type { PipelineNames } from '../../../lambdas/health/pipeline-names';
import { DynamoAssetStore } from '../../../lambdas/inventory/dynamo-asset-store';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { InProcessHealthCheckRunner } from '../../support/in-process-health-runs';
import { apiEvent, bodyOf, silentLogger } from './api-event';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole`;
const ENDPOINT = 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/data-sources/aws/events';

let dynamo: LocalDynamo;
let control: ControlStores;
let store: DynamoHealthStore;
let accounts: ReturnType<typeof apiHandler>;
let n = 0;
let tenantId: string;
let ruleState = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
const namesSeen: PipelineNames[] = [];
/** How long each EventBridge read takes (a slow customer account). */
let readDelayMs = 0;
/** false: runs are started but never carried out (their function crashed). */
let runsRun = true;
/** The checks themselves throw (a bug, not an AWS answer). */
let readerBroken = false;
/** Added to the clock of the routes. */
let clockOffsetMs = 0;
let runner: InProcessHealthCheckRunner;

/** A primary us-east-1 and a forwarder eu-west-1, as the template deploys them. */
function fakeReader(names: PipelineNames): PipelineReader {
  namesSeen.push(names);
  return {
    read: async (region): Promise<RegionObservations> => {
      if (readDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readDelayMs));
      if (readerBroken) throw new Error('a bug in the reader');
      const primary = region === 'us-east-1';
      const destArn = `arn:aws:events:us-east-1:${ACCOUNT}:api-destination/${names.apiDestination}/uuid`;
      const connArn = `arn:aws:events:us-east-1:${ACCOUNT}:connection/${names.connection}/uuid`;
      return {
        region,
        rule: { outcome: 'found', value: { name: names.rule, state: ruleState } },
        targets: { outcome: 'found', value: [{ id: 't', arn: primary ? destArn : `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default` }] },
        apiDestination: primary
          ? { outcome: 'found', value: { name: names.apiDestination, state: 'ACTIVE', connectionArn: connArn, invocationEndpoint: ENDPOINT } }
          : { outcome: 'missing', message: 'not here' },
        connection: primary ? { outcome: 'found', value: { name: names.connection, arn: connArn, state: 'AUTHORIZED' } } : { outcome: 'missing', message: 'not here' },
      };
    },
  };
}

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  store = new DynamoHealthStore(dynamo.documentClient, dynamo.controlTable);
  const healthDeps = {
    store,
    runs: store,
    readerFor: (_account: unknown, _externalId: string, names: PipelineNames) => fakeReader(names),
    tenantExternalId: async (t: string) => (await control.tenants.getTenant(t)).externalId,
    now: () => new Date(Date.now() + clockOffsetMs),
    currentTemplateVersion: '1.0.0',
  };
  runner = new InProcessHealthCheckRunner(() => ({ ...healthDeps, control: control.accounts }));
  accounts = apiHandler(
    accountsRoutes({
      ...control,
      assets: new DynamoAssetStore(dynamo.documentClient, dynamo.inventoryTable),
      verifier: { verify: async (roleArn) => ({ accountId: roleArn.split(':')[4] }) },
      starter: { start: async () => 'arn:aws:states:eu-west-1:000000000000:execution:crawl:x' },
      now: () => new Date(),
      newIngestionId: () => newIngestionId(),
      health: {
        ...healthDeps,
        baseUrl: (event) => `https://${event.requestContext.domainName}/${event.requestContext.stage}`,
        runner: { start: async (input) => (runsRun ? runner.start(input) : undefined) },
        newRunId: () => newIngestionId(),
        waitMs: 400,
        pollMs: 20,
      },
    }),
    silentLogger,
  );
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `tenant-${++n}`;
  ruleState = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  readDelayMs = 0;
  runsRun = true;
  readerBroken = false;
  clockOffsetMs = 0;
  await control.tenants.createTenant({ tenantId, name: 'Acme', externalId: `ext-${n}-abcdef`, createdAt: new Date().toISOString() });
  await control.accounts.linkAccount({ tenantId, accountId: ACCOUNT, roleArn: ROLE, regions: ['us-east-1', 'eu-west-1'], now: new Date().toISOString() });
});

const health = (accountId = ACCOUNT, permissions?: string) =>
  accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/health', pathParameters: { accountId }, tenantId, permissions }));
const runChecks = (accountId = ACCOUNT, permissions?: string) =>
  accounts(apiEvent({ method: 'POST', resource: '/data-sources/aws/accounts/{accountId}/health-checks', pathParameters: { accountId }, body: {}, tenantId, permissions }));
const poll = (runId: string, accountId = ACCOUNT) =>
  accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/health-checks/{runId}', pathParameters: { accountId, runId }, tenantId }));
const history = (query: Record<string, string> = {}, accountId = ACCOUNT) =>
  accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/health/history', pathParameters: { accountId }, query, tenantId }));
const patch = (body: unknown) =>
  accounts(apiEvent({ method: 'PATCH', resource: '/data-sources/aws/accounts/{accountId}', pathParameters: { accountId: ACCOUNT }, body, tenantId }));

describe('pipeline health API', () => {
  it('an unknown account is a 404 for both routes', async () => {
    expect((await health('999999999999')).statusCode).toBe(404);
    expect((await runChecks('999999999999')).statusCode).toBe(404);
  });

  it('a bad account id is a 400 naming the field', async () => {
    const res = await health('12');
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe('accountId');
  });

  it('before any check: unknown, never checked, no regions', async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res)).toEqual({ accountId: ACCOUNT, status: 'unknown', checkedAt: null, regions: [] });
  });

  it('POST runs the checks in every region of the data source, stores them, and GET answers the same', async () => {
    const ran = await runChecks();
    expect(ran.statusCode).toBe(200);
    const report = PipelineHealth.parse(bodyOf(ran));
    expect(report.status).toBe('pass');
    expect(report.regions.map((r) => [r.region, r.role, r.status])).toEqual([
      ['us-east-1', 'primary', 'pass'],
      ['eu-west-1', 'forwarder', 'pass'],
    ]);
    expect(bodyOf(await health())).toEqual(bodyOf(ran));
  });

  it('the account list and detail carry the health status', async () => {
    ruleState = 'DISABLED';
    await runChecks();
    const list = bodyOf(await accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts', tenantId })));
    expect((list.items as Array<Record<string, unknown>>)[0]).toMatchObject({ accountId: ACCOUNT, healthStatus: 'fail', healthCheckedAt: expect.any(String) });
    const detail = bodyOf(await accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}', pathParameters: { accountId: ACCOUNT }, tenantId })));
    expect(detail.account).toMatchObject({ healthStatus: 'fail' });
  });

  it('history keeps each region per check time, with the status it had before', async () => {
    await runChecks();
    ruleState = 'DISABLED';
    await runChecks();
    const history = await store.regionHistory(tenantId, ACCOUNT, 10);
    expect(history).toHaveLength(4);
    expect(history.filter((h) => h.status === 'fail').every((h) => h.previousStatus === 'pass')).toBe(true);
  });

  it('a custom setup’s names (PATCH) are the ones the checks use; null returns to the template’s', async () => {
    const custom = { rule: 'MyCloudTrailRule', apiDestination: 'MyDestination', connection: 'MyConnection' };
    expect((await patch({ pipelineNames: custom })).statusCode).toBe(200);
    await runChecks();
    expect(namesSeen.at(-1)).toEqual(custom);
    expect((await patch({ pipelineNames: null })).statusCode).toBe(200);
    await runChecks();
    expect(namesSeen.at(-1)?.rule).toBe('AQtiveGuardFilteredEventsRule');
  });

  it('a bad custom name is a 400 naming the field', async () => {
    const res = await patch({ pipelineNames: { rule: 'no spaces allowed' } });
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe('pipelineNames.rule');
  });

  it('each region item counts the events received per day and the dropped ones by reason, as the processor stored them', async () => {
    // GIVEN the processor's counters for today: us-east-1 received 5 (2 dropped), eu-west-1 nothing
    const today = new Date().toISOString().slice(0, 10);
    await new DynamoEventStatsStore(dynamo.documentClient, dynamo.controlTable).addEventStats([
      { tenantId, accountId: ACCOUNT, region: 'us-east-1', day: today, counters: { applied: 3, 'dropped_unsupported-event': 2 } },
    ]);
    // WHEN the checks run
    const report = PipelineHealth.parse(bodyOf(await runChecks()));
    // THEN the region items and the delivery check show them
    const east = report.regions.find((r) => r.region === 'us-east-1')!;
    expect(east.eventsPerDay).toHaveLength(7);
    expect(east.eventsPerDay.at(-1)).toEqual({ date: today, events: 5, dropped: 2 });
    expect(east.droppedByReason).toEqual({ 'unsupported-event': 2 });
    expect(east.checks.find((c) => c.check === 'delivery')?.observed).toContain('5 event(s) received in the last 7 days (today 5), 2 dropped (unsupported-event 2)');
    const west = report.regions.find((r) => r.region === 'eu-west-1')!;
    expect(west.eventsPerDay.every((d) => d.events === 0)).toBe(true);
    expect(west.droppedByReason).toEqual({});
  });

  it('a check slower than the wait answers 202 with the run to poll; the run ends SUCCEEDED with the result, also stored as the latest', async () => {
    // GIVEN an account whose EventBridge reads take longer than the route waits
    readDelayMs = 1000;
    // WHEN the checks are asked for
    const ran = await runChecks();
    // THEN 202, the run RUNNING, and Location to poll
    expect(ran.statusCode).toBe(202);
    const run = HealthCheckRun.parse(bodyOf(ran));
    expect(run).toMatchObject({ accountId: ACCOUNT, status: 'RUNNING' });
    expect(ran.headers?.Location).toBe(`/data-sources/aws/accounts/${ACCOUNT}/health-checks/${run.runId}`);
    expect(bodyOf(await poll(run.runId))).toMatchObject({ runId: run.runId, status: 'RUNNING' });
    // AND once it finishes, the poll answers the result, and GET …/health the same
    await runner.settled();
    const done = HealthCheckRun.parse(bodyOf(await poll(run.runId)));
    expect(done).toMatchObject({ status: 'SUCCEEDED', finishedAt: expect.any(String) });
    expect(done.report?.regions.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(bodyOf(await health())).toEqual(done.report);
  });

  it('a run whose function crashed is FAILED once past its deadline, never left RUNNING', async () => {
    runsRun = false;
    const ran = await runChecks();
    expect(ran.statusCode).toBe(202);
    const { runId } = HealthCheckRun.parse(bodyOf(ran));
    expect(bodyOf(await poll(runId))).toMatchObject({ status: 'RUNNING' });
    clockOffsetMs = 8 * 60_000; // past the 7-minute deadline
    const failed = HealthCheckRun.parse(bodyOf(await poll(runId)));
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/did not finish by .*run it again/) });
    expect(HealthCheckRun.parse(bodyOf(await poll(runId)))).toEqual(failed);
  });

  it('checks that throw end their run FAILED with a generic reason: 503 with Retry-After and the run’s Location', async () => {
    readerBroken = true;
    const ran = await runChecks();
    expect(ran.statusCode).toBe(503);
    expect(ran.headers).toMatchObject({ 'Retry-After': '30', Location: expect.stringMatching(/\/health-checks\/[0-9A-Z]{26}$/) });
    expect(JSON.stringify(bodyOf(ran))).not.toContain('a bug in the reader');
    const runId = String(ran.headers?.Location).split('/').at(-1)!;
    expect(bodyOf(await poll(runId))).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/failed unexpectedly/) });
  });

  it('a fast check answers 200 with the result and names its run; unknown and malformed runs are 404 and 400', async () => {
    const ran = await runChecks();
    expect(ran.statusCode).toBe(200);
    const runId = String(ran.headers?.Location).split('/').at(-1)!;
    expect(bodyOf(await poll(runId))).toMatchObject({ status: 'SUCCEEDED', report: bodyOf(ran) });
    expect((await poll(newIngestionId())).statusCode).toBe(404);
    expect((await poll(runId, '999999999999')).statusCode).toBe(404);
    const bad = await poll('not-a-run');
    expect(bad.statusCode).toBe(400);
    expect(bodyOf(bad).error?.field).toBe('runId');
  });

  it('a region turning failing, then recovering, is in the account’s history with the checks that failed', async () => {
    await runChecks(); // pass: nothing to record
    ruleState = 'DISABLED';
    await runChecks(); // both regions fail
    await runChecks(); // still failing: nothing new
    ruleState = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
    await runChecks(); // recovered
    const res = await history();
    expect(res.statusCode).toBe(200);
    const page = HealthHistoryPage.parse(bodyOf(res));
    expect(page.items.map((i) => [i.kind, i.region, i.from, i.to])).toEqual([
      ['region-recovered', 'us-east-1', 'fail', 'pass'],
      ['region-recovered', 'eu-west-1', 'fail', 'pass'],
      ['region-failing', 'us-east-1', 'pass', 'fail'],
      ['region-failing', 'eu-west-1', 'pass', 'fail'],
    ]); // newest first; within one check, by region descending (the sort key ends with the region)
    const failing = page.items.find((i) => i.kind === 'region-failing')!;
    expect(failing.failedChecks.map((c) => c.check)).toEqual(['rule']);
    expect(failing.failedChecks[0].observed).toMatch(/DISABLED/);
    // Paged: two at a time, then the rest
    const first = HealthHistoryPage.parse(bodyOf(await history({ limit: '2' })));
    expect(first.items).toEqual(page.items.slice(0, 2));
    const second = HealthHistoryPage.parse(bodyOf(await history({ limit: '2', before: first.next! })));
    expect(second.items).toEqual(page.items.slice(2, 4));
    expect((await history({ limit: '0' })).statusCode).toBe(400);
    expect((await history({}, '999999999999')).statusCode).toBe(404);
  });

  it('the findings summary counts the failing regions of the tenant’s linked accounts', async () => {
    const findings = apiHandler(
      findingsRoutes({
        accounts: control.accounts,
        assets: new DynamoAssetStore(dynamo.documentClient, dynamo.inventoryTable),
        findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable),
      }),
      silentLogger,
    );
    const summary = async () =>
      FindingsSummaryBody.parse(bodyOf(await findings(apiEvent({ method: 'GET', resource: '/findings/summary', tenantId })))).pipeline;
    expect(await summary()).toEqual({ failingRegions: 0, accountsWithFailingRegion: 0 }); // never checked
    ruleState = 'DISABLED';
    await runChecks();
    expect(await summary()).toEqual({ failingRegions: 2, accountsWithFailingRegion: 1 });
    ruleState = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
    await runChecks();
    expect(await summary()).toEqual({ failingRegions: 0, accountsWithFailingRegion: 0 });
  });

  it('a reader may read health but not run the checks', async () => {
    expect((await health(ACCOUNT, 'reader')).statusCode).toBe(200);
    expect((await runChecks(ACCOUNT, 'reader')).statusCode).toBe(403);
  });
});
