import type { AccountHealthReport, CheckName, CheckStatus } from '../../lambdas/health/health-model';
import type { Sandbox } from '../../sandbox/sandbox';
import { ACCOUNTS, type ContractCheckedApiClient, startE2eRuntime } from './e2e-support';

jest.setTimeout(120_000);

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

interface Breakage {
  readonly name: string;
  readonly breakIt: (sandbox: Sandbox) => void;
  readonly region: string;
  readonly check: CheckName;
  readonly status: CheckStatus;
  readonly remedy: RegExp;
}

/** Every way the customer guide's Troubleshooting section says the pipeline breaks, as the sandbox creates them. */
const BREAKAGES: readonly Breakage[] = [
  { name: 'a disabled rule', breakIt: (s) => s.pipeline.disableRule('eu-west-1'), region: 'eu-west-1', check: 'rule', status: 'fail', remedy: /Update the AQtive Guard stack/ },
  { name: 'a rule without read-only events', breakIt: (s) => s.pipeline.setRuleState('us-east-1', 'ENABLED'), region: 'us-east-1', check: 'rule', status: 'warn', remedy: /ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS/ },
  { name: 'a deleted rule', breakIt: (s) => s.pipeline.deleteRule('ap-southeast-2'), region: 'ap-southeast-2', check: 'rule', status: 'fail', remedy: /Deploy the AQtive Guard template in ap-southeast-2/ },
  { name: 'a deauthorized connection', breakIt: (s) => s.pipeline.deauthorizeConnection(), region: 'us-east-1', check: 'connection', status: 'fail', remedy: /API key name X-API-Key.*Uploader/ },
  { name: 'a deleted API destination', breakIt: (s) => s.pipeline.deleteApiDestination(), region: 'us-east-1', check: 'destination', status: 'fail', remedy: /recreates AQGAWSDestinationApiRoute/ },
  { name: 'a stale events endpoint', breakIt: (s) => s.pipeline.setInvocationEndpoint('https://old.example.com/v1/data-sources/aws/events'), region: 'us-east-1', check: 'destination', status: 'fail', remedy: /Download cloudformation-template.json again/ },
  { name: 'a forwarder pointing at an undeployed region', breakIt: (s) => s.pipeline.forwardTo('ap-southeast-2', 'eu-central-1'), region: 'ap-southeast-2', check: 'target', status: 'fail', remedy: /Deploy the template in eu-central-1/ },
];

let runtime: Awaited<ReturnType<typeof startE2eRuntime>>;
let admin: ContractCheckedApiClient;
let reader: ContractCheckedApiClient;
let sandbox: Sandbox;
let goodEndpoint: string;

beforeAll(async () => {
  runtime = await startE2eRuntime({ regions: REGIONS });
  admin = runtime.api.as(runtime.runtime.tokens.admin);
  reader = runtime.api.as(runtime.runtime.tokens.reader);
  sandbox = runtime.runtime.sandbox!;
  goodEndpoint = sandbox.pipeline.invocationEndpoint;
  await admin.call('POST', ACCOUNTS, { roleArn: sandbox.roleArn, regions: REGIONS }, [201]);
});
afterAll(async () => runtime.cleanup());

const runChecks = () => admin.call<AccountHealthReport>('POST', `${ACCOUNTS}/${sandbox.accountId}/health-checks`, {});

function repair(): void {
  sandbox.pipeline.repair();
  sandbox.pipeline.setInvocationEndpoint(goodEndpoint);
}

describe('pipeline health end to end (local runtime, sandbox account)', () => {
  it('the template as deployed is healthy in every region', async () => {
    const report = await runChecks();
    expect(report.status).toBe('pass');
    expect(report.regions.map((r) => [r.region, r.role, r.status])).toEqual([
      ['us-east-1', 'primary', 'pass'],
      ['eu-west-1', 'forwarder', 'pass'],
      ['ap-southeast-2', 'forwarder', 'pass'],
    ]);
  });

  it.each(BREAKAGES.map((b) => [b.name, b]))('%s is reported with its check, status and remedy, then repaired', async (_name, b) => {
    (b as Breakage).breakIt(sandbox);
    const broken = await runChecks();
    const { region, check, status, remedy } = b as Breakage;
    const r = broken.regions.find((x) => x.region === region)!;
    expect(r.checks.find((c) => c.check === check)).toMatchObject({ status, remedy: expect.stringMatching(remedy) });
    expect(r.status).toBe(status);
    expect(broken.status).toBe(status);
    const stored = await reader.call<AccountHealthReport>('GET', `${ACCOUNTS}/${sandbox.accountId}/health`);
    expect(stored).toEqual(broken);

    repair();
    expect((await runChecks()).status).toBe('pass');
  });

  it('a region where the role is denied is unknown with the reason, never a failure or a 5xx', async () => {
    sandbox.denyAccess('eu-west-1', 'events');
    try {
      const report = await runChecks();
      const eu = report.regions.find((r) => r.region === 'eu-west-1')!;
      expect(eu.status).toBe('unknown');
      expect(eu.checks.every((c) => c.status === 'unknown' || c.check === 'delivery')).toBe(true);
      expect(eu.checks[0].observed).toMatch(/AccessDenied/);
    } finally {
      sandbox.allowAccess('eu-west-1', 'events');
    }
  });

  it('the account list carries the health status; an unknown account is a 404', async () => {
    sandbox.pipeline.disableRule('eu-west-1');
    await runChecks();
    repair();
    const { items } = await reader.call<{ items: Array<{ accountId: string; healthStatus?: string }> }>('GET', ACCOUNTS);
    expect(items.find((a) => a.accountId === sandbox.accountId)?.healthStatus).toBe('fail');
    expect((await reader.request('GET', `${ACCOUNTS}/999999999999/health`)).status).toBe(404);
    expect((await admin.request('POST', `${ACCOUNTS}/999999999999/health-checks`, {})).status).toBe(404);
  });

  it('an on-demand run goes through the local state machine and can be polled; a region that broke and was repaired is in the history and, while broken, in the findings summary', async () => {
    // GIVEN a region broken, checked, repaired, checked again
    sandbox.pipeline.disableRule('eu-west-1');
    const res = await admin.request<AccountHealthReport>('POST', `${ACCOUNTS}/${sandbox.accountId}/health-checks`, {});
    expect(res.status).toBe(200);
    const location = res.headers.get('Location')!;
    expect(location).toMatch(new RegExp(`^/data-sources/aws/accounts/${sandbox.accountId}/health-checks/[0-9A-Z]{26}$`));
    const summary = await reader.call<{ pipeline: { failingRegions: number; accountsWithFailingRegion: number } }>('GET', '/findings/summary');
    expect(summary.pipeline).toEqual({ failingRegions: 1, accountsWithFailingRegion: 1 });
    repair();
    await runChecks();
    // THEN the run is SUCCEEDED with the report it answered
    expect(await reader.call('GET', location)).toMatchObject({ status: 'SUCCEEDED', report: res.body });
    // AND the history's newest entries are eu-west-1 recovering, after it turned failing
    const history = await reader.call<{ items: Array<{ region: string; kind: string; failedChecks: Array<{ check: string }> }> }>(
      'GET',
      `${ACCOUNTS}/${sandbox.accountId}/health/history?limit=2`,
    );
    expect(history.items.map((i) => [i.region, i.kind])).toEqual([
      ['eu-west-1', 'region-recovered'],
      ['eu-west-1', 'region-failing'],
    ]);
    expect(history.items[1].failedChecks.map((c) => c.check)).toEqual(['rule']);
  });
});
