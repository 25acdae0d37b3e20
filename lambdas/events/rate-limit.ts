/**
 * Per-token rate limit of the events endpoint: a fixed one-second window per token, counted in the control table, so
 * one tenant's flood is answered 429 (EventBridge retries 429 with backoff:
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html) instead of filling the queue ahead
 * of every other tenant's events. Fixed windows admit up to twice the limit across a window edge; that slack is fine
 * for a fairness bound.
 */
export interface RateCounter {
  /** Adds one to the token's count for this window and returns the new count. */
  increment(tokenId: string, windowStartSeconds: number): Promise<number>;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the next window (the `Retry-After` header) when refused. */
  readonly retryAfterSeconds: number;
}

/**
 * Default events per second per token: twice the customer template's default API-destination rate (300/s,
 * lib/customer-template/parameters.ts), so a well-configured account is never limited.
 */
export const DEFAULT_EVENTS_PER_SECOND = 600;

/**
 * Default API requests per second per token (every route but the events endpoint): a console page makes a handful of
 * requests and a script paging the inventory one at a time, so 50/s never limits a person or a well-behaved script,
 * and one token's flood cannot take the tables' capacity from other tenants.
 */
export const DEFAULT_API_REQUESTS_PER_SECOND = 50;

/** Takes one request from a token's allowance. */
export interface RateLimit {
  take(tokenId: string): Promise<RateDecision>;
}

/**
 * A window's count only grows, so a token found over its limit stays refused until the window ends: this instance
 * remembers that and refuses the rest of a flood without another counter write. A flood then costs one write per
 * window and instance, and the table's capacity stays with the other tenants.
 */
export class TokenRateLimiter implements RateLimit {
  private refusedWindow = -1;
  private readonly refused = new Set<string>();

  constructor(
    private readonly counter: RateCounter,
    private readonly perSecond: number = DEFAULT_EVENTS_PER_SECOND,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async take(tokenId: string): Promise<RateDecision> {
    const window = Math.floor(this.now().getTime() / 1000);
    if (window !== this.refusedWindow) {
      this.refused.clear();
      this.refusedWindow = window;
    }
    if (this.refused.has(tokenId)) return { allowed: false, retryAfterSeconds: 1 };
    const count = await this.counter.increment(tokenId, window);
    const allowed = count <= this.perSecond;
    if (!allowed && window === this.refusedWindow) this.refused.add(tokenId);
    return { allowed, retryAfterSeconds: 1 };
  }
}
