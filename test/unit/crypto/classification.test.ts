import { ACM_KEY_ALGORITHMS, classifyAcmKeyAlgorithm, normalizeAcmKeyAlgorithm } from '../../../lambdas/crypto/acm-key-algorithm';
import { rsaRow } from '../../../lambdas/crypto/algorithm-table';
import { classifyPublicKey } from '../../../lambdas/crypto/certificate-classifier';
import { classifyKmsKeySpec, KNOWN_KMS_KEY_SPECS } from '../../../lambdas/crypto/kms-key-spec';
import { classifyKmsProtected, classifyUnencrypted } from '../../../lambdas/crypto/kms-protected-crypto';

describe('classifyKmsKeySpec', () => {
  test.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { family: 'AES', algorithm: 'AES-256-GCM', keySize: 256, quantumVulnerable: false, classicalSecurityBits: 256, nistSecurityLevel: 5 }],
    ['RSA_2048', 'SIGN_VERIFY', { family: 'RSA', algorithm: 'RSA-2048', keySize: 2048, quantumVulnerable: true, classicalSecurityBits: 112 }],
    ['RSA_3072', 'ENCRYPT_DECRYPT', { family: 'RSA', keySize: 3072, quantumVulnerable: true, classicalSecurityBits: 128 }],
    ['RSA_4096', 'ENCRYPT_DECRYPT', { family: 'RSA', keySize: 4096, quantumVulnerable: true, classicalSecurityBits: 128 }],
    ['ECC_NIST_P256', 'SIGN_VERIFY', { family: 'EC', curve: 'P-256', quantumVulnerable: true, classicalSecurityBits: 128 }],
    ['ECC_NIST_P384', 'KEY_AGREEMENT', { family: 'EC', curve: 'P-384', quantumVulnerable: true, classicalSecurityBits: 192 }],
    ['ECC_NIST_P521', 'SIGN_VERIFY', { family: 'EC', curve: 'P-521', quantumVulnerable: true, classicalSecurityBits: 256 }],
    ['ECC_SECG_P256K1', 'SIGN_VERIFY', { family: 'EC', curve: 'secp256k1', quantumVulnerable: true }],
    ['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', { family: 'EdDSA', curve: 'Ed25519', quantumVulnerable: true }],
    ['SM2', 'SIGN_VERIFY', { family: 'SM2', quantumVulnerable: true }],
    ['HMAC_224', 'GENERATE_VERIFY_MAC', { family: 'HMAC', keySize: 224, quantumVulnerable: false, classicalSecurityBits: 192, nistSecurityLevel: 3 }],
    ['HMAC_512', 'GENERATE_VERIFY_MAC', { family: 'HMAC', algorithm: 'HMAC-SHA-512', keySize: 512, quantumVulnerable: false, classicalSecurityBits: 256, nistSecurityLevel: 5 }],
    ['ML_DSA_44', 'SIGN_VERIFY', { family: 'ML-DSA', algorithm: 'ML-DSA-44', quantumVulnerable: false, nistSecurityLevel: 2, classicalSecurityBits: 128 }],
    ['ML_DSA_65', 'SIGN_VERIFY', { family: 'ML-DSA', quantumVulnerable: false, nistSecurityLevel: 3 }],
    ['ML_DSA_87', 'SIGN_VERIFY', { family: 'ML-DSA', quantumVulnerable: false, nistSecurityLevel: 5, classicalSecurityBits: 256 }],
  ])('%s', (spec, usage, expected) => {
    expect(classifyKmsKeySpec(spec, usage)).toMatchObject({ ...expected, keyUsage: [usage] });
  });

  test('every KeySpec of the KMS model has a row (none falls through to UNKNOWN)', () => {
    const modelSpecs = ['SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519', 'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'];
    expect([...KNOWN_KMS_KEY_SPECS].sort()).toEqual([...modelSpecs].sort());
    for (const spec of modelSpecs) expect(classifyKmsKeySpec(spec).family).not.toBe('UNKNOWN');
  });

  test('SYMMETRIC_DEFAULT is SM4 in China Regions', () => {
    expect(classifyKmsKeySpec('SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'cn-north-1')).toMatchObject({ family: 'SM4', quantumVulnerable: false, classicalSecurityBits: 128, nistSecurityLevel: 1 });
  });

  test('an unknown spec is unknown, never guessed', () => {
    expect(classifyKmsKeySpec('ML_KEM_768_FUTURE')).toMatchObject({ family: 'UNKNOWN', quantumVulnerable: null });
  });
});

describe('ACM key algorithms', () => {
  test.each([
    ['RSA-2048', 'RSA_2048'],
    ['RSA_2048', 'RSA_2048'],
    ['RSA-1024', 'RSA_1024'],
    ['EC-prime256v1', 'EC_prime256v1'],
    ['EC_secp384r1', 'EC_secp384r1'],
    ['EC_secp521r1', 'EC_secp521r1'],
  ])('normalizes %s → %s', (input, expected) => expect(normalizeAcmKeyAlgorithm(input)).toBe(expected));

  test('both spellings classify the same', () => {
    expect(classifyAcmKeyAlgorithm('RSA-2048')).toEqual(classifyAcmKeyAlgorithm('RSA_2048'));
    expect(classifyAcmKeyAlgorithm('EC_prime256v1')).toMatchObject({ family: 'EC', curve: 'P-256', quantumVulnerable: true });
    expect(classifyAcmKeyAlgorithm('RSA_1024')).toMatchObject({ classicalSecurityBits: 80, quantumVulnerable: true });
  });

  test('all seven key types are known', () => {
    expect(ACM_KEY_ALGORITHMS).toHaveLength(7);
    for (const a of ACM_KEY_ALGORITHMS) expect(classifyAcmKeyAlgorithm(a).family).not.toBe('UNKNOWN');
  });
});

describe('SP 800-57 RSA strength brackets and public keys', () => {
  test.each([
    [1024, 80],
    [1536, 80],
    [2048, 112],
    [3072, 128],
    [7680, 192],
    [15360, 256],
  ])('RSA-%i → %i bits', (bits, strength) => expect(rsaRow(bits).classicalSecurityBits).toBe(strength));

  test('RSA below 1024 has no strength claimed', () => expect(rsaRow(512).classicalSecurityBits).toBeUndefined());

  test('OpenSSL curve names map to the canonical rows', () => {
    expect(classifyPublicKey('EC', undefined, 'secp521r1')).toMatchObject({ curve: 'P-521' });
    expect(classifyPublicKey('EC', undefined, 'brainpoolP256r1')).toMatchObject({ family: 'EC', quantumVulnerable: true });
  });
});

describe('what protects secrets and parameters', () => {
  test('KMS-protected = the symmetric default key (AES-256-GCM)', () => {
    expect(classifyKmsProtected('eu-west-1')).toMatchObject({ family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false });
  });
  test('plain String parameter: nothing to classify', () => {
    expect(classifyUnencrypted()).toMatchObject({ family: 'UNKNOWN', algorithm: 'none', quantumVulnerable: null });
  });
});
