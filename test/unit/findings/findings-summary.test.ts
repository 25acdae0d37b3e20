import { evaluateAsset } from '../../../lambdas/findings/evaluate-asset';
import { summarizeFindings } from '../../../lambdas/findings/findings-summary';
import { reconcile } from '../../../lambdas/findings/reconcile';
import { suppressFinding } from '../../../lambdas/findings/suppression';
import { certificate, days, importedCertificate, key, NOW, secret } from './finding-fixtures';

describe('summarizeFindings', () => {
  // GIVEN certificates across the expiry timeline, keys of three kinds and a secret
  const assets = [
    importedCertificate({ id: 'c-expired', lifecycle: { state: 'EXPIRED', notAfter: days(-3) } }),
    importedCertificate({ id: 'c-5', lifecycle: { notAfter: days(5) } }),
    certificate({ id: 'c-20', lifecycle: { notAfter: days(20) } }),
    certificate({ id: 'c-60', keyAlgorithm: 'EC_prime256v1', lifecycle: { notAfter: days(60) } }),
    certificate({ id: 'c-300', lifecycle: { notAfter: days(300) } }),
    certificate({ id: 'c-pending', lifecycle: { state: 'PENDING_VALIDATION', notAfter: undefined } }),
    { ...certificate({ id: 'c-deleted', lifecycle: { notAfter: days(2) } }), deleted: true },
    key({ keyId: 'k-rsa', keySpec: 'RSA_2048' }),
    key({ keyId: 'k-mldsa', keySpec: 'ML_DSA_65' }),
    key({ keyId: 'k-aes', lifecycle: { rotation: { applicable: true, enabled: false } } }),
    secret({ lifecycle: { rotation: { applicable: true, enabled: null } } }),
  ];
  const drafts = assets.flatMap((a) => evaluateAsset(a, { now: NOW }));
  const stored = reconcile([], drafts, NOW).opened;
  const rotation = stored.find((f) => f.ruleId === 'kms-rotation-disabled')!;
  const findings = stored.map((f) => (f === rotation ? suppressFinding(f, { reason: 'retiring', by: 'admin' }, NOW) : f));

  test('counts open findings by severity, rule and account; suppressed ones apart', () => {
    const summary = summarizeFindings(findings, assets, NOW);
    expect(summary.suppressed).toBe(1);
    expect(summary.open).toBe(findings.length - 1);
    expect(Object.values(summary.bySeverity).reduce((a, b) => a + b, 0)).toBe(summary.open);
    expect(summary.byRule['kms-rotation-disabled']).toBeUndefined();
    expect(summary.byRule).toMatchObject({ 'cert-expired': 1, 'cert-expiring': 2, 'secret-rotation-disabled': 1 });
    expect(summary.byAccount).toEqual({ '111122223333': summary.open });
  });

  test('the certificate expiry timeline and the quantum-vulnerable share', () => {
    const summary = summarizeFindings(findings, assets, NOW);
    expect(summary.certificateExpiry).toEqual({ expired: 1, within7Days: 1, within8To30Days: 1, within31To90Days: 1, later: 1 });
    expect(summary.quantumVulnerable).toEqual({
      byAssetType: { certificate: { vulnerable: 6, total: 6 }, key: { vulnerable: 1, total: 3 } },
      byAlgorithm: { 'RSA-2048': 6, 'EC P-256': 1 }, // five RSA certificates (the pending request too) and the RSA key
    });
  });
});
