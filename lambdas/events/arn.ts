import { formatArn, parseArn } from '../shared/arn';

/** ARN helpers for the four asset services (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function isArn(value: unknown): value is `arn:${string}` {
  return typeof value === 'string' && value.startsWith('arn:');
}

const KMS_KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function isKmsKeyArn(value: unknown): value is `arn:${string}` {
  return isArn(value) && /:kms:[^:]*:[^:]*:key\//.test(value);
}

export function isBareKmsKeyId(value: unknown): value is string {
  return typeof value === 'string' && KMS_KEY_ID.test(value);
}

export function kmsKeyArn(region: string, accountId: string, keyId: string): string {
  return `arn:${partitionOf(region)}:kms:${region}:${accountId}:key/${keyId}`;
}

/** The key id at the end of a key ARN (or the value itself when it is already an id). */
export function kmsKeyIdOf(arnOrId: string): string {
  const i = arnOrId.lastIndexOf(':key/');
  return i >= 0 ? arnOrId.slice(i + 5) : arnOrId;
}

/** The same ARN in another Region (multi-Region key and secret replicas keep the id and change the Region). */
export function withRegion(arn: string, region: string): string {
  const parsed = parseArn(arn);
  return parsed ? formatArn({ ...parsed, region }) : arn;
}

/**
 * SSM parameter ARN from a name. Hierarchical names start with '/', and the ARN has a single slash
 * (`parameter/a/b`); flat names get one (`parameter/name`).
 */
export function ssmParameterArn(region: string, accountId: string, nameOrArn: string): string {
  if (isArn(nameOrArn)) return nameOrArn;
  const path = nameOrArn.startsWith('/') ? nameOrArn : `/${nameOrArn}`;
  return `arn:${partitionOf(region)}:ssm:${region}:${accountId}:parameter${path}`;
}

/** Inverse of ssmParameterArn: hierarchical names (containing '/') get their leading slash back. */
export function ssmParameterNameOf(arn: string): string {
  const rest = arn.slice(arn.indexOf(':parameter/') + ':parameter/'.length);
  return rest.includes('/') ? `/${rest}` : rest;
}

/** Secret name from its ARN: `…:secret:<name>-<6 random characters>`. */
export function secretNameOf(arn: string): string {
  const rest = arn.slice(arn.indexOf(':secret:') + ':secret:'.length);
  return rest.replace(/-[A-Za-z0-9]{6}$/, '');
}

/** EventBridge connections keep their credentials in secrets named `events!connection/<name>/<uuid>`: platform plumbing. */
export function isEventBridgeConnectionSecret(value: unknown): boolean {
  return typeof value === 'string' && value.includes('events!connection/');
}

export function lastSegment(value: string, separator = '/'): string {
  return value.slice(value.lastIndexOf(separator) + 1);
}
