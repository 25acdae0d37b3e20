/**
 * Per (Region, API) request pacing at the AWS quota. AWS request quotas are per account, per Region, per API
 * (each KMS quota "is calculated independently"), so one token bucket per (region, api) lets every limiter run at
 * its own rate at the same time. Shared by every crawl in the process.
 */
import { AWS_REQUEST_QUOTAS } from '../shared/aws-quotas';

export interface RequestPacer {
  /** Resolves when one request to `api` (e.g. "kms:DescribeKey") in `region` may be sent. */
  acquire(region: string, api: string): Promise<void>;
}

/** Default requests per second: AWS's documented quotas (lambdas/shared/aws-quotas.ts). */
export const DEFAULT_QUOTAS: Readonly<Record<string, number>> = AWS_REQUEST_QUOTAS;

/** Rate for an API absent from the table: conservative. */
const FALLBACK_RPS = 5;

export interface TokenBucketPacerOptions {
  /** Overrides per "service:Operation" (requests per second). */
  readonly quotas?: Readonly<Record<string, number>>;
  /**
   * Fraction of the quota to use. The quotas count every caller in the customer's account and Region (KMS: "from all
   * principals in the AWS account"), so running at exactly 100 % leaves no room for the customer's own calls and turns
   * every bit of network jitter into ThrottlingExceptions, each costing a backoff. @default 0.95
   */
  readonly utilization?: number;
  /**
   * Seconds of quota the pacer may send at once (its bucket's size). AWS lets up to a second of quota through at
   * once; spending only half of that leaves the rest as slack for requests that arrive bunched up (network and
   * event-loop jitter) and for the customer's own calls, which share the quota. @default 0.5
   */
  readonly burstSeconds?: number;
  /** Clock in milliseconds. @default Date.now */
  readonly now?: () => number;
  /** @default setTimeout-based sleep */
  readonly sleep?: (ms: number) => Promise<void>;
}

interface Bucket {
  tokens: number;
  last: number;
  /** Serializes waiters so they are served in arrival order. */
  tail: Promise<void>;
}

/**
 * Token bucket per (region, api), refilled continuously at the quota, holding `burstSeconds` of it: the steady rate is
 * the quota, and a burst never takes all of the one second AWS allows.
 */
export class TokenBucketPacer implements RequestPacer {
  private readonly buckets = new Map<string, Bucket>();
  private readonly quotas: Readonly<Record<string, number>>;
  private readonly utilization: number;
  private readonly burstSeconds: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: TokenBucketPacerOptions = {}) {
    this.quotas = { ...DEFAULT_QUOTAS, ...options.quotas };
    this.utilization = options.utilization ?? 0.95;
    this.burstSeconds = options.burstSeconds ?? 0.5;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  rateOf(api: string): number {
    return Math.max(0.1, (this.quotas[api] ?? FALLBACK_RPS) * this.utilization);
  }

  acquire(region: string, api: string): Promise<void> {
    const key = `${region}|${api}`;
    const rate = this.rateOf(api);
    const capacity = Math.max(1, rate * this.burstSeconds);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: capacity, last: this.now(), tail: Promise.resolve() };
      this.buckets.set(key, bucket);
    }
    const b = bucket;
    const turn = b.tail.then(async () => {
      for (;;) {
        const t = this.now();
        b.tokens = Math.min(capacity, b.tokens + ((t - b.last) / 1000) * rate);
        b.last = t;
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await this.sleep(Math.ceil(((1 - b.tokens) / rate) * 1000));
      }
    });
    b.tail = turn;
    return turn;
  }
}

/** No pacing (tests, or a caller that relies on the SDK's adaptive retry alone). */
export const UNPACED: RequestPacer = { acquire: async () => undefined };
