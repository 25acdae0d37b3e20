import type { DailyEvents } from './region-event-counts';

/**
 * Pipeline health: what the checks of one account answer, per region and per check. The shape is the API's
 * (`GET /v1/data-sources/aws/accounts/{accountId}/health`, lambdas/api/response-schemas.ts).
 */

export const CHECK_NAMES = ['rule', 'target', 'destination', 'connection', 'delivery'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/**
 * `unknown` is a state of its own: the check could not be made (access denied, throttled, region not reachable), which
 * never reads as broken.
 */
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'unknown'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export type RegionRole = 'primary' | 'forwarder';

export interface CheckResult {
  readonly check: CheckName;
  readonly status: CheckStatus;
  /** What the check saw, in words (states, names, AWS's own reasons). */
  readonly observed: string;
  /** What a cloud admin does about it, with the console path; for `pass`, "Nothing to do." */
  readonly remedy: string;
}

/** Changes a re-crawl found that events had not already applied, per service. */
export interface DriftCounts {
  readonly created: number;
  readonly updated: number;
  readonly deleted: number;
}

export interface RegionHealthReport {
  readonly region: string;
  readonly role: RegionRole;
  readonly status: CheckStatus;
  readonly checks: readonly CheckResult[];
  readonly lastEventAt: string | null;
  readonly templateVersion: string | null;
  /** Summed over the region's services from the last crawl that counted drift; null before any. */
  readonly drift: DriftCounts | null;
  /** Events received from the region in the last days, oldest first (lambdas/health/region-event-counts.ts). */
  readonly eventsPerDay: readonly DailyEvents[];
  /** Over the same days: drop reason → events. */
  readonly droppedByReason: Readonly<Record<string, number>>;
}

export interface AccountHealthReport {
  readonly accountId: string;
  readonly status: CheckStatus;
  readonly checkedAt: string;
  readonly regions: readonly RegionHealthReport[];
}

/** Worst first: a known problem outranks a check that could not be made, which outranks a pass. */
const SEVERITY: Readonly<Record<CheckStatus, number>> = { pass: 0, unknown: 1, warn: 2, fail: 3 };

/** The worst of some statuses; `pass` for none. A region is the worst of its checks, an account of its regions. */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

export const NOTHING_TO_DO = 'Nothing to do.';
