/**
 * The theoretical minimum number of API calls a read-only crawl of an estate needs, from the sandbox's ground truth,
 * following the formula in lambdas/discovery/service-crawler.ts (list pages at the documented maximum page size +
 * the per-asset describes the inventory needs), and the quota-bound lower bound on crawl time derived from it.
 */
import type { Estate, RegionEstate } from '../../sandbox/estate/estate';

export type CallCounts = Record<string, number>;

/** Documented maximum page sizes (KMS ListKeys 1000, ListAliases 100, ListResourceTags 50; ACM 1000; SM 100; SSM 50). */
export const PAGE_SIZES = {
  'kms:ListKeys': 1000,
  'kms:ListAliases': 100,
  'kms:ListResourceTags': 50,
  'acm:ListCertificates': 1000,
  'secretsmanager:ListSecrets': 100,
  'ssm:DescribeParameters': 50,
} as const;

/** Certificate states that have a body GetCertificate returns (acm-crawler.ts HAS_BODY). */
const CERTIFICATE_WITH_BODY = new Set(['ISSUED', 'EXPIRED', 'REVOKED', 'INACTIVE']);

/** A listing always costs at least one call, even when empty. */
export function listPages(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

export interface MinimumCallOptions {
  /**
   * SSM may answer a continuation with an empty page ("the number of items returned can be between zero and
   * MaxResults"); the sandbox does so once per listing that has a second page. Those pages are imposed by AWS, so they
   * belong to the minimum. @default true
   */
  readonly ssmEmptyPages?: boolean;
}

/** Minimum calls for one Region, by `service:Operation` (APIs with zero calls are omitted). */
export function minimumCallsForRegion(region: RegionEstate, options: MinimumCallOptions = {}): CallCounts {
  const calls: CallCounts = {};
  const add = (api: string, n: number) => {
    if (n > 0) calls[api] = (calls[api] ?? 0) + n;
  };
  const { keys, aliases } = region.kms;
  add('kms:ListKeys', listPages(keys.length, PAGE_SIZES['kms:ListKeys']));
  add('kms:ListAliases', listPages(aliases.length, PAGE_SIZES['kms:ListAliases']));
  add('kms:DescribeKey', keys.length);
  add('kms:GetKeyPolicy', keys.length);
  for (const key of keys) {
    if (key.keyManager !== 'CUSTOMER') continue;
    add('kms:ListResourceTags', listPages(key.tags.length, PAGE_SIZES['kms:ListResourceTags']));
    const rotatable = key.keySpec === 'SYMMETRIC_DEFAULT' && key.keyUsage === 'ENCRYPT_DECRYPT' && key.origin === 'AWS_KMS';
    if (rotatable && key.keyState !== 'PendingDeletion') add('kms:GetKeyRotationStatus', 1);
  }

  const certificates = region.acm.certificates;
  add('acm:ListCertificates', listPages(certificates.length, PAGE_SIZES['acm:ListCertificates']));
  add('acm:DescribeCertificate', certificates.length);
  add('acm:ListTagsForCertificate', certificates.length);
  add('acm:GetCertificate', certificates.filter((c) => CERTIFICATE_WITH_BODY.has(c.status)).length);

  const secrets = region.secretsmanager.secrets;
  add('secretsmanager:ListSecrets', listPages(secrets.length, PAGE_SIZES['secretsmanager:ListSecrets']));
  // ListSecrets lacks ReplicationStatus: one DescribeSecret per replicated secret, in its primary Region.
  add('secretsmanager:DescribeSecret', secrets.filter((s) => s.primaryRegion === region.region && (s.replicationStatus?.length ?? 0) > 0).length);

  const parameters = region.ssm.parameters.length;
  const pages = listPages(parameters, PAGE_SIZES['ssm:DescribeParameters']);
  add('ssm:DescribeParameters', pages + ((options.ssmEmptyPages ?? true) && pages > 1 ? 1 : 0));
  add('ssm:ListTagsForResource', parameters);
  return calls;
}

export interface EstateMinimum {
  readonly byRegion: Record<string, CallCounts>;
  readonly byApi: CallCounts;
  readonly byService: CallCounts;
  readonly total: number;
}

/** Minimum over `regions` (a Region without assets still costs its empty listings). */
export function minimumCalls(estate: Estate, regions: readonly string[], options: MinimumCallOptions = {}): EstateMinimum {
  const byRegion: Record<string, CallCounts> = {};
  for (const region of regions) {
    const r = estate.regions[region] ?? { region, kms: { keys: [], aliases: [] }, acm: { certificates: [] }, secretsmanager: { secrets: [] }, ssm: { parameters: [] } };
    byRegion[region] = minimumCallsForRegion(r, options);
  }
  return { byRegion, ...rollUp(byRegion) };
}

/** Sums per-Region counts by API and by service (the part before the colon). */
export function rollUp(byRegion: Record<string, CallCounts>): { byApi: CallCounts; byService: CallCounts; total: number } {
  const byApi: CallCounts = {};
  const byService: CallCounts = {};
  let total = 0;
  for (const calls of Object.values(byRegion)) {
    for (const [api, n] of Object.entries(calls)) {
      byApi[api] = (byApi[api] ?? 0) + n;
      const service = serviceOf(api);
      byService[service] = (byService[service] ?? 0) + n;
      total += n;
    }
  }
  return { byApi, byService, total };
}

export function serviceOf(api: string): string {
  return api.slice(0, api.indexOf(':'));
}

export interface QuotaBound {
  /** Lower bound on wall time: max over (Region, quota) of calls ÷ requests per second. */
  readonly seconds: number;
  /** The (Region, quota) pair that sets it. */
  readonly region: string;
  readonly api: string;
  readonly calls: number;
  readonly rps: number;
}

/**
 * max over (Region, API) of calls ÷ quota. An API without a quota does not bound; `sts:*` pools every STS API when
 * the quota table has no entry of its own (as AWS and the sandbox's RateLimiter share it).
 */
export function quotaBound(byRegion: Record<string, CallCounts>, quotas: Readonly<Record<string, number>>): QuotaBound {
  let best: QuotaBound = { seconds: 0, region: '-', api: '-', calls: 0, rps: Number.POSITIVE_INFINITY };
  for (const [region, calls] of Object.entries(byRegion)) {
    const pooled: CallCounts = {};
    for (const [api, n] of Object.entries(calls)) {
      const key = quotas[api] !== undefined ? api : api.startsWith('sts:') && quotas['sts:*'] !== undefined ? 'sts:*' : undefined;
      if (key) pooled[key] = (pooled[key] ?? 0) + n;
    }
    for (const [api, n] of Object.entries(pooled)) {
      const rps = quotas[api];
      if (!(rps > 0)) throw new RangeError(`Quota of ${api} must be positive, got ${rps}`);
      const seconds = n / rps;
      if (seconds > best.seconds) best = { seconds, region, api, calls: n, rps };
    }
  }
  return best;
}

/** Multiplies every quota by `scale`. */
export function scaleQuotas(quotas: Readonly<Record<string, number>>, scale: number): Record<string, number> {
  if (!(scale > 0)) throw new RangeError(`scale must be positive, got ${scale}`);
  return Object.fromEntries(Object.entries(quotas).map(([api, rps]) => [api, rps * scale]));
}
