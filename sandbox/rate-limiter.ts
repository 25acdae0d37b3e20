/**
 * Request quotas per (region, API), as AWS enforces them per account and Region: a token bucket per pair holding
 * up to one second of requests, refilled continuously. Past it the sandbox answers ThrottlingException.
 * Defaults: lambdas/shared/aws-quotas.ts, the same table the crawler paces itself at.
 */
import { AWS_REQUEST_QUOTAS, STS_SHARED_QUOTA } from '../lambdas/shared/aws-quotas';

/** Requests per second by API (`kms:ListKeys`…); `sts:*` is one pool shared by every STS API, as AWS shares it. */
export const AWS_DEFAULT_QUOTAS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.entries(AWS_REQUEST_QUOTAS).filter(([api]) => !api.startsWith('sts:'))),
  'sts:*': STS_SHARED_QUOTA,
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
