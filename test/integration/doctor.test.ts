import { CloudFormationClient, DescribeStacksCommand, DescribeStackSetCommand, ListStackInstancesCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { type DoctorClients, type DoctorReport, runDoctor } from '../../cli/doctor-cli';
import { guardPipelineReads } from '../../lambdas/health/eventbridge-pipeline-clients';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';

/** The doctor with the customer's own credentials: EventBridge from the sandbox account, CloudTrail and CloudFormation mocked. */
const REGIONS = ['us-east-1', 'eu-west-1'];
const cloudTrail = mockClient(CloudTrailClient);
const cloudFormation = mockClient(CloudFormationClient);
let sandbox: Sandbox;
let clients: DoctorClients;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, estateSize: 45, regions: REGIONS });
  clients = {
    events: (region) => guardPipelineReads(new EventBridgeClient({ region, endpoint: sandbox.endpoint, credentials: sandbox.adminCredentials, maxAttempts: 1 })),
    cloudTrail: (region) => new CloudTrailClient({ region }),
    cloudFormation: (region) => new CloudFormationClient({ region }),
  };
});
afterAll(async () => sandbox.stop());
beforeEach(() => {
  cloudTrail.reset();
  cloudFormation.reset();
  sandbox.pipeline.repair();
  cloudTrail.on(DescribeTrailsCommand).resolves({ trailList: [{ Name: 'org-trail', TrailARN: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail', HomeRegion: 'us-east-1', IsMultiRegionTrail: true }] });
  cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
  cloudFormation.on(DescribeStacksCommand).resolves({
    Stacks: [{ StackName: 'aqtive-guard', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date(), Description: 'AQtive Guard AWS integration: … (template version 1.0.0)', Outputs: [{ OutputKey: 'TemplateVersion', OutputValue: '1.0.0' }] }],
  });
});

async function doctor(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDoctor(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) }, clients);
  return { code, out, err };
}
const rowsOf = (out: string) => (JSON.parse(out) as DoctorReport).rows;

describe('npm run doctor', () => {
  it('a healthy account: every check passes, exit 0, one row per region and check', async () => {
    const { code, out } = await doctor(['--regions', REGIONS.join(','), '--format', 'json']);
    expect(code).toBe(0);
    expect(rowsOf(out).map((r) => `${r.region} ${r.check} ${r.status}`)).toEqual([
      'us-east-1 rule pass', 'us-east-1 target pass', 'us-east-1 destination pass', 'us-east-1 connection pass', 'us-east-1 trail pass', 'us-east-1 stack pass',
      'eu-west-1 rule pass', 'eu-west-1 target pass', 'eu-west-1 trail pass', 'eu-west-1 stack pass',
    ]);
  });

  it('a trail that stopped logging and a deauthorized connection fail, with remedies; exit 1', async () => {
    cloudTrail.on(GetTrailStatusCommand).resolves({ IsLogging: false });
    sandbox.pipeline.deauthorizeConnection();
    const { code, out } = await doctor(['--regions', REGIONS.join(',')]);
    expect(code).toBe(1);
    expect(out).toMatch(/us-east-1\s+primary\s+connection\s+fail/);
    expect(out).toMatch(/eu-west-1\s+forwarder\s+trail\s+fail\s+Trail org-trail covers eu-west-1 but is not logging/);
    expect(out).toMatch(/→ Create a multi-region trail, or start logging/);
  });

  it('StackSets: an OUTDATED instance warns, a PrimaryRegion not among the deployed regions fails', async () => {
    cloudFormation.on(DescribeStackSetCommand).resolves({ StackSet: { StackSetName: 'aqg', Parameters: [{ ParameterKey: 'PrimaryRegion', ParameterValue: 'eu-central-1' }] } });
    cloudFormation.on(ListStackInstancesCommand).resolves({
      Summaries: [
        { Region: 'us-east-1', Account: '111122223333', Status: 'CURRENT', StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' } },
        { Region: 'eu-west-1', Account: '111122223333', Status: 'OUTDATED', StatusReason: 'User initiated stop' },
      ],
    });
    const { code, out } = await doctor(['--regions', REGIONS.join(','), '--stack-set', 'aqg', '--format', 'json']);
    expect(code).toBe(1);
    const rows = rowsOf(out);
    expect(rows.find((r) => r.region === 'eu-west-1' && r.check === 'stack')).toMatchObject({ status: 'warn', observed: expect.stringMatching(/OUTDATED/) });
    expect(rows.find((r) => r.region === 'eu-central-1')).toMatchObject({ check: 'stack', status: 'fail', observed: expect.stringMatching(/PrimaryRegion eu-central-1 is not among/) });
  });

  it('denied reads are unknown with the reason, never failures', async () => {
    cloudTrail.on(DescribeTrailsCommand).rejects(Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' }));
    sandbox.denyAccess('eu-west-1', 'events');
    try {
      const { code, out } = await doctor(['--regions', REGIONS.join(','), '--format', 'json']);
      expect(code).toBe(0);
      const rows = rowsOf(out);
      expect(rows.find((r) => r.region === 'eu-west-1' && r.check === 'rule')?.status).toBe('unknown');
      expect(rows.find((r) => r.check === 'trail')).toMatchObject({ status: 'unknown', observed: expect.stringMatching(/AccessDeniedException/) });
    } finally {
      sandbox.allowAccess('eu-west-1', 'events');
    }
  });

  it('bad arguments exit 2 naming the argument; --help documents the permissions', async () => {
    const bad = await doctor(['--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be table or json/);
    const help = await doctor(['--help']);
    expect(help.out).toMatch(/cloudtrail:GetTrailStatus/);
    expect(help.out).toMatch(/events:DescribeConnection/);
  });
});
