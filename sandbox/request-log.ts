/** What happened on the wire: request counts per (region, API) for benchmarks, and the violations tests assert on. */

export interface Violation {
  /** `secret-read`: a refused call that reads secret material; `predefined-alias-describe`: a DescribeKey that would create an AWS-managed key. */
  readonly kind: 'secret-read' | 'predefined-alias-describe';
  readonly region: string;
  /** `<service>:<Operation>`, e.g. `secretsmanager:GetSecretValue`. */
  readonly api: string;
  readonly accessKeyId: string;
  /** The caller's ARN when the access key is known. */
  readonly principalArn?: string;
  readonly detail: string;
  readonly at: string;
}

export interface RequestStats {
  /** Total requests received (every outcome). */
  readonly total: number;
  /** Requests by region, then by API (`kms:ListKeys`…). */
  readonly byRegion: Record<string, Record<string, number>>;
  /** Requests by API over all regions. */
  readonly byApi: Record<string, number>;
  /** Requests answered with ThrottlingException, by API. */
  readonly throttledByApi: Record<string, number>;
}

export class RequestLog {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly throttled = new Map<string, number>();
  private readonly recorded: Violation[] = [];

  count(region: string, api: string): void {
    let perRegion = this.counts.get(region);
    if (!perRegion) {
      perRegion = new Map();
      this.counts.set(region, perRegion);
    }
    perRegion.set(api, (perRegion.get(api) ?? 0) + 1);
  }

  countThrottled(api: string): void {
    this.throttled.set(api, (this.throttled.get(api) ?? 0) + 1);
  }

  violation(v: Violation): void {
    this.recorded.push(v);
  }

  violations(): readonly Violation[] {
    return [...this.recorded];
  }

  stats(): RequestStats {
    const byRegion: Record<string, Record<string, number>> = {};
    const byApi: Record<string, number> = {};
    let total = 0;
    for (const [region, perApi] of this.counts) {
      byRegion[region] = Object.fromEntries(perApi);
      for (const [api, n] of perApi) {
        byApi[api] = (byApi[api] ?? 0) + n;
        total += n;
      }
    }
    return { total, byRegion, byApi, throttledByApi: Object.fromEntries(this.throttled) };
  }

  reset(): void {
    this.counts.clear();
    this.throttled.clear();
  }
}
