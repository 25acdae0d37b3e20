/** Options of `startSandbox`, and how they resolve to defaults. */
import { COMMERCIAL_REGIONS } from '../lambdas/shared/regions';

export interface SandboxOptions {
  /** Seed of the estate (same seed, size, regions and clock → same estate). @default 1 */
  readonly seed?: number;
  /** Approximate number of assets (never fewer than the first region's catalogue, about 45). @default 60 */
  readonly estateSize?: number;
  /** Regions holding assets; the first gets the full catalogue. Opt-in regions listed here count as enabled. @default us-east-1, eu-west-1, ap-southeast-2 */
  readonly regions?: readonly string[];
  /**
   * Opt-in regions that are not enabled: every call there fails authentication, as AWS answers. Every opt-in
   * region not in `regions` is disabled anyway, like in a real account. @default ['me-south-1']
   */
  readonly optInDisabledRegions?: readonly string[];
  /** Requests per second per (region, API), e.g. `{ 'acm:DescribeCertificate': 10 }`, or AWS's defaults. @default no limit */
  readonly quotas?: Readonly<Record<string, number>> | 'aws-default';
  /** Multiplies every quota (e.g. 0.1 to make throttling reachable in a short test). @default 1 */
  readonly quotaScale?: number;
  /**
   * Starting rules: every call of `service` (kms, acm, secretsmanager, ssm, sts) in `region` answers AccessDenied.
   * Copied at start; change them later with `sandbox.denyAccess` / `sandbox.allowAccess`.
   */
  readonly accessDenied?: readonly { readonly region: string; readonly service: string }[];
  /** @default '111122223333' */
  readonly accountId?: string;
  /** The ExternalId the role's trust policy requires. @default a random one */
  readonly externalId?: string;
  /** SSM DescribeParameters answers the first continuation of a listing with an empty page. @default true */
  readonly ssmEmptyPages?: boolean;
  /** Clock for the estate's dates, event times and session expirations. @default () => new Date() */
  readonly clock?: () => Date;
  /** Regions where the customer template is deployed; the first is the primary region. @default `regions` */
  readonly pipelineRegions?: readonly string[];
  /** The API destination's InvocationEndpoint. @default https://events.aqtive-guard.example/v1/data-sources/aws/events */
  readonly pipelineEndpoint?: string;
  /** @default 0 (an ephemeral port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
}

export const DEFAULT_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
export const DEFAULT_ESTATE_SIZE = 60;

const OPT_IN = new Set(COMMERCIAL_REGIONS.filter((r) => r.optIn).map((r) => r.name));
const COMMERCIAL = new Set(COMMERCIAL_REGIONS.map((r) => r.name));

/** Enabled = a commercial region enabled by default, or one the account holds assets in, unless explicitly disabled. */
export function regionEnabledPredicate(regions: readonly string[], optInDisabled: readonly string[]): (region: string) => boolean {
  const disabled = new Set(optInDisabled);
  const populated = new Set(regions);
  return (region) => !disabled.has(region) && (populated.has(region) || (COMMERCIAL.has(region) && !OPT_IN.has(region)));
}
