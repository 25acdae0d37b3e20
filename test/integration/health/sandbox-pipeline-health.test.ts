import { EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { checkAccountHealth } from '../../../lambdas/health/check-account-health';
import {
  EventBridgePipelineReader,
  ForbiddenPipelineCallError,
  createPipelineClient,
  guardPipelineReads,
} from '../../../lambdas/health/eventbridge-pipeline-clients';
import type { AccountHealthReport, CheckName, CheckStatus } from '../../../lambdas/health/health-model';
import { TEMPLATE_PIPELINE_NAMES } from '../../../lambdas/health/pipeline-names';
import { UNPACED } from '../../../lambdas/discovery/request-pacer';
import { type Sandbox, startSandbox } from '../../../sandbox/sandbox';

/**
 * The checks against the sandbox account's EventBridge, through its role and the real SDK client: each way the guide's
 * Troubleshooting section says a pipeline breaks is created, reported with the right check, status and remedy, and
 * repaired.
 */
const ENDPOINT = 'https://api.example.com/v1/data-sources/aws/events';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
let sandbox: Sandbox;
let savedEndpoint: string | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, estateSize: 45, regions: REGIONS, pipelineEndpoint: ENDPOINT });
  savedEndpoint = process.env.AWS_ENDPOINT_URL;
  process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
});
afterAll(async () => {
  if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
  else process.env.AWS_ENDPOINT_URL = savedEndpoint;
  await sandbox.stop();
});
afterEach(() => {
  sandbox.pipeline.repair();
  sandbox.allowAccess('eu-west-1', 'events');
});

async function check(regions: readonly string[] = REGIONS): Promise<AccountHealthReport> {
  const clients = new Map<string, EventBridgeClient>();
  const clientFor = (region: string) => {
    if (!clients.has(region)) {
      clients.set(region, createPipelineClient({ region, credentials: sandbox.adminCredentials, roleArn: sandbox.roleArn, externalId: sandbox.externalId, maxAttempts: 1 }));
    }
    return clients.get(region)!;
  };
  return checkAccountHealth(
    { accountId: sandbox.accountId, regions, names: TEMPLATE_PIPELINE_NAMES, delivery: () => ({}) },
    { reader: new EventBridgePipelineReader(clientFor, TEMPLATE_PIPELINE_NAMES, UNPACED), now: () => new Date(), currentTemplateVersion: '1.0.0', expectedEndpoint: ENDPOINT },
  );
}

function checkOf(report: AccountHealthReport, region: string, name: CheckName) {
  const r = report.regions.find((x) => x.region === region);
  return { region: r, check: r?.checks.find((c) => c.check === name) };
}

function expectOnly(report: AccountHealthReport, region: string, name: CheckName, status: CheckStatus) {
  const { region: r, check: c } = checkOf(report, region, name);
  expect(c?.status).toBe(status);
  expect(r?.status).toBe(status);
  expect(report.status).toBe(status);
  for (const other of report.regions.filter((x) => x.region !== region)) expect(other.status).toBe('pass');
  return c!;
}

describe('pipeline health over the sandbox EventBridge', () => {
  it('the template as deployed: the primary and its forwarders pass', async () => {
    const report = await check();
    expect(report.status).toBe('pass');
    expect(report.regions.map((r) => [r.region, r.role, r.checks.map((c) => c.check)])).toEqual([
      ['us-east-1', 'primary', ['rule', 'target', 'destination', 'connection', 'delivery']],
      ['eu-west-1', 'forwarder', ['rule', 'target', 'delivery']],
      ['ap-southeast-2', 'forwarder', ['rule', 'target', 'delivery']],
    ]);
  });

  it('a disabled rule fails the rule check of that region', async () => {
    sandbox.pipeline.disableRule('eu-west-1');
    const c = expectOnly(await check(), 'eu-west-1', 'rule', 'fail');
    expect(c.observed).toMatch(/DISABLED/);
    expect(c.remedy).toMatch(/Update the AQtive Guard stack/);
  });

  it('a rule in ENABLED only is degraded (warn)', async () => {
    sandbox.pipeline.setRuleState('us-east-1', 'ENABLED');
    expectOnly(await check(), 'us-east-1', 'rule', 'warn');
  });

  it('a deauthorized connection fails with AWS’s reason and the re-authentication steps', async () => {
    sandbox.pipeline.deauthorizeConnection('Connection deauthorized: the endpoint answered 401 Unauthorized');
    const c = expectOnly(await check(), 'us-east-1', 'connection', 'fail');
    expect(c.observed).toMatch(/DEAUTHORIZED.*401 Unauthorized/);
    expect(c.remedy).toMatch(/API key name X-API-Key/);
  });

  it('a deleted API destination fails the destination check', async () => {
    sandbox.pipeline.deleteApiDestination();
    const report = await check();
    expect(checkOf(report, 'us-east-1', 'destination').check).toMatchObject({ status: 'fail', remedy: expect.stringMatching(/recreates AQGAWSDestinationApiRoute/) });
    // The forwarders now point at a region without a destination.
    expect(checkOf(report, 'eu-west-1', 'target').check?.status).toBe('fail');
  });

  it('a stale endpoint fails the destination check', async () => {
    sandbox.pipeline.setInvocationEndpoint('https://old-platform.example.com/v1/data-sources/aws/events');
    expectOnly(await check(), 'us-east-1', 'destination', 'fail');
    sandbox.pipeline.setInvocationEndpoint(ENDPOINT);
  });

  it('a forwarder pointing at an undeployed region: the PrimaryRegion stack is missing', async () => {
    sandbox.pipeline.forwardTo('ap-southeast-2', 'eu-central-1');
    const c = expectOnly(await check(), 'ap-southeast-2', 'target', 'fail');
    expect(c.observed).toMatch(/eu-central-1 has no API destination.*PrimaryRegion stack is missing/);
  });

  it('a region of the data source where the template was never deployed fails its rule check', async () => {
    const report = await check([...REGIONS, 'us-west-2']);
    expect(checkOf(report, 'us-west-2', 'rule').check).toMatchObject({ status: 'fail', observed: expect.stringMatching(/No rule named/) });
  });

  it('a region where the role is denied is unknown with the reason, never failing', async () => {
    sandbox.denyAccess('eu-west-1', 'events');
    const report = await check();
    const r = report.regions.find((x) => x.region === 'eu-west-1')!;
    expect(r.status).toBe('unknown');
    expect(r.checks.find((c) => c.check === 'rule')?.observed).toMatch(/AccessDeniedException/);
    expect(report.status).toBe('unknown');
  });

  it('an opt-in region the account has not enabled is left out', async () => {
    const report = await check([...REGIONS, 'me-south-1']);
    expect(report.regions.map((r) => r.region)).toEqual(REGIONS);
  });

  it('repaired: healthy again', async () => {
    sandbox.pipeline.disableRule('eu-west-1');
    sandbox.pipeline.deauthorizeConnection();
    expect((await check()).status).toBe('fail');
    sandbox.pipeline.repair();
    expect((await check()).status).toBe('pass');
  });

  it('the health client refuses every call but the four reads, before sending', async () => {
    const client = guardPipelineReads(new EventBridgeClient({ region: 'us-east-1', endpoint: sandbox.endpoint, credentials: sandbox.adminCredentials }));
    await expect(client.send(new PutRuleCommand({ Name: 'x', State: 'DISABLED' }))).rejects.toBeInstanceOf(ForbiddenPipelineCallError);
    expect(sandbox.stats().byApi['events:PutRule'] ?? 0).toBe(0);
  });

  it('makes one call per API per region', async () => {
    sandbox.resetStats();
    await check();
    const { byRegion } = sandbox.stats();
    for (const region of REGIONS) {
      const events = Object.fromEntries(Object.entries(byRegion[region] ?? {}).filter(([api]) => api.startsWith('events:')));
      expect(events).toEqual({ 'events:DescribeRule': 1, 'events:ListTargetsByRule': 1, 'events:DescribeApiDestination': 1, 'events:DescribeConnection': 1 });
    }
  });
});
