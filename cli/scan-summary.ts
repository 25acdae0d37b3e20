import type { DiscoveredAsset } from '../lambdas/inventory/asset';
import type { AccountCrawlResult } from '../lambdas/discovery/crawl-account';

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRY_WINDOW_DAYS = 30;

export interface InventorySummary {
  readonly total: number;
  readonly byType: Record<string, number>;
  readonly byAlgorithm: Record<string, number>;
  readonly quantumVulnerable: number;
  /** notAfter within the next 30 days (not yet expired). */
  readonly expiringSoon: DiscoveredAsset[];
  readonly expired: number;
  /** Rotation applies but is off (KMS customer keys, secrets, certificates ACM cannot renew). */
  readonly rotationDisabled: DiscoveredAsset[];
}

const increment = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

export function summarize(assets: readonly DiscoveredAsset[], now: Date): InventorySummary {
  const byType: Record<string, number> = {};
  const byAlgorithm: Record<string, number> = {};
  let quantumVulnerable = 0;
  let expired = 0;
  const expiringSoon: DiscoveredAsset[] = [];
  const rotationDisabled: DiscoveredAsset[] = [];
  for (const a of assets) {
    increment(byType, a.type);
    increment(byAlgorithm, a.crypto.algorithm);
    if (a.crypto.quantumVulnerable === true) quantumVulnerable += 1;
    if (a.lifecycle.notAfter) {
      const left = Date.parse(a.lifecycle.notAfter) - now.getTime();
      if (left < 0) expired += 1;
      else if (left <= EXPIRY_WINDOW_DAYS * DAY_MS) expiringSoon.push(a);
    }
    if (a.lifecycle.rotation?.applicable && a.lifecycle.rotation.enabled === false) rotationDisabled.push(a);
  }
  return { total: assets.length, byType, byAlgorithm, quantumVulnerable, expiringSoon, expired, rotationDisabled };
}

function table(title: string, rows: [string, string | number][]): string {
  const width = Math.max(title.length, ...rows.map(([k]) => k.length));
  return [`${title}`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(6)}`)].join('\n');
}

const sorted = (m: Record<string, number>): [string, number][] => Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export function formatSummaryTable(result: AccountCrawlResult, now: Date): string {
  const s = summarize(result.assets, now);
  const notEnabled = [...new Set(result.outcomes.filter((o) => o.outcome.status === 'NOT_ENABLED').map((o) => o.region))];
  const failed = result.outcomes.filter((o) => o.outcome.status === 'FAILED' || o.outcome.status === 'ACCESS_DENIED');
  const parts = [
    table('Assets by type', [...sorted(s.byType), ['total', s.total]]),
    table('Assets by algorithm', sorted(s.byAlgorithm)),
    table('Risk', [
      ['quantum-vulnerable', s.quantumVulnerable],
      [`expiring within ${EXPIRY_WINDOW_DAYS} days`, s.expiringSoon.length],
      ['expired', s.expired],
      ['rotation disabled', s.rotationDisabled.length],
    ]),
  ];
  if (s.expiringSoon.length > 0)
    parts.push(['Expiring within 30 days', ...s.expiringSoon.map((a) => `  ${a.lifecycle.notAfter}  ${a.arn}`)].join('\n'));
  if (s.rotationDisabled.length > 0) parts.push(['Rotation disabled', ...s.rotationDisabled.map((a) => `  ${a.type.padEnd(11)} ${a.arn}`)].join('\n'));
  if (notEnabled.length > 0) parts.push(`Regions not enabled: ${notEnabled.join(', ')}`);
  if (failed.length > 0)
    parts.push(['Failed', ...failed.map((f) => `  ${f.region} ${f.service}: ${f.outcome.status} ${f.outcome.error?.code ?? ''}`)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
