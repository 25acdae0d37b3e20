import { ruleById } from './catalogue';
import { InvalidSuppressionError, UnknownRuleError } from './errors';
import type { Finding, FindingDraft, Suppression } from './finding';

/** Suppress every finding of a rule in an account or on assets with a tag (e.g. a sandbox account). */
export interface ScopedSuppression {
  readonly suppressionId: string;
  readonly ruleId: string;
  /** @default every account */
  readonly accountId?: string;
  /** @default every asset */
  readonly tag?: { readonly key: string; readonly value: string };
  readonly reason: string;
  readonly expiresAt?: string;
  readonly by: string;
  readonly at: string;
}

export interface SuppressionInput {
  readonly reason: string;
  readonly expiresAt?: string;
  /** Who suppresses (the token's name or id). */
  readonly by: string;
}

const MAX_REASON = 1000;

export function suppressionActive(suppression: Pick<Suppression, 'expiresAt'>, now: Date): boolean {
  return suppression.expiresAt === undefined || Date.parse(suppression.expiresAt) > now.getTime();
}

/** Where a scoped suppression applies: exactly one of an account or a tag (key=value). */
export interface SuppressionScope {
  readonly accountId?: string;
  readonly tag?: { readonly key: string; readonly value: string };
}

export interface ScopedSuppressionInput extends SuppressionInput {
  readonly ruleId: string;
  readonly scope: SuppressionScope;
}

/** A new rule × account / tag suppression, checked (unknown rule, scope with neither or both, past expiry: the error names the field). */
export function createScopedSuppression(input: ScopedSuppressionInput, suppressionId: string, now: Date): ScopedSuppression {
  if (!ruleById(input.ruleId)) throw new UnknownRuleError(input.ruleId);
  const { accountId, tag } = input.scope;
  if ((accountId === undefined) === (tag === undefined)) throw new InvalidSuppressionError('scope', 'The scope names exactly one of accountId or tag');
  validateSuppression(input, now);
  return {
    suppressionId,
    ruleId: input.ruleId,
    ...(accountId !== undefined ? { accountId } : { tag: { key: tag!.key, value: tag!.value } }),
    reason: input.reason,
    ...(input.expiresAt !== undefined ? { expiresAt: new Date(input.expiresAt).toISOString() } : {}),
    by: input.by,
    at: now.toISOString(),
  };
}

export function scopedSuppressionMatches(suppression: ScopedSuppression, finding: Pick<FindingDraft, 'ruleId' | 'asset'>): boolean {
  if (suppression.ruleId !== finding.ruleId) return false;
  if (suppression.accountId !== undefined && suppression.accountId !== finding.asset.accountId) return false;
  return suppression.tag === undefined || finding.asset.tags[suppression.tag.key] === suppression.tag.value;
}

/** The suppression that holds now: the finding's own if still active, else the first active scoped one that matches. */
export function effectiveSuppression(
  own: Suppression | undefined,
  finding: Pick<FindingDraft, 'ruleId' | 'asset'>,
  scoped: readonly ScopedSuppression[],
  now: Date,
): Suppression | undefined {
  if (own && own.source === 'finding' && suppressionActive(own, now)) return own;
  const match = scoped.find((s) => suppressionActive(s, now) && scopedSuppressionMatches(s, finding));
  if (!match) return undefined;
  return { reason: match.reason, by: match.by, at: match.at, source: match.suppressionId, ...(match.expiresAt !== undefined ? { expiresAt: match.expiresAt } : {}) };
}

/**
 * A stored finding under the suppressions that hold now (after a scoped one was added or lifted, or expired):
 * suppressed with the one that applies, else open. Resolved findings are returned as they are.
 */
export function withSuppressions(finding: Finding, scoped: readonly ScopedSuppression[], now: Date): Finding {
  if (finding.status === 'resolved') return finding;
  const suppression = effectiveSuppression(finding.suppression, finding, scoped, now);
  const { suppression: _previous, ...rest } = finding;
  return suppression ? { ...rest, status: 'suppressed', suppression } : { ...rest, status: 'open' };
}

/** Checks a suppression request; the error names the field. */
export function validateSuppression(input: SuppressionInput, now: Date): void {
  if (input.reason.trim().length === 0) throw new InvalidSuppressionError('reason', 'A suppression needs a reason');
  if (input.reason.length > MAX_REASON) throw new InvalidSuppressionError('reason', `The reason is longer than ${MAX_REASON} characters`);
  if (input.by.trim().length === 0) throw new InvalidSuppressionError('by', 'A suppression records who made it');
  if (input.expiresAt !== undefined) {
    const expires = Date.parse(input.expiresAt);
    if (Number.isNaN(expires)) throw new InvalidSuppressionError('expiresAt', `"${input.expiresAt}" is not an ISO-8601 date-time`);
    if (expires <= now.getTime()) throw new InvalidSuppressionError('expiresAt', 'The expiry must be in the future');
  }
}

/** One finding, silenced: recorded with who, when and why; an open or already suppressed finding only. */
export function suppressFinding(finding: Finding, input: SuppressionInput, now: Date): Finding {
  validateSuppression(input, now);
  if (finding.status === 'resolved') throw new InvalidSuppressionError('findingId', `Finding ${finding.findingId} is resolved: nothing to suppress`);
  const suppression: Suppression = {
    reason: input.reason,
    ...(input.expiresAt !== undefined ? { expiresAt: new Date(input.expiresAt).toISOString() } : {}),
    by: input.by,
    at: now.toISOString(),
    source: 'finding',
  };
  return { ...finding, status: 'suppressed', suppression };
}

/** Lifts a finding's own suppression: it is open again (a scoped suppression may still apply at the next reconcile). */
export function liftSuppression(finding: Finding): Finding {
  if (finding.status !== 'suppressed') return finding;
  const { suppression: _lifted, ...rest } = finding;
  return { ...rest, status: 'open' };
}
