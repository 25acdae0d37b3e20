import { plural } from '../cli/plural';

/** What `npm run sandbox` prints: the account, and the shell lines that point the SDK (and `scan`) at it. */
export interface SandboxBannerInfo {
  readonly endpoint: string;
  readonly accountId: string;
  readonly roleArn: string;
  readonly externalId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly regions: readonly string[];
  readonly disabledRegions: readonly string[];
  readonly assets: number;
}

export function formatSandboxBanner(info: SandboxBannerInfo): string {
  return [
    `Sandbox account ${info.accountId} on ${info.endpoint}: ${plural(info.assets, 'asset')} in ${info.regions.join(', ')}`,
    `Regions not enabled (they reject every request, as in AWS): ${info.disabledRegions.join(', ') || 'none'}`,
    '',
    `export AWS_ENDPOINT_URL=${info.endpoint}`,
    `export AWS_ACCESS_KEY_ID=${info.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${info.secretAccessKey}`,
    'unset AWS_SESSION_TOKEN AWS_PROFILE',
    `npm run scan -- --regions ${info.regions.join(',')} --role-arn ${info.roleArn} --external-id ${info.externalId}`,
    '',
    'Ctrl-C to stop.',
    '',
  ].join('\n');
}
