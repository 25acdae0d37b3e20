import { parseArgs } from 'node:util';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { TEMPLATE_VERSION } from '../lib/customer-template/version';
import { RegionSelectionError, resolveRegions } from '../lambdas/discovery/resolve-regions';
import { TokenBucketPacer } from '../lambdas/discovery/request-pacer';
import { checkAccountHealth } from '../lambdas/health/check-account-health';
import { createPipelineClient, EventBridgePipelineReader } from '../lambdas/health/eventbridge-pipeline-clients';
import { type CheckStatus, worstStatus } from '../lambdas/health/health-model';
import { TEMPLATE_PIPELINE_NAMES } from '../lambdas/health/pipeline-names';
import { type DoctorCheckResult, stackCheck, trailCheck } from './doctor/doctor-checks';
import { observeStack, observeStackSet, observeTrails } from './doctor/customer-observations';

export const DOCTOR_EXIT = { OK: 0, FAILURES: 1, BAD_ARGUMENTS: 2 } as const;

export const DOCTOR_USAGE = `Usage: npm run doctor -- [options]

Checks this account's AQtive Guard event pipeline with YOUR credentials (the SDK's standard chain: profiles,
environment variables, AWS_ENDPOINT_URL*): the same rule, target, API destination and connection checks AQtive Guard
makes through its role, plus what only you can see — a CloudTrail trail logging in each region, and the status of the
stack or StackSet instances that deploy the template.

Options:
  --regions LIST       comma-separated regions, or "all" (default: all commercial regions)
  --stack-set NAME     check this StackSet's instances and its PrimaryRegion (default: the stack in each region
                       whose description names the AQtive Guard template)
  --stack-name NAME    the stack's name in each region (default: found by its description)
  --format FORMAT      table (default) | json
  --help               show this help

Permissions it needs (read-only): events:DescribeRule, events:ListTargetsByRule, events:DescribeApiDestination,
events:DescribeConnection, cloudtrail:DescribeTrails, cloudtrail:GetTrailStatus, cloudformation:DescribeStacks, and
with --stack-set cloudformation:DescribeStackSet and cloudformation:ListStackInstances (from the StackSet's
administrator account). A check it is not allowed to make is reported as unknown, never as a failure.

Exit codes: 0 nothing failed (warnings and unknowns allowed), 1 some check failed, 2 bad arguments.`;

export interface DoctorOptions {
  readonly regions: string[];
  readonly stackSet?: string;
  readonly stackName?: string;
  readonly format: 'table' | 'json';
  readonly help: boolean;
}

export class DoctorArgumentError extends Error {
  constructor(readonly argument: string, message: string) {
    super(message);
    this.name = 'DoctorArgumentError';
  }
}

export function parseDoctorArgs(argv: readonly string[]): DoctorOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        regions: { type: 'string' },
        'stack-set': { type: 'string' },
        'stack-name': { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new DoctorArgumentError('arguments', err instanceof Error ? err.message : String(err));
  }
  const format = (values.format as string | undefined) ?? 'table';
  if (format !== 'table' && format !== 'json') throw new DoctorArgumentError('--format', `--format must be table or json, got ${format}`);
  let regions: string[];
  try {
    regions = resolveRegions(typeof values.regions === 'string' ? values.regions.split(',').map((r) => r.trim()).filter(Boolean) : null);
  } catch (err) {
    if (err instanceof RegionSelectionError) throw new DoctorArgumentError('--regions', `--regions: ${err.message}`);
    throw err;
  }
  return {
    regions,
    ...(typeof values['stack-set'] === 'string' && { stackSet: values['stack-set'] }),
    ...(typeof values['stack-name'] === 'string' && { stackName: values['stack-name'] }),
    format,
    help: values.help === true,
  };
}

export interface DoctorRow {
  readonly region: string;
  readonly role?: 'primary' | 'forwarder';
  readonly check: string;
  readonly status: CheckStatus;
  readonly observed: string;
  readonly remedy: string;
}

export interface DoctorReport {
  readonly status: CheckStatus;
  readonly checkedAt: string;
  readonly rows: readonly DoctorRow[];
}

export interface DoctorClients {
  readonly events: (region: string) => EventBridgeClient;
  readonly cloudTrail: (region: string) => CloudTrailClient;
  readonly cloudFormation: (region: string) => CloudFormationClient;
}

export const defaultDoctorClients: DoctorClients = {
  events: (region) => createPipelineClient({ region }),
  cloudTrail: (region) => new CloudTrailClient({ region, maxAttempts: 5 }),
  cloudFormation: (region) => new CloudFormationClient({ region, maxAttempts: 5 }),
};

/** Every check in every region; the backend-only delivery check is left out (only AQtive Guard sees deliveries). */
export async function runDoctorChecks(options: DoctorOptions, clients: DoctorClients, now: () => Date = () => new Date()): Promise<DoctorReport> {
  const pacer = new TokenBucketPacer();
  const cache = new Map<string, EventBridgeClient>();
  const eventsFor = (region: string) => {
    if (!cache.has(region)) cache.set(region, clients.events(region));
    return cache.get(region)!;
  };
  const health = await checkAccountHealth(
    { accountId: 'self', regions: options.regions, names: TEMPLATE_PIPELINE_NAMES, delivery: () => ({}) },
    { reader: new EventBridgePipelineReader(eventsFor, TEMPLATE_PIPELINE_NAMES, pacer), now, currentTemplateVersion: TEMPLATE_VERSION },
  );
  const stackSet = options.stackSet ? await observeStackSet(clients.cloudFormation(options.regions[0]), options.stackSet) : undefined;
  const rows: DoctorRow[] = [];
  for (const region of health.regions) {
    for (const c of region.checks) if (c.check !== 'delivery') rows.push({ region: region.region, role: region.role, ...c });
    const extra: DoctorCheckResult[] = [trailCheck(region.region, await observeTrails(clients.cloudTrail(region.region)))];
    if (stackSet && 'unknown' in stackSet) extra.push(stackCheck(region.region, stackSet, TEMPLATE_VERSION));
    else if (stackSet) extra.push(stackCheck(region.region, stackSet.instances.get(region.region), TEMPLATE_VERSION, stackSet.primaryRegion));
    else extra.push(stackCheck(region.region, await observeStack(clients.cloudFormation(region.region), options.stackName), TEMPLATE_VERSION));
    for (const c of extra) rows.push({ region: region.region, role: region.role, ...c });
  }
  if (stackSet && !('unknown' in stackSet) && stackSet.primaryRegion && !stackSet.instances.has(stackSet.primaryRegion)) {
    rows.push({
      region: stackSet.primaryRegion,
      check: 'stack',
      status: 'fail',
      observed: `The StackSet's PrimaryRegion ${stackSet.primaryRegion} is not among its deployed regions: no region can deliver.`,
      remedy: `Add ${stackSet.primaryRegion} to the StackSet's stack instances (or set PrimaryRegion to a deployed region where API destinations exist).`,
    });
  }
  return { status: worstStatus(rows.map((r) => r.status)), checkedAt: health.checkedAt, rows };
}

export function formatDoctorTable(report: DoctorReport): string {
  const lines = [`AQtive Guard pipeline doctor — ${report.status.toUpperCase()} (${report.checkedAt})`, ''];
  lines.push(`${'REGION'.padEnd(16)}${'ROLE'.padEnd(11)}${'CHECK'.padEnd(13)}${'STATUS'.padEnd(9)}OBSERVED`);
  for (const r of report.rows) {
    lines.push(`${r.region.padEnd(16)}${(r.role ?? '').padEnd(11)}${r.check.padEnd(13)}${r.status.padEnd(9)}${r.observed}`);
    if (r.status !== 'pass') lines.push(`${''.padEnd(49)}→ ${r.remedy}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runDoctor(
  argv: readonly string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
  clients: DoctorClients = defaultDoctorClients,
): Promise<number> {
  let options: DoctorOptions;
  try {
    options = parseDoctorArgs(argv);
  } catch (err) {
    if (err instanceof DoctorArgumentError) {
      io.stderr(`doctor: ${err.message}\n\n${DOCTOR_USAGE}\n`);
      return DOCTOR_EXIT.BAD_ARGUMENTS;
    }
    throw err;
  }
  if (options.help) {
    io.stdout(`${DOCTOR_USAGE}\n`);
    return DOCTOR_EXIT.OK;
  }
  const report = await runDoctorChecks(options, clients);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorTable(report));
  return report.rows.some((r) => r.status === 'fail') ? DOCTOR_EXIT.FAILURES : DOCTOR_EXIT.OK;
}
