import { X509Certificate } from 'node:crypto';
import { classifyCertificate } from '../../../lambdas/crypto/certificate-classifier';
import { CertificateParseError, parseCertificatePem } from '../../../lambdas/crypto/certificate-parser';
import { generateCertificate, generateChain } from '../../support/certificates';

describe('parseCertificatePem on real generated certificates', () => {
  test.each([
    [{ kind: 'RSA', bits: 1024 } as const, 'SHA-1' as const, 'RSA', 1024, undefined, 'SHA1withRSA', 'RSA-1024', 80],
    [{ kind: 'RSA', bits: 2048 } as const, 'SHA-256' as const, 'RSA', 2048, undefined, 'SHA256withRSA', 'RSA-2048', 112],
    [{ kind: 'RSA', bits: 4096 } as const, 'SHA-256' as const, 'RSA', 4096, undefined, 'SHA256withRSA', 'RSA-4096', 128],
    [{ kind: 'EC', curve: 'P-256' } as const, 'SHA-256' as const, 'EC', undefined, 'prime256v1', 'SHA256withECDSA', 'EC P-256', 128],
    [{ kind: 'EC', curve: 'P-384' } as const, 'SHA-384' as const, 'EC', undefined, 'secp384r1', 'SHA384withECDSA', 'EC P-384', 192],
    [{ kind: 'EC', curve: 'P-256' } as const, 'SHA-1' as const, 'EC', undefined, 'prime256v1', 'SHA1withECDSA', 'EC P-256', 128],
  ])('%j signed with %s', async (key, hash, alg, size, curve, sigAlg, normalized, strength) => {
    // GIVEN
    const generated = await generateCertificate({ key, hash, subject: 'CN=api.example.com, O=Example', dnsNames: ['api.example.com', 'www.example.com'], serialNumber: '7f01a2' });
    // WHEN
    const parsed = parseCertificatePem(generated.pem);
    const crypto = classifyCertificate(parsed);
    // THEN
    expect(parsed.publicKeyAlgorithm).toBe(alg);
    expect(parsed.publicKeySize).toBe(size);
    expect(parsed.publicKeyCurve).toBe(curve);
    expect(parsed.signatureAlgorithm).toBe(sigAlg);
    expect(parsed.subject).toBe('CN=api.example.com, O=Example');
    expect(parsed.issuer).toBe('CN=api.example.com, O=Example');
    expect(parsed.subjectAlternativeNames).toEqual(['DNS:api.example.com', 'DNS:www.example.com']);
    expect(parsed.serialNumber).toBe('7f01a2');
    expect(parsed.fingerprintSha256).toBe(new X509Certificate(generated.pem).fingerprint256);
    expect(parsed.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(parsed.chainLength).toBe(1);
    expect(parsed.selfSigned).toBe(true);
    expect(crypto).toMatchObject({ algorithm: normalized, quantumVulnerable: true, classicalSecurityBits: strength, signatureAlgorithm: sigAlg });
  });

  test('validity dates, expired certificate', async () => {
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2021-01-01T00:00:00Z');
    const parsed = parseCertificatePem((await generateCertificate({ notBefore, notAfter })).pem);
    expect(parsed.notBefore).toBe('2020-01-01T00:00:00.000Z');
    expect(parsed.notAfter).toBe('2021-01-01T00:00:00.000Z');
  });

  test('chain length counts leaf + chain certificates; issuer is the intermediate', async () => {
    const { leaf, chainPem } = await generateChain({ subject: 'CN=leaf.example.com', key: { kind: 'EC', curve: 'P-256' } });
    const parsed = parseCertificatePem(leaf.pem, chainPem);
    expect(parsed.chainLength).toBe(3);
    expect(parsed.issuer).toBe('CN=Test Intermediate CA');
    expect(parsed.selfSigned).toBe(false);
    // the intermediate (EC P-256) signed the leaf with the default SHA-256
    expect(parsed.signatureAlgorithm).toBe('SHA256withECDSA');
  });

  test('garbage is a CertificateParseError, not a crash', () => {
    expect(() => parseCertificatePem('not a pem')).toThrow(CertificateParseError);
    expect(() => parseCertificatePem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(CertificateParseError);
  });
});
