/**
 * Starts the sandbox account and prints how to reach it, e.g.
 *   npx tsx bin/sandbox.ts --port 4566 --seed 7
 * then, in another shell, the printed exports and `npm run scan -- --role-arn … --external-id …`.
 * Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { countAssets } from '../sandbox/estate/estate';
import { startSandbox } from '../sandbox/sandbox';
import { formatSandboxBanner } from '../sandbox/sandbox-banner';

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a non-negative integer, got ${value}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      regions: { type: 'string' },
      'external-id': { type: 'string' },
      quotas: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.quotas !== undefined && values.quotas !== 'aws-default') {
    process.stderr.write(`--quotas accepts only aws-default, got ${values.quotas}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox({
    port: intOption('port', values.port) ?? 0,
    seed: intOption('seed', values.seed),
    estateSize: intOption('size', values.size),
    regions: values.regions?.split(',').map((r) => r.trim()).filter(Boolean),
    externalId: values['external-id'],
    quotas: values.quotas === 'aws-default' ? 'aws-default' : undefined,
  });
  const info = {
    endpoint: sandbox.endpoint,
    accountId: sandbox.accountId,
    roleArn: sandbox.roleArn,
    externalId: sandbox.externalId,
    accessKeyId: sandbox.adminCredentials.accessKeyId,
    secretAccessKey: sandbox.adminCredentials.secretAccessKey,
    regions: sandbox.regions,
    disabledRegions: sandbox.disabledRegions,
    assets: countAssets(sandbox.estate),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } else {
    process.stdout.write(formatSandboxBanner(info));
  }
  const stop = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
