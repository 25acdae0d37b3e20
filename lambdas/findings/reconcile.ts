import type { Finding, FindingDraft } from './finding';
import { DEFAULT_DUE_DAYS, dueAt, type Severity } from './severity';
import { effectiveSuppression, type ScopedSuppression } from './suppression';

export interface ReconcileOptions {
  /** Rule × account / tag suppressions of the tenant. */
  readonly suppressions?: readonly ScopedSuppression[];
  readonly dueDays?: Readonly<Record<Severity, number>>;
  /** How stale a stored lastSeenAt may get before an otherwise unchanged finding is written again. @default LAST_SEEN_RESOLUTION_MS */
  readonly lastSeenResolutionMs?: number;
}

/**
 * A continuing finding that nothing but the evaluation time changed is rewritten only when its stored lastSeenAt is
 * older than this: lastSeenAt is exact to a day, and the hourly schedule does not rewrite every finding of every
 * account every hour (each rewrite is a write of the item and of both its index entries).
 */
export const LAST_SEEN_RESOLUTION_MS = 86_400_000;

/**
 * What one evaluation changes:
 * - `opened`: new occurrences (never seen, or seen and resolved before), open or suppressed;
 * - `updated`: occurrences that continue and changed (evidence, severity, blast radius, asset name or tags; a
 *   suppression may start or expire, switching the status between open and suppressed), or whose stored lastSeenAt
 *   is older than the resolution;
 * - `unchanged`: occurrences that continue with nothing to write (the stored item stays as it is);
 * - `resolved`: occurrences whose condition ended (or whose asset was deleted: it raises no drafts).
 * What to store: opened, updated and resolved.
 */
export interface ReconcileResult {
  readonly opened: Finding[];
  readonly updated: Finding[];
  readonly unchanged: Finding[];
  readonly resolved: Finding[];
}

/** The finding without the evaluation's clock (what a rewrite would change besides lastSeenAt). */
function content(finding: Finding): string {
  const { lastSeenAt: _seen, evaluatedAt: _evaluated, ...rest } = finding;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
}

/**
 * Moves stored findings to what the latest evaluation found. `previous` must be every stored finding of exactly
 * the assets that were evaluated (findings of other assets are left alone by not being passed). Pure.
 */
export function reconcile(previous: readonly Finding[], drafts: readonly FindingDraft[], now: Date, options: ReconcileOptions = {}): ReconcileResult {
  const at = now.toISOString();
  const scoped = options.suppressions ?? [];
  const dueDays = options.dueDays ?? DEFAULT_DUE_DAYS;
  const before = new Map(previous.map((f) => [f.findingId, f]));
  const current = new Map(drafts.map((d) => [d.findingId, d]));
  const resolution = options.lastSeenResolutionMs ?? LAST_SEEN_RESOLUTION_MS;
  const result: ReconcileResult = { opened: [], updated: [], unchanged: [], resolved: [] };

  for (const draft of current.values()) {
    const prior = before.get(draft.findingId);
    const continuing = prior !== undefined && prior.status !== 'resolved';
    const firstSeenAt = continuing ? prior.firstSeenAt : at;
    // A new occurrence does not inherit the suppression of one that resolved.
    const suppression = effectiveSuppression(continuing ? prior.suppression : undefined, draft, scoped, now);
    const finding: Finding = {
      ...draft,
      dueAt: dueAt(draft.severity, firstSeenAt, draft.deadline, dueDays),
      status: suppression ? 'suppressed' : 'open',
      firstSeenAt,
      lastSeenAt: at,
      ...(suppression ? { suppression } : {}),
    };
    if (!continuing) result.opened.push(finding);
    else if (now.getTime() - Date.parse(prior.lastSeenAt) < resolution && content(prior) === content(finding)) result.unchanged.push(prior);
    else result.updated.push(finding);
  }

  for (const prior of previous) {
    if (prior.status === 'resolved' || current.has(prior.findingId)) continue;
    result.resolved.push({ ...prior, status: 'resolved', resolvedAt: at });
  }
  return result;
}
