import { expirySeverity } from '../../../lambdas/findings/certificate-expiry';
import { certificateDetails } from '../../../lambdas/findings/certificate-facts';
import { ruleContext, type AssetRelations } from '../../../lambdas/findings/rule-context';
import { certExpired } from '../../../lambdas/findings/rules/cert-expired';
import { certExpiring } from '../../../lambdas/findings/rules/cert-expiring';
import { certRenewalAtRisk } from '../../../lambdas/findings/rules/cert-renewal-at-risk';
import { certWeakKey } from '../../../lambdas/findings/rules/cert-weak-key';
import { certWeakSignature } from '../../../lambdas/findings/rules/cert-weak-signature';
import { rsaRow } from '../../../lambdas/crypto/algorithm-table';
import type { Asset } from '../../../lambdas/inventory/asset';
import { API_DOMAIN, certificate, days, importedCertificate, NOW, usage } from './finding-fixtures';

const ctx = (relations: Partial<AssetRelations> = {}, thresholds = {}) => ruleContext(NOW, relations, thresholds);
const unused = { relations: { inUseBy: [] } };

describe('cert-expired', () => {
  test('an expired certificate behind a load balancer is critical', () => {
    // GIVEN expired.example.com, still in InUseBy
    const asset = importedCertificate({ domain: 'expired.example.com', lifecycle: { state: 'EXPIRED', notAfter: days(-10) } });
    // WHEN / THEN
    expect(certExpired.evaluate(asset, ctx())).toEqual({
      severity: 'critical',
      evidence: expect.objectContaining({ notAfter: days(-10), daysSinceExpiry: 10, inUse: true }),
    });
  });

  test('seen in use by an event only (no InUseBy) is still critical', () => {
    const asset = importedCertificate({ lifecycle: { state: 'EXPIRED', notAfter: days(-3) }, ...unused });
    expect(certExpired.evaluate(asset, ctx({ usages: [usage(asset, API_DOMAIN, 'apigateway-domain', days(-2), 'CreateDomainName')] }))?.severity).toBe('critical');
  });

  test('an expired certificate nothing uses is medium; a usage older than the recent window does not count', () => {
    const asset = importedCertificate({ lifecycle: { state: 'EXPIRED', notAfter: days(-40) }, ...unused });
    expect(certExpired.evaluate(asset, ctx({ usages: [usage(asset, API_DOMAIN, 'apigateway-domain', days(-45))] }))?.severity).toBe('medium');
  });

  test('does not fire before NotAfter, nor on a certificate never issued (no NotAfter)', () => {
    expect(certExpired.evaluate(certificate({ lifecycle: { notAfter: days(1) } }), ctx())).toBeUndefined();
    const pending = certificate({ domain: 'pending.example.com', lifecycle: { state: 'PENDING_VALIDATION', notAfter: undefined, notBefore: undefined }, details: { renewalEligibility: 'INELIGIBLE' }, ...unused });
    expect(certExpired.evaluate(pending, ctx())).toBeUndefined();
    const timedOut = certificate({ lifecycle: { state: 'VALIDATION_TIMED_OUT', notAfter: days(-5) } });
    expect(certExpired.evaluate(timedOut, ctx())).toBeUndefined();
  });
});

describe('cert-expiring', () => {
  test('an imported certificate in use with 12 days left is high: ACM will not renew it', () => {
    const asset = importedCertificate({ domain: 'soon.example.com', lifecycle: { notAfter: days(12) } });
    const match = certExpiring.evaluate(asset, ctx());
    expect(match).toMatchObject({ severity: 'high', deadline: days(12), evidence: { daysToExpiry: 12, autoRenewable: false, inUse: true } });
  });

  test('an Amazon-issued, renewal-eligible certificate in use with 20 days left is medium', () => {
    expect(certExpiring.evaluate(certificate({ lifecycle: { notAfter: days(20) } }), ctx())?.severity).toBe('medium');
  });

  test('an imported certificate nobody uses with 20 days left is medium', () => {
    expect(certExpiring.evaluate(importedCertificate({ lifecycle: { notAfter: days(20) }, ...unused }), ctx())?.severity).toBe('medium');
  });

  test('7 days or fewer is high even when ACM renews it', () => {
    expect(certExpiring.evaluate(certificate({ lifecycle: { notAfter: days(6.5) } }), ctx())?.severity).toBe('high');
  });

  test('the threshold is configurable; outside it, expired, or never issued it does not fire', () => {
    const at45 = certificate({ lifecycle: { notAfter: days(45) } });
    expect(certExpiring.evaluate(at45, ctx())).toBeUndefined();
    expect(certExpiring.evaluate(at45, ctx({}, { certificateExpiringDays: 60 }))?.severity).toBe('medium');
    expect(certExpiring.evaluate(certificate({ lifecycle: { notAfter: days(-1), state: 'EXPIRED' } }), ctx())).toBeUndefined();
    expect(certExpiring.evaluate(certificate({ lifecycle: { state: 'PENDING_VALIDATION', notAfter: undefined } }), ctx())).toBeUndefined();
  });
});

describe('cert-renewal-at-risk', () => {
  test('an Amazon-issued certificate in use but INELIGIBLE for renewal is high', () => {
    const asset = certificate({ domain: 'shop.example.com', details: { renewalEligibility: 'INELIGIBLE' } });
    expect(certRenewalAtRisk.evaluate(asset, ctx())).toMatchObject({ severity: 'high', deadline: days(300), evidence: { renewalEligibility: 'INELIGIBLE', inUse: true } });
  });

  test('a failed or validation-pending managed renewal is high even when eligible and unused', () => {
    const failed = certificate({ details: { renewalStatus: 'FAILED', renewalStatusReason: 'CAA_ERROR' }, ...unused });
    expect(certRenewalAtRisk.evaluate(failed, ctx())).toMatchObject({ severity: 'high', evidence: { renewalStatus: 'FAILED', renewalStatusReason: 'CAA_ERROR' } });
    const pending = certificate({ details: { renewalStatus: 'PENDING_VALIDATION' } });
    expect(certRenewalAtRisk.evaluate(pending, ctx())?.severity).toBe('high');
  });

  test('INELIGIBLE and unused is low (ACM renews only certificates associated with a service)', () => {
    expect(certRenewalAtRisk.evaluate(certificate({ details: { renewalEligibility: 'INELIGIBLE' }, ...unused }), ctx())?.severity).toBe('low');
  });

  test('does not fire on a pending first validation, an imported certificate, or a healthy renewal', () => {
    const firstRequest = certificate({ domain: 'pending.example.com', lifecycle: { state: 'PENDING_VALIDATION', notAfter: undefined }, details: { renewalEligibility: 'INELIGIBLE' }, ...unused });
    expect(certRenewalAtRisk.evaluate(firstRequest, ctx())).toBeUndefined();
    expect(certRenewalAtRisk.evaluate(importedCertificate(), ctx())).toBeUndefined();
    expect(certRenewalAtRisk.evaluate(certificate({ details: { renewalStatus: 'PENDING_AUTO_RENEWAL' } }), ctx())).toBeUndefined();
    expect(certRenewalAtRisk.evaluate(certificate({ details: { renewalStatus: 'SUCCESS' } }), ctx())).toBeUndefined();
  });
});

describe('cert-weak-key', () => {
  test('RSA-1024 fires high with the strength as evidence', () => {
    const asset = importedCertificate({ domain: 'legacy.example.com', keyAlgorithm: 'RSA-1024' });
    expect(certWeakKey.evaluate(asset, ctx())).toEqual({ severity: 'high', evidence: { algorithm: 'RSA-1024', keySize: 1024, curve: null, classicalSecurityBits: 80 } });
  });

  test('an EC curve below P-256 fires; P-256 and RSA-2048 do not', () => {
    const p192: Asset = { ...importedCertificate(), crypto: { family: 'EC', algorithm: 'EC P-192', curve: 'P-192', keySize: 192, quantumVulnerable: true, classicalSecurityBits: 96 } };
    expect(certWeakKey.evaluate(p192, ctx())?.severity).toBe('high');
    expect(certWeakKey.evaluate(certificate({ keyAlgorithm: 'EC_prime256v1' }), ctx())).toBeUndefined();
    expect(certWeakKey.evaluate(certificate(), ctx())).toBeUndefined();
  });

  test('an RSA key whose size is unknown is not guessed weak', () => {
    const unknownSize: Asset = { ...importedCertificate(), crypto: { family: 'RSA', algorithm: 'RSA', quantumVulnerable: true } };
    expect(certWeakKey.evaluate(unknownSize, ctx())).toBeUndefined();
    const rsa1536: Asset = { ...importedCertificate(), crypto: { ...rsaRow(1536), signatureAlgorithm: 'SHA256withRSA' } };
    expect(certWeakKey.evaluate(rsa1536, ctx())?.severity).toBe('high');
  });
});

describe('cert-weak-signature', () => {
  test.each(['SHA1withRSA', 'SHA1WITHRSA', 'sha1WithRSAEncryption', 'MD5withRSA', 'ecdsa-with-SHA1'])('%s fires high', (signatureAlgorithm) => {
    const asset = importedCertificate({ domain: 'old.example.com', signatureAlgorithm, details: { chainLength: 1 } });
    expect(certWeakSignature.evaluate(asset, ctx())).toEqual({ severity: 'high', evidence: { signatureAlgorithm, chainLength: 1 } });
  });

  test.each(['SHA256withRSA', 'SHA256WITHRSA', 'SHA384withECDSA', 'SHA512WITHRSA', 'RSASSA-PSS', 'Ed25519'])('%s does not fire', (signatureAlgorithm) => {
    expect(certWeakSignature.evaluate(certificate({ signatureAlgorithm }), ctx())).toBeUndefined();
  });

  test('an unknown signature algorithm (no body read) does not fire', () => {
    const asset: Asset = { ...certificate(), crypto: { ...certificate().crypto, signatureAlgorithm: undefined } };
    expect(certWeakSignature.evaluate(asset, ctx())).toBeUndefined();
  });
});

describe('expirySeverity (shared by cert-expired and cert-expiring)', () => {
  const expiry = (days: number, inUse: boolean, autoRenewable: boolean) => ({ details: certificateDetails(certificate())!, notAfter: NOW.toISOString(), days, inUse, autoRenewable });
  test.each([
    [-1, true, true, 'critical'],
    [-1, false, false, 'medium'],
    [0, true, false, 'critical'],
    [5, false, true, 'high'],
    [7, false, true, 'high'],
    [12, true, false, 'high'],
    [12, true, true, 'medium'],
    [12, false, false, 'medium'],
  ])('%d days, in use %s, auto-renewable %s → %s', (days, inUse, renews, severity) => {
    expect(expirySeverity(expiry(days, inUse, renews), { urgentDays: 7 })).toBe(severity);
  });
});
