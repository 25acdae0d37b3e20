import { stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { inventoryToCbom } from '../lambdas/cbom/inventory-to-cbom';
import { crawlAccount, type AccountCrawlResult } from '../lambdas/discovery/crawl-account';
import { createCustomerClients, type CustomerClientOptions, type RegionClients } from '../lambdas/discovery/region-clients';
import { RegionSelectionError, resolveRegions } from '../lambdas/discovery/resolve-regions';
import { TokenBucketPacer, type RequestPacer } from '../lambdas/discovery/request-pacer';
import { plural } from './plural';
import { formatSummaryTable } from './scan-summary';
import { CredentialsError, verifyCredentials, type VerifyCredentialsOptions, type VerifiedIdentity } from '../lambdas/discovery/verify-credentials';

export const EXIT = { OK: 0, BAD_ARGUMENTS: 2, CREDENTIALS: 3, PARTIAL: 4 } as const;

export const SCAN_USAGE = `Usage: npm run scan -- [options]

Inventories KMS keys, ACM certificates, Secrets Manager secrets and SSM parameters of one AWS account, in every
Region, without reading any secret value. Uses the SDK's standard credential and configuration chain (profiles,
environment variables, AWS_ENDPOINT_URL* endpoint settings).

Options:
  --regions LIST       comma-separated Regions (e.g. us-east-1,eu-west-1) or "all" (default: all commercial Regions)
  --role-arn ARN       assume this role first (e.g. the AQtiveGuardReadOnlyAccessRole); requires --external-id
  --external-id ID     ExternalId for --role-arn
  --format FORMAT      table (summary, default) | json (full inventory) | cbom (CycloneDX 1.6 CBOM of the
                       inventory: keys, certificates, secrets and their algorithms; never a secret value)
  --out FILE           write the output to FILE (in an existing directory) instead of standard output
  -h, --help           show this help

Exit codes: 0 ok, 2 bad arguments, 3 credentials or role unusable, 4 finished but some Regions/services failed.`;

export type ScanFormat = 'table' | 'json' | 'cbom';
const SCAN_FORMATS: readonly string[] = ['table', 'json', 'cbom'] satisfies readonly ScanFormat[];

export class ScanArgumentError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScanArgumentError';
  }
}

export interface ScanOptions {
  readonly regions: string[];
  readonly roleArn?: string;
  readonly externalId?: string;
  readonly format: ScanFormat;
  readonly out?: string;
  readonly help: boolean;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function parseScanArgs(argv: readonly string[]): ScanOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        regions: { type: 'string' },
        'role-arn': { type: 'string' },
        'external-id': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    const message = (err as Error).message;
    throw new ScanArgumentError(/'(--?[\w-]+)/.exec(message)?.[1] ?? 'arguments', message);
  }
  if (values.help) return { regions: [], format: 'table', help: true };
  const format = (values.format as string | undefined) ?? 'table';
  if (!SCAN_FORMATS.includes(format)) throw new ScanArgumentError('--format', `--format must be table, json or cbom, got "${format}"`);
  const roleArn = values['role-arn'] as string | undefined;
  const externalId = values['external-id'] as string | undefined;
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn))
    throw new ScanArgumentError('--role-arn', `--role-arn must be an IAM role ARN (arn:aws:iam::123456789012:role/Name), got "${roleArn}"`);
  if (roleArn && !externalId) throw new ScanArgumentError('--external-id', '--external-id is required with --role-arn');
  if (externalId !== undefined && !roleArn) throw new ScanArgumentError('--role-arn', '--external-id needs --role-arn');
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId))
    throw new ScanArgumentError('--external-id', '--external-id must be 2–1224 characters of [A-Za-z0-9+=,.@:/_-]');
  const out = values.out as string | undefined;
  if (out === '') throw new ScanArgumentError('--out', '--out needs a file name');
  let regions: string[];
  try {
    const raw = values.regions as string | undefined;
    regions = resolveRegions(raw === undefined ? undefined : raw.split(',').map((r) => r.trim()).filter(Boolean));
  } catch (err) {
    if (err instanceof RegionSelectionError) throw new ScanArgumentError('--regions', `--regions: ${err.message}`);
    throw err;
  }
  return { regions, format: format as ScanFormat, help: false, ...(roleArn ? { roleArn } : {}), ...(externalId ? { externalId } : {}), ...(out ? { out } : {}) };
}

export interface ScanDependencies {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly verify: (options: VerifyCredentialsOptions) => Promise<VerifiedIdentity>;
  readonly clientsFor: (options: CustomerClientOptions) => RegionClients;
  readonly pacer: RequestPacer;
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** Whether `path` is an existing directory (checked for --out before the crawl, not after it). */
  readonly isDirectory: (path: string) => Promise<boolean>;
  readonly now: () => Date;
}

export const defaultScanDependencies = (): ScanDependencies => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  verify: verifyCredentials,
  clientsFor: createCustomerClients,
  pacer: new TokenBucketPacer(),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  isDirectory: (path) => stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  ),
  now: () => new Date(),
});

/** The whole `scan` command; returns the exit code. */
export async function runScan(argv: readonly string[], deps: ScanDependencies = defaultScanDependencies()): Promise<number> {
  let options: ScanOptions;
  try {
    options = parseScanArgs(argv);
  } catch (err) {
    if (!(err instanceof ScanArgumentError)) throw err;
    deps.stderr(`scan: ${err.message}\n\n${SCAN_USAGE}\n`);
    return EXIT.BAD_ARGUMENTS;
  }
  if (options.help) {
    deps.stdout(`${SCAN_USAGE}\n`);
    return EXIT.OK;
  }
  if (options.out !== undefined && !(await deps.isDirectory(dirname(options.out)))) {
    deps.stderr(`scan: --out ${options.out}: directory ${dirname(options.out)} does not exist\n`);
    return EXIT.BAD_ARGUMENTS;
  }

  const access = { ...(options.roleArn ? { roleArn: options.roleArn, externalId: options.externalId } : {}) };
  let identity: VerifiedIdentity;
  try {
    identity = await deps.verify(access);
  } catch (err) {
    if (!(err instanceof CredentialsError)) throw err;
    const what = err.stage === 'assume-role' ? `role ${options.roleArn} could not be assumed` : 'AWS credentials are not usable';
    deps.stderr(`scan: ${what} [${err.reason}]: ${err.message}\n`);
    return EXIT.CREDENTIALS;
  }
  deps.stderr(`scan: account ${identity.accountId} as ${identity.arn}; ${plural(options.regions.length, 'Region')}\n`);

  const startedAt = deps.now();
  const result = await crawlAccount({
    accountId: identity.accountId,
    regions: options.regions,
    clientsFor: (region) => deps.clientsFor({ region, ...access }),
    pacer: deps.pacer,
    onProgress: (e) => {
      if (e.kind === 'finished') {
        const o = e.outcome;
        const detail = o.error ? ` ${o.error.code}: ${o.error.message}` : '';
        deps.stderr(`  ${e.region.padEnd(15)} ${e.service.padEnd(15)} ${o.status.padEnd(13)} ${plural(o.assets, 'asset').padStart(13)}${detail}\n`);
      }
    },
  });

  const output = formatOutput(options.format, identity, options.regions, startedAt, result, deps.now());
  if (options.out) await deps.writeFile(options.out, output);
  else deps.stdout(output);

  const failed = result.outcomes.filter((o) => o.outcome.status === 'FAILED' || o.outcome.status === 'ACCESS_DENIED');
  if (failed.length > 0) {
    // Each failure's error was printed as its crawl finished (above); this line only says which ones.
    deps.stderr(`scan: finished with ${plural(failed.length, 'failed crawl')}: ${failed.map((f) => `${f.region}/${f.service} ${f.outcome.status}`).join(', ')}\n`);
    return EXIT.PARTIAL;
  }
  return EXIT.OK;
}

function jsonInventory(identity: VerifiedIdentity, regions: readonly string[], startedAt: Date, result: AccountCrawlResult) {
  return {
    accountId: identity.accountId,
    observedAt: startedAt.toISOString(),
    regions,
    crawls: result.outcomes.map((o) => ({ region: o.region, service: o.service, ...o.outcome })),
    assets: result.assets,
  };
}

function formatOutput(format: ScanFormat, identity: VerifiedIdentity, regions: readonly string[], startedAt: Date, result: AccountCrawlResult, now: Date): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(jsonInventory(identity, regions, startedAt, result), null, 2)}\n`;
    case 'cbom': {
      // A partial crawl still yields a CBOM (exit code 4 says so); its metadata names what is missing.
      const failed = result.outcomes.filter((o) => o.outcome.status === 'FAILED' || o.outcome.status === 'ACCESS_DENIED').map((o) => `${o.region}/${o.service}`);
      const cbom = inventoryToCbom(result.assets, {
        generatedAt: now,
        subject: `AWS account ${identity.accountId}`,
        properties: { 'aqg:aws:accountId': identity.accountId, 'aqg:observedAt': startedAt.toISOString(), 'aqg:regions': regions.join(','), ...(failed.length ? { 'aqg:failedCrawls': failed.join(',') } : {}) },
      });
      return `${JSON.stringify(cbom, null, 2)}\n`;
    }
    case 'table':
      return formatSummaryTable(result, now);
  }
}
