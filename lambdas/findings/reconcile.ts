import type { Finding, FindingDraft } from './finding';
import { DEFAULT_DUE_DAYS, dueAt, type Severity } from './severity';
import { effectiveSuppression, type ScopedSuppression } from './suppression';

export interface ReconcileOptions {
  /** Rule × account / tag suppressions of the tenant. */
  readonly suppressions?: readonly ScopedSuppression[];
  readonly dueDays?: Readonly<Record<Severity, number>>;
}

/**
 * What one evaluation changes:
 * - `opened`: new occurrences (never seen, or seen and resolved before), open or suppressed;
 * - `updated`: occurrences that continue (lastSeenAt, evidence, severity, blast radius move; a suppression may
 *   start or expire, switching the status between open and suppressed);
 * - `resolved`: occurrences whose condition ended (or whose asset was deleted: it raises no drafts).
 */
export interface ReconcileResult {
  readonly opened: Finding[];
  readonly updated: Finding[];
  readonly resolved: Finding[];
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
  const result: ReconcileResult = { opened: [], updated: [], resolved: [] };

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
    (continuing ? result.updated : result.opened).push(finding);
  }

  for (const prior of previous) {
    if (prior.status === 'resolved' || current.has(prior.findingId)) continue;
    result.resolved.push({ ...prior, status: 'resolved', resolvedAt: at });
  }
  return result;
}
