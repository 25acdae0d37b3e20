import type { AccountCrawlResult } from '../lambdas/discovery/crawl-account';
import { evaluateAsset } from '../lambdas/findings/evaluate-asset';
import type { Finding } from '../lambdas/findings/finding';
import { reconcile } from '../lambdas/findings/reconcile';
import { RelationsIndex } from '../lambdas/findings/relations-index';
import { atLeast, type Severity } from '../lambdas/findings/severity';
import { sortFindings } from '../lambdas/findings/sort-findings';
import type { Asset } from '../lambdas/inventory/asset';
import { assetId } from '../lambdas/inventory/asset-id';

/** The scan has no tenant; finding and asset ids are derived from this one. */
const SCAN_TENANT = 'scan';

/**
 * The catalogue over one crawl: relations come from the crawl itself (ACM InUseBy, the keys secrets and parameters
 * are encrypted with, replicas); a scan sees no CloudTrail usage events. Most urgent first.
 */
export function scanFindings(result: AccountCrawlResult, now: Date): Finding[] {
  const seen = now.toISOString();
  const assets: Asset[] = result.assets.map((a) => ({ ...a, id: assetId(SCAN_TENANT, a.arn), tenantId: SCAN_TENANT, source: 'AWS', firstSeen: seen, lastSeen: seen, observedAt: seen }));
  const index = new RelationsIndex(assets);
  const drafts = assets.flatMap((a) => evaluateAsset(a, { now, ...index.relationsOf(a) }));
  return sortFindings(reconcile([], drafts, now).opened);
}

/** Findings at or above `threshold` (for --fail-on). */
export function findingsAtLeast(findings: readonly Finding[], threshold: Severity): Finding[] {
  return findings.filter((f) => atLeast(f.severity, threshold));
}

/** The lines the table summary adds: counts by severity and the most urgent findings. */
export function formatTopFindings(findings: readonly Finding[], top = 5): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const lines = [`Findings: ${findings.length} (${['critical', 'high', 'medium', 'low'].map((s) => `${s} ${counts.get(s) ?? 0}`).join(', ')})`];
  for (const f of findings.slice(0, top)) {
    const radius = f.blastRadiusTotal > 0 ? `; breaks ${f.blastRadiusTotal} (${f.blastRadius.slice(0, 2).map((b) => b.arn).join(', ')}${f.blastRadiusTotal > 2 ? ', …' : ''})` : '';
    lines.push(`  ${f.severity.padEnd(9)}${f.ruleId.padEnd(32)}${f.asset.name} [${f.asset.region}] due ${f.dueAt.slice(0, 10)}${radius}`);
  }
  return `${lines.join('\n')}\n`;
}
