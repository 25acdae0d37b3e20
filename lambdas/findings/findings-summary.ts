import type { Asset } from '../inventory/asset';
import { CERTIFICATE_NOT_ISSUED } from './certificate-facts';
import { stateIn } from './lifecycle-state';
import { DAY_MS } from './time';
import type { Finding } from './finding';
import { SEVERITIES, type Severity } from './severity';

/** Certificate expiry buckets as AQtive Guard's Protect dashboard shows them. */
export const EXPIRY_BUCKETS = ['expired', 'within7Days', 'within8To30Days', 'within31To90Days', 'later'] as const;
export type ExpiryBucket = (typeof EXPIRY_BUCKETS)[number];

export interface FindingsSummary {
  /** Open findings (suppressed and resolved ones are not work to do). */
  readonly open: number;
  readonly suppressed: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  readonly byAccount: Readonly<Record<string, number>>;
  /** Issued certificates (not deleted) by time to NotAfter. */
  readonly certificateExpiry: Readonly<Record<ExpiryBucket, number>>;
  /** Keys and certificates (not deleted): how many are quantum-vulnerable, per asset type and per algorithm. */
  readonly quantumVulnerable: {
    readonly byAssetType: Readonly<Record<string, { readonly vulnerable: number; readonly total: number }>>;
    readonly byAlgorithm: Readonly<Record<string, number>>;
  };
}

function bucketOf(notAfter: string, now: Date): ExpiryBucket {
  const days = (Date.parse(notAfter) - now.getTime()) / DAY_MS;
  if (days <= 0) return 'expired';
  if (days <= 7) return 'within7Days';
  if (days <= 30) return 'within8To30Days';
  if (days <= 90) return 'within31To90Days';
  return 'later';
}

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Counts for a summary view from the stored findings and the assets of the same scope. Pure. */
export function summarizeFindings(findings: readonly Finding[], assets: readonly Asset[], now: Date): FindingsSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  const byAccount: Record<string, number> = {};
  let open = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (f.status === 'suppressed') suppressed++;
    if (f.status !== 'open') continue;
    open++;
    bySeverity[f.severity]++;
    increment(byRule, f.ruleId);
    increment(byAccount, f.asset.accountId);
  }

  const certificateExpiry = Object.fromEntries(EXPIRY_BUCKETS.map((b) => [b, 0])) as Record<ExpiryBucket, number>;
  const byAssetType: Record<string, { vulnerable: number; total: number }> = {};
  const byAlgorithm: Record<string, number> = {};
  for (const asset of assets) {
    if (asset.deleted) continue;
    if (asset.type === 'certificate' && asset.lifecycle.notAfter && !stateIn(asset, CERTIFICATE_NOT_ISSUED)) {
      certificateExpiry[bucketOf(asset.lifecycle.notAfter, now)]++;
    }
    if (asset.type !== 'key' && asset.type !== 'certificate') continue;
    const entry = (byAssetType[asset.type] ??= { vulnerable: 0, total: 0 });
    entry.total++;
    if (asset.crypto.quantumVulnerable === true) {
      entry.vulnerable++;
      increment(byAlgorithm, asset.crypto.algorithm);
    }
  }
  return { open, suppressed, bySeverity, byRule, byAccount, certificateExpiry, quantumVulnerable: { byAssetType, byAlgorithm } };
}
