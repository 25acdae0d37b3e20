import { RULES } from '../../../lambdas/findings/catalogue';
import { evaluateAsset } from '../../../lambdas/findings/evaluate-asset';
import type { Finding } from '../../../lambdas/findings/finding';
import { findingsToSarif } from '../../../lambdas/findings/findings-sarif';
import { reconcile } from '../../../lambdas/findings/reconcile';
import { sarifSchemaErrors } from '../../support/official-schemas';
import { certificate, days, key, NOW, secret } from './finding-fixtures';

// The SARIF log against the official SARIF 2.1.0 schema (OASIS Standard, Errata 01), over findings of several rules,
// one of them suppressed.
function sampleFindings(): Finding[] {
  const assets = [
    certificate({ lifecycle: { notAfter: days(-2) } }),
    certificate({ id: 'weak', domain: 'legacy.example.com', keyAlgorithm: 'RSA-1024', signatureAlgorithm: 'SHA1WITHRSA' }),
    key({ keyId: 'retiring', lifecycle: { state: 'PendingDeletion', deletionDate: days(5) } }),
    key({ keyId: 'norotate', lifecycle: { rotation: { applicable: true, enabled: false } } }),
    secret({ name: 'db/password+primary@eu', lifecycle: { rotation: { applicable: true, enabled: false } } }),
  ];
  const opened = reconcile([], assets.flatMap((a) => evaluateAsset(a, { now: NOW })), NOW).opened;
  expect(new Set(opened.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(5);
  const [first, ...rest] = opened;
  const suppressed: Finding = { ...first!, status: 'suppressed', suppression: { reason: 'Replaced next sprint', by: 'admin@example.com', at: NOW.toISOString(), source: 'finding' } };
  return [suppressed, ...rest];
}

describe('findingsToSarif', () => {
  it('is a valid SARIF 2.1.0 log (official schema): the catalogue as rules, one result per finding', () => {
    const findings = sampleFindings();
    const log = findingsToSarif(findings, { accountId: '111122223333' });
    expect(sarifSchemaErrors(log)).toBeNull();
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.tool.driver.rules!.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(log.runs[0]!.results).toHaveLength(findings.length);
    for (const rule of log.runs[0]!.tool.driver.rules!) expect(rule.fullDescription!.text).toMatch(/^[A-Z]/);
    expect(log.runs[0]!.results![0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Replaced next sprint' }]);
  });

  it('an empty log is valid too', () => {
    expect(sarifSchemaErrors(findingsToSarif([]))).toBeNull();
  });

  it('the validator rejects what the schema forbids (an unknown level, a result without a message)', () => {
    const log = structuredClone(findingsToSarif(sampleFindings())) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    log.runs[0]!.results[0]!.level = 'critical';
    expect(sarifSchemaErrors(log)).not.toBeNull();
    const noMessage = structuredClone(findingsToSarif(sampleFindings())) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete noMessage.runs[0]!.results[0]!.message;
    expect(sarifSchemaErrors(noMessage)).not.toBeNull();
  });
});
