import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DoctorReport, defaultDoctorClients, runDoctor } from '../../cli/doctor-cli';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';

/**
 * The doctor end to end over real HTTP: the SDK's own EventBridge, CloudTrail and CloudFormation clients, built by the
 * doctor from the standard credential chain and AWS_ENDPOINT_URL, against the sandbox account (JSON 1.1 for
 * EventBridge and CloudTrail, the query protocol for CloudFormation).
 */
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const ENV_NAMES = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;
let sandbox: Sandbox;
const saved: Partial<Record<(typeof ENV_NAMES)[number], string>> = {};

function customerEnvironment(): Record<string, string> {
  return { AWS_ENDPOINT_URL: sandbox.endpoint, AWS_ACCESS_KEY_ID: sandbox.adminCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: sandbox.adminCredentials.secretAccessKey };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, estateSize: 45, regions: REGIONS });
  for (const name of ENV_NAMES) {
    saved[name] = process.env[name];
    delete process.env[name];
  }
  Object.assign(process.env, customerEnvironment());
});
afterAll(async () => {
  for (const name of ENV_NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await sandbox.stop();
});
afterEach(() => {
  sandbox.pipeline.repair();
  sandbox.trails.startLogging();
});

async function doctor(args: string[]): Promise<{ code: number; report: DoctorReport }> {
  let out = '';
  const code = await runDoctor([...args, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined }, defaultDoctorClients);
  return { code, report: JSON.parse(out) as DoctorReport };
}
const row = (report: DoctorReport, region: string, check: string) => report.rows.find((r) => r.region === region && r.check === check);

describe('npm run doctor against the sandbox account', () => {
  it('the template as deployed, with a logging multi-region trail: every check passes, read through the real protocols', async () => {
    sandbox.resetStats();
    const { code, report } = await doctor(['--regions', REGIONS.join(',')]);
    expect(report.rows.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(code).toBe(0);
    expect(row(report, 'eu-west-1', 'trail')?.observed).toBe('Trail management-events is logging.');
    expect(row(report, 'ap-southeast-2', 'stack')?.observed).toBe('aqtive-guard is CREATE_COMPLETE (template 1.0.0).');
    const { byApi } = sandbox.stats();
    for (const api of ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudformation:DescribeStacks']) expect(byApi[api]).toBe(REGIONS.length);
  });

  it('a trail that stopped logging fails the trail check in every region it covered; exit 1', async () => {
    sandbox.trails.stopLogging();
    const { code, report } = await doctor(['--regions', REGIONS.join(',')]);
    expect(code).toBe(1);
    for (const region of REGIONS) {
      expect(row(report, region, 'trail')).toMatchObject({
        status: 'fail',
        observed: `Trail management-events covers ${region} but is not logging.`,
        remedy: expect.stringContaining('start logging'),
      });
    }
  });

  it('a single-region trail covers only its home region', async () => {
    sandbox.trails.stopLogging();
    sandbox.trails.add({ name: 'eu-only', homeRegion: 'eu-west-1', isMultiRegionTrail: false });
    try {
      const { report } = await doctor(['--regions', REGIONS.join(',')]);
      expect(row(report, 'eu-west-1', 'trail')).toMatchObject({ status: 'pass', observed: 'Trail eu-only is logging.' });
      expect(row(report, 'us-east-1', 'trail')?.status).toBe('fail');
    } finally {
      sandbox.trails.remove('eu-only');
    }
  });

  it('a stack that rolled back fails with its reason; one named and not found fails as not deployed', async () => {
    sandbox.stacks.setStackStatus('eu-west-1', 'UPDATE_ROLLBACK_COMPLETE', 'Resource handler returned message: "Access denied"');
    try {
      const { report } = await doctor(['--regions', REGIONS.join(',')]);
      expect(row(report, 'eu-west-1', 'stack')).toMatchObject({ status: 'fail', observed: expect.stringContaining('UPDATE_ROLLBACK_COMPLETE (Resource handler returned message') });
      const named = await doctor(['--regions', 'us-east-1', '--stack-name', 'not-ours']);
      expect(row(named.report, 'us-east-1', 'stack')).toMatchObject({ status: 'fail', observed: 'No AQtive Guard stack or StackSet instance in us-east-1.' });
    } finally {
      sandbox.stacks.setStackStatus('eu-west-1', 'CREATE_COMPLETE');
    }
  });

  it('a StackSet: an OUTDATED instance warns, a failed one fails, and a PrimaryRegion never deployed is reported', async () => {
    sandbox.stacks.createStackSet('aqtive-guard-set', { regions: REGIONS, primaryRegion: 'us-east-1' });
    sandbox.stacks.setInstanceStatus('aqtive-guard-set', 'eu-west-1', { status: 'OUTDATED', detailedStatus: 'SUCCEEDED', statusReason: 'The stack set was updated after this instance' });
    sandbox.stacks.setInstanceStatus('aqtive-guard-set', 'ap-southeast-2', { status: 'INOPERABLE', detailedStatus: 'INOPERABLE', statusReason: 'Stack deleted outside the StackSet' });
    sandbox.resetStats();
    const { code, report } = await doctor(['--regions', REGIONS.join(','), '--stack-set', 'aqtive-guard-set']);
    expect(code).toBe(1);
    expect(row(report, 'us-east-1', 'stack')?.status).toBe('pass');
    expect(row(report, 'eu-west-1', 'stack')).toMatchObject({
      status: 'warn',
      observed: `StackSet instance aqtive-guard-set (${sandbox.accountId} eu-west-1) is OUTDATED (The stack set was updated after this instance).`,
    });
    expect(row(report, 'ap-southeast-2', 'stack')).toMatchObject({ status: 'fail', observed: expect.stringContaining('INOPERABLE/INOPERABLE') });
    expect(sandbox.stats().byApi['cloudformation:ListStackInstances']).toBe(1);

    sandbox.stacks.createStackSet('wrong-primary', { regions: ['eu-west-1'], primaryRegion: 'ca-central-1' });
    const wrong = await doctor(['--regions', 'eu-west-1', '--stack-set', 'wrong-primary']);
    expect(wrong.report.rows.find((r) => r.region === 'ca-central-1')).toMatchObject({ check: 'stack', status: 'fail', observed: expect.stringContaining('PrimaryRegion ca-central-1 is not among its deployed regions') });
  });

  it('an unknown StackSet and denied CloudTrail are unknown with the reason, never a failure', async () => {
    sandbox.denyAccess('eu-west-1', 'cloudtrail');
    try {
      const { report } = await doctor(['--regions', 'us-east-1,eu-west-1', '--stack-set', 'no-such-set']);
      expect(row(report, 'eu-west-1', 'trail')).toMatchObject({ status: 'unknown', observed: expect.stringContaining('AccessDeniedException') });
      expect(row(report, 'us-east-1', 'trail')?.status).toBe('pass');
      expect(row(report, 'us-east-1', 'stack')).toMatchObject({ status: 'unknown', observed: expect.stringContaining('StackSetNotFoundException: StackSet no-such-set not found') });
    } finally {
      sandbox.allowAccess('eu-west-1', 'cloudtrail');
    }
  });

  it('as a customer runs it: `npm run doctor` in its own process, table output, exit code 1 with a trail not logging', async () => {
    sandbox.trails.stopLogging();
    const run = promisify(execFile)(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, '../../bin/doctor.ts'), '--regions', 'us-east-1,eu-west-1'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...customerEnvironment() },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/eu-west-1\s+forwarder\s+trail\s+fail\s+Trail management-events covers eu-west-1 but is not logging/) });
  }, 60_000);
});
