import { accountsRoutes } from '../../../lambdas/api/accounts-routes';
import { apiHandler } from '../../../lambdas/api/api-handler';
import { PipelineHealth } from '../../../lambdas/api/response-schemas';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { newIngestionId } from '../../../lambdas/control/ids';
import { DynamoEventStatsStore } from '../../../lambdas/events/dynamo-event-stats-store';
import { DynamoHealthStore } from '../../../lambdas/health/dynamo-health-store';
import type { PipelineReader, RegionObservations } from '../../../lambdas/health/eventbridge-observations';
import type { PipelineNames } from '../../../lambdas/health/pipeline-names';
import { DynamoAssetStore } from '../../../lambdas/inventory/dynamo-asset-store';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
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

/** A primary us-east-1 and a forwarder eu-west-1, as the template deploys them. */
function fakeReader(names: PipelineNames): PipelineReader {
  namesSeen.push(names);
  return {
    read: async (region): Promise<RegionObservations> => {
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
  accounts = apiHandler(
    accountsRoutes({
      ...control,
      assets: new DynamoAssetStore(dynamo.documentClient, dynamo.inventoryTable),
      verifier: { verify: async (roleArn) => ({ accountId: roleArn.split(':')[4] }) },
      starter: { start: async () => 'arn:aws:states:eu-west-1:000000000000:execution:crawl:x' },
      now: () => new Date(),
      newIngestionId: () => newIngestionId(),
      health: {
        store,
        readerFor: (_account, _externalId, names) => fakeReader(names),
        tenantExternalId: async (t) => (await control.tenants.getTenant(t)).externalId,
        now: () => new Date(),
        currentTemplateVersion: '1.0.0',
        baseUrl: (event) => `https://${event.requestContext.domainName}/${event.requestContext.stage}`,
      },
    }),
    silentLogger,
  );
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `tenant-${++n}`;
  ruleState = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  await control.tenants.createTenant({ tenantId, name: 'Acme', externalId: `ext-${n}-abcdef`, createdAt: new Date().toISOString() });
  await control.accounts.linkAccount({ tenantId, accountId: ACCOUNT, roleArn: ROLE, regions: ['us-east-1', 'eu-west-1'], now: new Date().toISOString() });
});

const health = (accountId = ACCOUNT, permissions?: string) =>
  accounts(apiEvent({ method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/health', pathParameters: { accountId }, tenantId, permissions }));
const runChecks = (accountId = ACCOUNT, permissions?: string) =>
  accounts(apiEvent({ method: 'POST', resource: '/data-sources/aws/accounts/{accountId}/health-checks', pathParameters: { accountId }, body: {}, tenantId, permissions }));
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

  it('a reader may read health but not run the checks', async () => {
    expect((await health(ACCOUNT, 'reader')).statusCode).toBe(200);
    expect((await runChecks(ACCOUNT, 'reader')).statusCode).toBe(403);
  });
});
