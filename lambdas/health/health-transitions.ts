import type { AccountHealthReport, CheckResult, CheckStatus } from './health-model';

/**
 * A region turning failing, or recovering, between two checks: the account's pipeline history
 * (`GET /v1/data-sources/aws/accounts/{accountId}/health/history`). Other changes (pass ↔ warn ↔ unknown) are in the
 * per-check history but are not events: nothing stopped flowing.
 */
export type HealthTransitionKind = 'region-failing' | 'region-recovered';

export interface HealthTransition {
  readonly at: string;
  readonly region: string;
  readonly kind: HealthTransitionKind;
  /** The region's status at the check before; null at its first check. */
  readonly from: CheckStatus | null;
  readonly to: CheckStatus;
  /** The checks that failed (region-failing) — what broke, with the remedy; empty when it recovers. */
  readonly failedChecks: readonly CheckResult[];
}

/** The transitions from the previous report to this one, in the report's region order. Pure. */
export function healthTransitions(previous: AccountHealthReport | undefined, report: AccountHealthReport): HealthTransition[] {
  const before = new Map(previous?.regions.map((r) => [r.region, r.status]));
  const out: HealthTransition[] = [];
  for (const r of report.regions) {
    const from = before.get(r.region) ?? null;
    if (r.status === 'fail' && from !== 'fail') {
      out.push({ at: report.checkedAt, region: r.region, kind: 'region-failing', from, to: r.status, failedChecks: r.checks.filter((c) => c.status === 'fail') });
    } else if (from === 'fail' && r.status !== 'fail') {
      out.push({ at: report.checkedAt, region: r.region, kind: 'region-recovered', from, to: r.status, failedChecks: [] });
    }
  }
  return out;
}

/** How many regions fail in the report (kept on the account item for summaries). */
export const failingRegionCount = (report: AccountHealthReport): number => report.regions.filter((r) => r.status === 'fail').length;

export interface PipelineSummary {
  /** Regions whose latest check failed, over the accounts summed. */
  readonly failingRegions: number;
  readonly accountsWithFailingRegion: number;
}

/** Over linked accounts, from what each account item holds since its last check (lambdas/health/dynamo-health-store.ts). */
export function pipelineSummary(accounts: ReadonlyArray<{ readonly status: string; readonly healthFailingRegions?: number }>): PipelineSummary {
  const failing = accounts.filter((a) => a.status === 'LINKED').map((a) => a.healthFailingRegions ?? 0);
  return { failingRegions: failing.reduce((n, c) => n + c, 0), accountsWithFailingRegion: failing.filter((c) => c > 0).length };
}
