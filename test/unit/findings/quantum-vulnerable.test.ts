import { ruleContext, type AssetRelations } from '../../../lambdas/findings/rule-context';
import { quantumVulnerable } from '../../../lambdas/findings/rules/quantum-vulnerable';
import { ALB, API_DOMAIN, APP_ROLE, certificate, days, DISTRIBUTION, key, NOW, secret, usage } from './finding-fixtures';

const ctx = (relations: Partial<AssetRelations> = {}, thresholds = {}) => ruleContext(NOW, relations, thresholds);

describe('quantum-vulnerable', () => {
  test('an RSA certificate on a CloudFront distribution and a load balancer is high, naming both', () => {
    const shop = certificate({ domain: 'shop.example.com', relations: { inUseBy: [DISTRIBUTION, ALB] } });
    expect(quantumVulnerable.evaluate(shop, ctx())).toEqual({
      severity: 'high',
      evidence: { algorithm: 'RSA-2048', family: 'RSA', keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'], exposedUsers: [ALB, DISTRIBUTION].sort(), longLived: false, validUntil: days(300) },
    });
  });

  test('an API Gateway domain seen in events counts as exposure', () => {
    const api = certificate({ domain: 'api.example.com', keyAlgorithm: 'EC_prime256v1', signatureAlgorithm: 'SHA256WITHECDSA', relations: { inUseBy: [] } });
    expect(quantumVulnerable.evaluate(api, ctx({ usages: [usage(api, API_DOMAIN, 'apigateway-domain', days(-1), 'CreateDomainName')] }))?.severity).toBe('high');
  });

  test('an unexposed certificate valid past 2030 is high (long-lived); one that expires before is medium', () => {
    const internal = (notAfter: string) => certificate({ domain: 'internal.example.com', keyAlgorithm: 'RSA-3072', relations: { inUseBy: [] }, lifecycle: { notAfter } });
    expect(quantumVulnerable.evaluate(internal('2031-06-30T00:00:00.000Z'), ctx())).toMatchObject({ severity: 'high', evidence: { longLived: true } });
    expect(quantumVulnerable.evaluate(internal(days(300)), ctx())).toMatchObject({ severity: 'medium', evidence: { longLived: false, exposedUsers: [] } });
    // The deprecation date is a threshold: moved earlier, the same certificate becomes long-lived.
    expect(quantumVulnerable.evaluate(internal(days(300)), ctx({}, { quantumDeprecationDate: days(100) }))?.severity).toBe('high');
  });

  test('a KMS key does not expire, so it is long-lived: high even when nothing exposed uses it', () => {
    const signing = key({ keyId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', keySpec: 'RSA_2048' });
    expect(quantumVulnerable.evaluate(signing, ctx({ usages: [usage(signing, APP_ROLE, 'iam-role', days(-1), 'Sign')] }))).toMatchObject({
      severity: 'high',
      evidence: { algorithm: 'RSA-2048', keyUsage: ['SIGN_VERIFY'], longLived: true, validUntil: null },
    });
    expect(quantumVulnerable.evaluate(key({ keySpec: 'ECC_NIST_P256', keyUsage: 'KEY_AGREEMENT', lifecycle: { state: 'Disabled' } }), ctx())?.severity).toBe('high');
  });

  test('ECC key agreement, secp256k1, Ed25519 and SM2 keys are vulnerable too', () => {
    for (const keySpec of ['ECC_NIST_P384', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519', 'SM2']) {
      expect(quantumVulnerable.evaluate(key({ keySpec }), ctx())).toBeDefined();
    }
  });

  test('ML-DSA, AES and HMAC keys and secrets are not quantum-vulnerable', () => {
    expect(quantumVulnerable.evaluate(key({ keySpec: 'ML_DSA_65', tags: { pqc: 'pilot' } }), ctx())).toBeUndefined();
    expect(quantumVulnerable.evaluate(key(), ctx())).toBeUndefined();
    expect(quantumVulnerable.evaluate(key({ keySpec: 'HMAC_256' }), ctx())).toBeUndefined();
    expect(quantumVulnerable.evaluate(secret(), ctx())).toBeUndefined();
  });

  test('an unknown algorithm is not guessed vulnerable', () => {
    expect(quantumVulnerable.evaluate(key({ keySpec: 'UNKNOWN' }), ctx())).toBeUndefined();
  });

  test('certificates never issued or out of service, and keys pending deletion, do not fire', () => {
    for (const state of ['PENDING_VALIDATION', 'FAILED', 'EXPIRED', 'REVOKED', 'INACTIVE']) {
      expect(quantumVulnerable.evaluate(certificate({ lifecycle: { state } }), ctx())).toBeUndefined();
    }
    expect(quantumVulnerable.evaluate(key({ keySpec: 'RSA_4096', lifecycle: { state: 'PendingDeletion', deletionDate: days(7) } }), ctx())).toBeUndefined();
  });
});
