import type { AccountHealthReport, CheckStatus } from './health-model';
import type { HealthTransition } from './health-transitions';
import type { PipelineNames } from './pipeline-names';
import type { RegionEventDay } from './region-event-counts';

/** One region's result at one check time: the history that shows when a region broke. */
export interface RegionHealthHistoryEntry {
  readonly region: string;
  readonly checkedAt: string;
  readonly status: CheckStatus;
  /** The region's status at the check before; absent for its first check. */
  readonly previousStatus?: CheckStatus;
}

export interface HealthTransitionPage {
  readonly items: readonly HealthTransition[];
  /** Pass back as `before` for older transitions; absent on the last page. */
  readonly next?: string;
}

/** Pipeline health records of the control table (the adapter: dynamo-health-store.ts). */
export interface HealthStore {
  /**
   * Stores the report as the account's latest, one history entry per region, a transition for each region that turned
   * failing or recovered since the latest (lambdas/health/health-transitions.ts), and the account's status.
   */
  saveReport(tenantId: string, report: AccountHealthReport): Promise<void>;
  /** The account's transitions, newest first. */
  transitions(tenantId: string, accountId: string, options: { limit: number; before?: string }): Promise<HealthTransitionPage>;
  latestReport(tenantId: string, accountId: string): Promise<AccountHealthReport | undefined>;
  /** Newest first. */
  regionHistory(tenantId: string, accountId: string, limit: number): Promise<RegionHealthHistoryEntry[]>;
  /** The event processor's per-region daily counters of the account, from `fromDay` (yyyy-mm-dd) on. */
  regionEventDays(tenantId: string, accountId: string, fromDay: string): Promise<RegionEventDay[]>;
  /** A custom setup's names; undefined = the template's. */
  pipelineNames(tenantId: string, accountId: string): Promise<Partial<PipelineNames> | undefined>;
  /** null = back to the template's names. */
  setPipelineNames(tenantId: string, accountId: string, names: Partial<PipelineNames> | null): Promise<void>;
}
