/**
 * Request quotas per (region, API), as AWS enforces them per account and Region: a token bucket per pair holding
 * up to one second of requests, refilled continuously. Past it the sandbox answers ThrottlingException.
 * Defaults: ../../../shared/aws-facts.md §1.1 (https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html,
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-limits.html, …). SSM publishes none: 10 rps assumed.
 */

/** Requests per second by API (`kms:ListKeys`…); `sts:*` is one pool shared by every STS API, as AWS shares it. */
export const AWS_DEFAULT_QUOTAS: Readonly<Record<string, number>> = {
  'kms:ListKeys': 500,
  'kms:ListAliases': 500,
  'kms:DescribeKey': 2000,
  'kms:GetKeyPolicy': 1000,
  'kms:GetKeyRotationStatus': 1000,
  'kms:ListResourceTags': 2000,
  'acm:ListCertificates': 8,
  'acm:DescribeCertificate': 10,
  'acm:GetCertificate': 10,
  'acm:ListTagsForCertificate': 10,
  'secretsmanager:ListSecrets': 100,
  'secretsmanager:DescribeSecret': 40000,
  'ssm:DescribeParameters': 10,
  'ssm:ListTagsForResource': 10,
  'sts:*': 600,
};

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * @param quotas requests per second by API; an API absent from the map is not limited.
   * @param nowMs monotonic milliseconds (injectable for tests).
   */
  constructor(
    private readonly quotas: Readonly<Record<string, number>>,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Takes one request from the (region, API) bucket; false = throttle it. */
  tryAcquire(region: string, api: string): boolean {
    const quotaKey = api.startsWith('sts:') && this.quotas[api] === undefined ? 'sts:*' : api;
    const rps = this.quotas[quotaKey];
    if (rps === undefined) return true;
    const key = `${region}|${quotaKey}`;
    const now = this.nowMs();
    const capacity = Math.max(1, rps);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rps);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** The quotas to enforce: none, AWS's defaults scaled by `scale`, or explicit ones (also scaled). */
export function resolveQuotas(quotas: Readonly<Record<string, number>> | 'aws-default' | undefined, scale = 1): Record<string, number> {
  const base = quotas === 'aws-default' ? AWS_DEFAULT_QUOTAS : (quotas ?? {});
  return Object.fromEntries(Object.entries(base).map(([api, rps]) => [api, rps * scale]));
}
