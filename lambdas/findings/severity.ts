import { DAY_MS } from './time';

/** Finding severities, most urgent first, and the remediation targets that turn a severity into a due date. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank for sorting: critical = 0 … low = 3. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is `threshold` or more urgent (for "fail on high" style gates). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

/**
 * Days from first sight to the due date, per severity. Remediation targets in the style of vulnerability-management
 * SLAs; a finding with a hard deadline (expiry, scheduled deletion) is due at that deadline when it comes first.
 */
export const DEFAULT_DUE_DAYS: Readonly<Record<Severity, number>> = { critical: 2, high: 7, medium: 30, low: 90 };

/** min(firstSeenAt + due days, deadline); a deadline already past makes the finding due at once (firstSeenAt). */
export function dueAt(severity: Severity, firstSeenAt: string, deadline?: string, dueDays: Readonly<Record<Severity, number>> = DEFAULT_DUE_DAYS): string {
  const first = Date.parse(firstSeenAt);
  let due = first + dueDays[severity] * DAY_MS;
  if (deadline !== undefined) due = Math.max(first, Math.min(due, Date.parse(deadline)));
  return new Date(due).toISOString();
}
