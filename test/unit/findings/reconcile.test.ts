import { InvalidSuppressionError } from '../../../lambdas/findings/errors';
import { evaluateAsset } from '../../../lambdas/findings/evaluate-asset';
import type { Finding } from '../../../lambdas/findings/finding';
import { reconcile } from '../../../lambdas/findings/reconcile';
import { liftSuppression, suppressFinding, type ScopedSuppression } from '../../../lambdas/findings/suppression';
import type { Asset } from '../../../lambdas/inventory/asset';
import { ACCOUNT, days, key, NOW } from './finding-fixtures';

const HOUR_MS = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR_MS);

// A key whose rotation an admin turns off (DisableKeyRotation) and on again (EnableKeyRotation).
const rotationOff = key({ lifecycle: { rotation: { applicable: true, enabled: false } } });
const rotationOn = key();

/** One evaluation pass of one asset: evaluate, reconcile with what was stored, return the new stored set. */
function pass(stored: readonly Finding[], asset: Asset, now: Date, suppressions: ScopedSuppression[] = []) {
  const result = reconcile(stored, evaluateAsset(asset, { now }), now, { suppressions });
  const next = new Map(stored.map((f) => [f.findingId, f]));
  for (const f of [...result.opened, ...result.updated, ...result.resolved]) next.set(f.findingId, f);
  return { result, stored: [...next.values()] };
}

describe('reconcile', () => {
  test('opens a new finding with firstSeenAt = lastSeenAt = now and a due date from its severity', () => {
    const { result } = pass([], rotationOff, NOW);
    expect(result.opened).toHaveLength(1);
    expect(result.opened[0]).toMatchObject({ ruleId: 'kms-rotation-disabled', status: 'open', firstSeenAt: NOW.toISOString(), lastSeenAt: NOW.toISOString(), dueAt: days(30) });
    expect(result.updated).toEqual([]);
    expect(result.resolved).toEqual([]);
  });

  test('keeps the id, firstSeenAt and due date while open; moves lastSeenAt once it is a day old', () => {
    const first = pass([], rotationOff, NOW);
    // Nothing changed within the day: nothing to write.
    const same = pass(first.stored, rotationOff, at(5));
    expect(same.result).toMatchObject({ opened: [], updated: [], resolved: [] });
    expect(same.result.unchanged).toEqual(first.result.opened);
    const second = pass(first.stored, rotationOff, at(25));
    expect(second.result.opened).toEqual([]);
    expect(second.result.updated).toHaveLength(1);
    const finding = second.result.updated[0]!;
    expect(finding.findingId).toBe(first.result.opened[0]!.findingId);
    expect(finding).toMatchObject({ status: 'open', firstSeenAt: NOW.toISOString(), lastSeenAt: at(25).toISOString(), dueAt: days(30) });
  });

  test('a continuing finding whose content changed within the day is written at once', () => {
    const first = pass([], rotationOff, NOW);
    const renamed = key({ lifecycle: { rotation: { applicable: true, enabled: false } }, tags: { env: 'prod', team: 'search' } });
    const second = pass(first.stored, renamed, at(1));
    expect(second.result.unchanged).toEqual([]);
    expect(second.result.updated[0]).toMatchObject({ asset: { tags: { env: 'prod', team: 'search' } }, lastSeenAt: at(1).toISOString() });
  });

  test('resolves when the condition ends (EnableKeyRotation), and reopens as a new occurrence', () => {
    const opened = pass([], rotationOff, NOW);
    const resolved = pass(opened.stored, rotationOn, at(1));
    expect(resolved.result.resolved).toEqual([expect.objectContaining({ status: 'resolved', resolvedAt: at(1).toISOString(), lastSeenAt: NOW.toISOString() })]);
    // Nothing more happens to a resolved finding while the condition stays away.
    expect(pass(resolved.stored, rotationOn, at(2)).result).toEqual({ opened: [], updated: [], unchanged: [], resolved: [] });
    const reopened = pass(resolved.stored, rotationOff, at(3));
    expect(reopened.result.opened).toEqual([expect.objectContaining({ findingId: opened.result.opened[0]!.findingId, status: 'open', firstSeenAt: at(3).toISOString() })]);
    expect(reopened.result.opened[0]!.resolvedAt).toBeUndefined();
  });

  test('a deleted asset resolves its findings', () => {
    const opened = pass([], rotationOff, NOW);
    const gone = pass(opened.stored, { ...rotationOff, deleted: true, deletedAt: at(1).toISOString() }, at(1));
    expect(gone.result.resolved.map((f) => f.status)).toEqual(['resolved']);
  });

  test('a suppressed finding stays suppressed while the suppression lasts, and reopens when it expires', () => {
    const opened = pass([], rotationOff, NOW);
    const suppressed = suppressFinding(opened.stored[0]!, { reason: 'Key retires with the legacy stack in Q1', expiresAt: days(10), by: 'token:security-admin' }, at(1));
    expect(suppressed).toMatchObject({ status: 'suppressed', suppression: { reason: 'Key retires with the legacy stack in Q1', expiresAt: days(10), by: 'token:security-admin', at: at(1).toISOString(), source: 'finding' } });
    const during = pass([suppressed], rotationOff, at(48));
    expect(during.result.updated[0]).toMatchObject({ status: 'suppressed', firstSeenAt: NOW.toISOString() });
    const after = pass(during.stored, rotationOff, new Date(Date.parse(days(10)) + HOUR_MS));
    expect(after.result.updated[0]).toMatchObject({ status: 'open', firstSeenAt: NOW.toISOString() });
    expect(after.result.updated[0]!.suppression).toBeUndefined();
  });

  test('a suppressed finding whose condition ends resolves, keeping the suppression record', () => {
    const suppressed = suppressFinding(pass([], rotationOff, NOW).stored[0]!, { reason: 'accepted risk', by: 'admin' }, NOW);
    const resolved = pass([suppressed], rotationOn, at(1)).result.resolved[0]!;
    expect(resolved).toMatchObject({ status: 'resolved', suppression: { reason: 'accepted risk' } });
  });

  test('a new occurrence does not inherit the suppression of a resolved one', () => {
    const suppressed = suppressFinding(pass([], rotationOff, NOW).stored[0]!, { reason: 'accepted risk', by: 'admin' }, NOW);
    const resolved = pass([suppressed], rotationOn, at(1));
    expect(pass(resolved.stored, rotationOff, at(2)).result.opened[0]).toMatchObject({ status: 'open' });
  });

  test('scoped suppressions (rule × account / tag) apply to matching findings, with their expiry', () => {
    const scoped = (o: Partial<ScopedSuppression>): ScopedSuppression => ({
      suppressionId: 'sup-01',
      ruleId: 'kms-rotation-disabled',
      reason: 'Sandbox accounts are rebuilt weekly',
      by: 'token:security-admin',
      at: days(-1),
      ...o,
    });
    const byAccount = pass([], rotationOff, NOW, [scoped({ accountId: ACCOUNT })]).result.opened[0]!;
    expect(byAccount).toMatchObject({ status: 'suppressed', suppression: { source: 'sup-01', reason: 'Sandbox accounts are rebuilt weekly' } });
    expect(pass([], rotationOff, NOW, [scoped({ accountId: '444455556666' })]).result.opened[0]!.status).toBe('open');
    expect(pass([], rotationOff, NOW, [scoped({ tag: { key: 'team', value: 'payments' } })]).result.opened[0]!.status).toBe('suppressed');
    expect(pass([], rotationOff, NOW, [scoped({ tag: { key: 'team', value: 'search' } })]).result.opened[0]!.status).toBe('open');
    expect(pass([], rotationOff, NOW, [scoped({ ruleId: 'kms-key-pending-deletion' })]).result.opened[0]!.status).toBe('open');
    expect(pass([], rotationOff, NOW, [scoped({ expiresAt: days(-1) })]).result.opened[0]!.status).toBe('open');
    // Lifting the scoped suppression (not passing it any more) reopens the finding at the next pass.
    expect(pass([byAccount], rotationOff, at(1)).result.updated[0]!.status).toBe('open');
  });

  test('the due date follows a severity change but keeps counting from firstSeenAt', () => {
    const retiring = key({ lifecycle: { state: 'PendingDeletion', deletionDate: days(20) } });
    const medium = reconcile([], evaluateAsset(retiring, { now: NOW }), NOW).opened[0]!;
    expect(medium).toMatchObject({ severity: 'medium', dueAt: days(20) });
    // A parameter encrypted with the key shows up: nothing about the key changed, its exposure did.
    const drafts = evaluateAsset(retiring, { now: at(24), encryptedAssets: [{ arn: 'arn:aws:ssm:eu-west-1:111122223333:parameter/app/db/url', type: 'parameter', region: 'eu-west-1' }] });
    expect(reconcile([medium], drafts, at(24)).updated[0]).toMatchObject({ severity: 'critical', firstSeenAt: NOW.toISOString(), dueAt: days(2) });
  });
});

describe('suppressFinding / liftSuppression', () => {
  const open = () => pass([], rotationOff, NOW).stored[0]!;

  test('needs a reason, who, and a future expiry; a resolved finding cannot be suppressed', () => {
    expect(() => suppressFinding(open(), { reason: ' ', by: 'admin' }, NOW)).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => suppressFinding(open(), { reason: 'x'.repeat(1001), by: 'admin' }, NOW)).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => suppressFinding(open(), { reason: 'ok', by: '' }, NOW)).toThrow(expect.objectContaining({ field: 'by' }));
    expect(() => suppressFinding(open(), { reason: 'ok', by: 'admin', expiresAt: days(-1) }, NOW)).toThrow(expect.objectContaining({ field: 'expiresAt' }));
    expect(() => suppressFinding(open(), { reason: 'ok', by: 'admin', expiresAt: 'next week' }, NOW)).toThrow(InvalidSuppressionError);
    const resolved: Finding = { ...open(), status: 'resolved', resolvedAt: NOW.toISOString() };
    expect(() => suppressFinding(resolved, { reason: 'ok', by: 'admin' }, NOW)).toThrow(expect.objectContaining({ field: 'findingId' }));
  });

  test('lifting reopens the finding and drops the suppression', () => {
    const suppressed = suppressFinding(open(), { reason: 'ok', by: 'admin' }, NOW);
    const lifted = liftSuppression(suppressed);
    expect(lifted.status).toBe('open');
    expect(lifted.suppression).toBeUndefined();
    expect(liftSuppression(open())).toEqual(open());
  });
});
