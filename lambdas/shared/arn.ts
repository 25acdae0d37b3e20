/**
 * The one ARN parser: `arn:partition:service:region:account-id:resource`, where the resource part may itself
 * contain colons (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  /** Empty for global resources (IAM roles, S3 buckets). */
  readonly region: string;
  /** Empty for resources without an owner account (S3 buckets). */
  readonly accountId: string;
  readonly resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, accountId] = parts as [string, string, string, string, string];
  return { partition, service, region, accountId, resource: parts.slice(5).join(':') };
}

export function formatArn(arn: ParsedArn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:${arn.resource}`;
}
