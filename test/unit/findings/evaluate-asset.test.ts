import { CATALOGUE_VERSION } from '../../../lambdas/findings/catalogue';
import { UnknownProfileError, UnknownRuleError } from '../../../lambdas/findings/errors';
import { evaluateAsset, selectRules } from '../../../lambdas/findings/evaluate-asset';
import { findingId } from '../../../lambdas/findings/finding-id';
import { sortFindings } from '../../../lambdas/findings/sort-findings';
import { ALB, APP_ROLE, certificate, days, DISTRIBUTION, importedCertificate, key, NOW, secret, TENANT, usage } from './finding-fixtures';

describe('evaluateAsset', () => {
  // GIVEN an imported RSA-1024 certificate signed with SHA-1, expiring in 5 days, on a distribution and an ALB
  const legacy = importedCertificate({
    domain: 'legacy.example.com',
    keyAlgorithm: 'RSA-1024',
    signatureAlgorithm: 'SHA1WITHRSA',
    lifecycle: { notAfter: days(5) },
    relations: { inUseBy: [DISTRIBUTION, ALB] },
  });

  test('every rule that applies fires once, with id, severity, due date, evidence, blast radius and references', () => {
    // WHEN
    const drafts = evaluateAsset(legacy, { now: NOW });
    // THEN
    expect(drafts.map((d) => [d.ruleId, d.severity])).toEqual([
      ['cert-expiring', 'high'],
      ['cert-weak-key', 'high'],
      ['cert-weak-signature', 'high'],
      ['quantum-vulnerable', 'high'],
    ]);
    const expiring = drafts[0]!;
    expect(expiring).toMatchObject({
      findingId: findingId(TENANT, 'cert-expiring', legacy.id),
      tenantId: TENANT,
      title: 'Certificate expires soon',
      catalogueVersion: CATALOGUE_VERSION,
      profiles: ['aws-foundational'],
      asset: { assetId: legacy.id, arn: legacy.arn, type: 'certificate', accountId: '111122223333', region: 'eu-west-1', name: 'legacy.example.com', tags: { env: 'prod' } },
      deadline: days(5),
      dueAt: days(5), // the expiry comes before the 7-day target of a high finding
      evaluatedAt: NOW.toISOString(),
      compliance: [{ framework: 'AWS Foundational Security Best Practices', control: 'ACM.1' }],
      remediation: { url: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//) },
      blastRadiusTotal: 2,
    });
    expect(expiring.blastRadius.map((e) => e.arn)).toEqual([DISTRIBUTION, ALB]);
    expect(drafts[1]!.dueAt).toBe(days(7)); // high without a deadline: 7 days
  });

  test('the finding id is deterministic per (tenant, rule, asset)', () => {
    const again = evaluateAsset(legacy, { now: new Date(NOW.getTime() + 3_600_000) });
    expect(again.map((d) => d.findingId)).toEqual(evaluateAsset(legacy, { now: NOW }).map((d) => d.findingId));
    expect(findingId('other-tenant', 'cert-expiring', legacy.id)).not.toBe(findingId(TENANT, 'cert-expiring', legacy.id));
    expect(findingId(TENANT, 'cert-weak-key', legacy.id)).not.toBe(findingId(TENANT, 'cert-expiring', legacy.id));
    expect(findingId(TENANT, 'cert-expiring', legacy.id)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test('profiles filter the rules', () => {
    expect(evaluateAsset(legacy, { now: NOW }, { profile: 'pqc-readiness' }).map((d) => d.ruleId)).toEqual(['cert-weak-key', 'cert-weak-signature', 'quantum-vulnerable']);
    expect(evaluateAsset(legacy, { now: NOW }, { profile: 'aws-foundational' }).map((d) => d.ruleId)).toEqual(['cert-expiring', 'cert-weak-key']);
    expect(evaluateAsset(legacy, { now: NOW }, { ruleIds: ['quantum-vulnerable'] }).map((d) => d.ruleId)).toEqual(['quantum-vulnerable']);
  });

  test('unknown rule ids and profiles are input errors naming the field', () => {
    expect(() => evaluateAsset(legacy, { now: NOW }, { profile: 'pci' })).toThrow(UnknownProfileError);
    expect(() => selectRules({ ruleIds: ['cert-expired', 'cert-expird'] })).toThrow(expect.objectContaining({ field: 'ruleId', ruleId: 'cert-expird' }));
    expect(() => selectRules({ ruleIds: ['nope'] })).toThrow(UnknownRuleError);
  });

  test('thresholds reach the rules', () => {
    const in45 = certificate({ lifecycle: { notAfter: days(45) } });
    expect(evaluateAsset(in45, { now: NOW }, { ruleIds: ['cert-expiring'] })).toEqual([]);
    expect(evaluateAsset(in45, { now: NOW }, { ruleIds: ['cert-expiring'], thresholds: { certificateExpiringDays: 60 } })).toHaveLength(1);
  });

  test('a deleted asset raises nothing', () => {
    expect(evaluateAsset({ ...legacy, deleted: true, deletedAt: days(-1) }, { now: NOW })).toEqual([]);
  });

  test('a healthy asset raises nothing; relations raise severity', () => {
    expect(evaluateAsset(key(), { now: NOW })).toEqual([]);
    const retiring = key({ lifecycle: { state: 'PendingDeletion', deletionDate: days(6) } });
    const db = secret({ kmsKeyArn: retiring.arn });
    const [finding] = evaluateAsset(retiring, { now: NOW, encryptedAssets: [{ arn: db.arn, type: 'secret', region: db.region }], usages: [usage(retiring, APP_ROLE, 'iam-role', days(-1))] });
    expect(finding).toMatchObject({ ruleId: 'kms-key-pending-deletion', severity: 'critical', dueAt: days(2), blastRadiusTotal: 2 });
  });

  test('the blast radius is cut to its limit and the total kept', () => {
    const cert = certificate({ relations: { inUseBy: Array.from({ length: 5 }, (_, i) => `${ALB}${i}`) }, lifecycle: { notAfter: days(-1), state: 'EXPIRED' } });
    const [finding] = evaluateAsset(cert, { now: NOW }, { ruleIds: ['cert-expired'], blastRadiusLimit: 2 });
    expect(finding!.blastRadius).toHaveLength(2);
    expect(finding!.blastRadiusTotal).toBe(5);
  });
});

describe('sortFindings', () => {
  test('severity first, then due date, then id', () => {
    const f = (findingId: string, severity: 'critical' | 'high' | 'medium' | 'low', dueAt: string) => ({ findingId, severity, dueAt });
    const sorted = sortFindings([f('a', 'medium', days(1)), f('b', 'high', days(9)), f('c', 'critical', days(30)), f('d', 'high', days(3)), f('e', 'high', days(3)), f('f', 'low', days(0))]);
    expect(sorted.map((x) => x.findingId)).toEqual(['c', 'd', 'e', 'b', 'a', 'f']);
  });
});
