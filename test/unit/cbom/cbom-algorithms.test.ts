import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { inventoryToCbom } from '../../../lambdas/cbom/inventory-to-cbom';
import type { CbomComponent, CbomDocument } from '../../../lambdas/cbom/cbom-types';
import { CURVE_OIDS, keyAlgorithmOid, OIDS, SIGNATURE_ALGORITHM_ROWS } from '../../../lambdas/crypto/algorithm-table';
import { classifyKmsKeySpec } from '../../../lambdas/crypto/kms-key-spec';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';
import { cbomSchemaErrors } from '../../support/official-schemas';
import { generateCertificate } from '../../support/certificates';
import { acmCertificate, kmsKey } from './cbom-fixtures';

// What a CBOM consumer reads off each algorithm family: OID, parameter set, classical and NIST quantum levels.
const GENERATED_AT = new Date('2025-06-01T00:00:00.000Z');

type AlgorithmCrypto = { assetType: 'algorithm'; oid?: string; algorithmProperties: Record<string, unknown> };

function exportOf(assets: DiscoveredAsset[]): CbomDocument {
  const doc = inventoryToCbom(assets, { generatedAt: GENERATED_AT, serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' });
  expect(cbomSchemaErrors(doc)).toBeNull();
  return doc;
}
const component = (doc: CbomDocument, ref: string): CbomComponent => {
  const c = doc.components.find((x) => x['bom-ref'] === ref);
  if (!c) throw new Error(`no component ${ref}`);
  return c;
};
const materialOf = (doc: CbomDocument, ref: string) =>
  (component(doc, ref).cryptoProperties as unknown as { relatedCryptoMaterialProperties: Record<string, unknown> }).relatedCryptoMaterialProperties;
const algorithmOf = (doc: CbomDocument, ref: string): AlgorithmCrypto & { name: string; properties?: readonly { name: string; value: string }[] } => {
  const c = component(doc, materialOf(doc, ref).algorithmRef as string);
  return { name: c.name, properties: c.properties, ...(c.cryptoProperties as unknown as AlgorithmCrypto) };
};
const certificateParts = (doc: CbomDocument, ref: string) => {
  const cp = (component(doc, ref).cryptoProperties as unknown as { certificateProperties: { signatureAlgorithmRef: string; subjectPublicKeyRef: string } }).certificateProperties;
  const sig = component(doc, cp.signatureAlgorithmRef);
  return { signature: { name: sig.name, ...(sig.cryptoProperties as unknown as AlgorithmCrypto) }, key: algorithmOf(doc, cp.subjectPublicKeyRef) };
};
const dependsOn = (doc: CbomDocument, ref: string) => doc.dependencies?.find((d) => d.ref === ref)?.dependsOn ?? [];

describe('certificates', () => {
  it('RSA-2048 with SHA256withRSA: sha256WithRSAEncryption and rsaEncryption, 2048 bits, linked from the certificate', async () => {
    const cert = await acmCertificate('rsa', { kind: 'RSA', bits: 2048 }, 'SHA-256');
    const doc = exportOf([cert]);
    const { signature, key } = certificateParts(doc, cert.arn);
    expect(signature).toEqual({
      name: 'SHA256withRSA',
      assetType: 'algorithm',
      oid: '1.2.840.113549.1.1.11',
      algorithmProperties: { primitive: 'signature', padding: 'pkcs1v15', cryptoFunctions: ['sign', 'verify'], classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 },
    });
    expect(key).toMatchObject({ name: 'RSA-2048', oid: '1.2.840.113549.1.1.1', algorithmProperties: { parameterSetIdentifier: '2048', classicalSecurityLevel: 112, nistQuantumSecurityLevel: 0 } });
    // certificate → signature algorithm and subject public key; the public key → its algorithm
    expect(dependsOn(doc, cert.arn)).toEqual([`${cert.arn}#subject-public-key`, 'crypto/algorithm/sha256withrsa/signature']);
    expect(dependsOn(doc, `${cert.arn}#subject-public-key`)).toEqual(['crypto/algorithm/rsa-2048/signature']);
  });

  it('EC P-384 with SHA384withECDSA: ecdsa-with-SHA384, id-ecPublicKey on secp384r1, 192 bits, the curve instead of a parameter set', async () => {
    const cert = await acmCertificate('ec', { kind: 'EC', curve: 'P-384' }, 'SHA-384');
    const { signature, key } = certificateParts(exportOf([cert]), cert.arn);
    expect(signature).toMatchObject({ name: 'SHA384withECDSA', oid: '1.2.840.10045.4.3.3', algorithmProperties: { classicalSecurityLevel: 192, nistQuantumSecurityLevel: 0 } });
    expect(signature.algorithmProperties).not.toHaveProperty('padding');
    expect(key).toMatchObject({ name: 'EC P-384', oid: '1.2.840.10045.2.1', algorithmProperties: { curve: 'P-384', classicalSecurityLevel: 192, nistQuantumSecurityLevel: 0 } });
    expect(key.algorithmProperties).not.toHaveProperty('parameterSetIdentifier');
    expect(key.properties).toEqual([{ name: 'aqg:crypto:curveOid', value: '1.3.132.0.34' }]);
  });

  it('SHA1withRSA: sha1WithRSAEncryption, no "1" as a parameter set, SHA-1 collision strength (63 bits)', async () => {
    const cert = await acmCertificate('old', { kind: 'RSA', bits: 2048 }, 'SHA-1');
    const { signature } = certificateParts(exportOf([cert]), cert.arn);
    expect(signature).toEqual({
      name: 'SHA1withRSA',
      assetType: 'algorithm',
      oid: '1.2.840.113549.1.1.5',
      algorithmProperties: { primitive: 'signature', padding: 'pkcs1v15', cryptoFunctions: ['sign', 'verify'], classicalSecurityLevel: 63, nistQuantumSecurityLevel: 0 },
    });
  });

  it('ACM spellings (SHA256WITHRSA, SM3WITHSM2, ML_DSA_65) name the same algorithms as the parser', async () => {
    const cert = await acmCertificate('acm', { kind: 'EC', curve: 'P-256' });
    const withSig = (sig: string): DiscoveredAsset => ({ ...cert, crypto: { ...cert.crypto, signatureAlgorithm: sig } });
    expect(certificateParts(exportOf([withSig('SHA256WITHRSA')]), cert.arn).signature).toMatchObject({ name: 'SHA256withRSA', oid: '1.2.840.113549.1.1.11' });
    expect(certificateParts(exportOf([withSig('SM3WITHSM2')]), cert.arn).signature).toMatchObject({ name: 'SM2-with-SM3', oid: '1.2.156.10197.1.501', algorithmProperties: { nistQuantumSecurityLevel: 0 } });
    expect(certificateParts(exportOf([withSig('ML_DSA_65')]), cert.arn).signature).toMatchObject({
      name: 'ML-DSA-65',
      oid: '2.16.840.1.101.3.4.3.18',
      algorithmProperties: { parameterSetIdentifier: '65', classicalSecurityLevel: 192, nistQuantumSecurityLevel: 3 },
    });
  });
});

describe('KMS keys', () => {
  it.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'eu-west-1', { name: 'AES-256-GCM', oid: '2.16.840.1.101.3.4.1.46', algorithmProperties: { primitive: 'ae', mode: 'gcm', parameterSetIdentifier: '256', classicalSecurityLevel: 256, nistQuantumSecurityLevel: 5 } }],
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', 'cn-north-1', { name: 'SM4-128-GCM', oid: '1.2.156.10197.1.104.8', algorithmProperties: { primitive: 'ae', mode: 'gcm', parameterSetIdentifier: '128', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 1 } }],
    ['HMAC_224', 'GENERATE_VERIFY_MAC', 'eu-west-1', { name: 'HMAC-SHA-224', oid: '1.2.840.113549.2.8', algorithmProperties: { primitive: 'mac', parameterSetIdentifier: '224', cryptoFunctions: ['tag', 'verify'], classicalSecurityLevel: 192, nistQuantumSecurityLevel: 3 } }],
    ['HMAC_256', 'GENERATE_VERIFY_MAC', 'eu-west-1', { name: 'HMAC-SHA-256', oid: '1.2.840.113549.2.9', algorithmProperties: { primitive: 'mac', parameterSetIdentifier: '256', classicalSecurityLevel: 256, nistQuantumSecurityLevel: 5 } }],
    ['HMAC_512', 'GENERATE_VERIFY_MAC', 'eu-west-1', { name: 'HMAC-SHA-512', oid: '1.2.840.113549.2.11', algorithmProperties: { primitive: 'mac', parameterSetIdentifier: '512', classicalSecurityLevel: 256, nistQuantumSecurityLevel: 5 } }],
    ['ML_DSA_44', 'SIGN_VERIFY', 'eu-west-1', { name: 'ML-DSA-44', oid: '2.16.840.1.101.3.4.3.17', algorithmProperties: { primitive: 'signature', parameterSetIdentifier: '44', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 2 } }],
    ['ML_DSA_65', 'SIGN_VERIFY', 'eu-west-1', { name: 'ML-DSA-65', oid: '2.16.840.1.101.3.4.3.18', algorithmProperties: { primitive: 'signature', parameterSetIdentifier: '65', classicalSecurityLevel: 192, nistQuantumSecurityLevel: 3 } }],
    ['ML_DSA_87', 'SIGN_VERIFY', 'eu-west-1', { name: 'ML-DSA-87', oid: '2.16.840.1.101.3.4.3.19', algorithmProperties: { primitive: 'signature', parameterSetIdentifier: '87', classicalSecurityLevel: 256, nistQuantumSecurityLevel: 5 } }],
    ['ECC_SECG_P256K1', 'SIGN_VERIFY', 'eu-west-1', { name: 'EC secp256k1', oid: '1.2.840.10045.2.1', algorithmProperties: { primitive: 'signature', curve: 'secp256k1', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 }, properties: [{ name: 'aqg:crypto:curveOid', value: '1.3.132.0.10' }] }],
    ['SM2', 'SIGN_VERIFY', 'cn-north-1', { name: 'SM2', oid: '1.2.156.10197.1.301', algorithmProperties: { primitive: 'signature', curve: 'SM2', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 } }],
    ['SM2', 'ENCRYPT_DECRYPT', 'cn-north-1', { name: 'SM2', oid: '1.2.156.10197.1.301', algorithmProperties: { primitive: 'pke', cryptoFunctions: ['encrypt', 'decrypt'] } }],
    ['RSA_3072', 'ENCRYPT_DECRYPT', 'eu-west-1', { name: 'RSA-3072', oid: '1.2.840.113549.1.1.1', algorithmProperties: { primitive: 'pke', parameterSetIdentifier: '3072', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 } }],
  ])('%s (%s, %s)', (keySpec, keyUsage, region, expected) => {
    const key = { ...kmsKey(`k-${keySpec}`, keySpec, keyUsage), region, crypto: classifyKmsKeySpec(keySpec, keyUsage, region) };
    const algorithm = algorithmOf(exportOf([key]), key.arn);
    expect(algorithm).toMatchObject({ assetType: 'algorithm', ...expected });
    // a curve is its own parameter set: never both
    if ('curve' in expected.algorithmProperties) expect(algorithm.algorithmProperties).not.toHaveProperty('parameterSetIdentifier');
  });
});

describe('the table against real encodings (Node/OpenSSL DER)', () => {
  /** DER content octets of an OID (X.690 §8.19), to find it inside an encoding. */
  function oidBytes(oid: string): Buffer {
    const [a, b, ...rest] = oid.split('.').map(Number);
    const out = [40 * a! + b!];
    for (const n of rest) {
      const groups = [n & 0x7f];
      for (let v = n >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
      out.push(...groups);
    }
    return Buffer.from([0x06, out.length, ...out]);
  }
  const spki = (type: 'rsa' | 'ec' | 'ed25519' | 'ed448', options: object = {}): Buffer =>
    (generateKeyPairSync(type as 'ec', options as never) as unknown as { publicKey: { export(o: object): Buffer } }).publicKey.export({ type: 'spki', format: 'der' });

  it('key algorithm and curve OIDs are what a SubjectPublicKeyInfo carries', () => {
    expect(spki('rsa', { modulusLength: 1024 }).includes(oidBytes(keyAlgorithmOid(classifyKmsKeySpec('RSA_2048'))!))).toBe(true);
    for (const [spec, curve] of [['ECC_NIST_P256', 'prime256v1'], ['ECC_NIST_P384', 'secp384r1'], ['ECC_NIST_P521', 'secp521r1'], ['ECC_SECG_P256K1', 'secp256k1']] as const) {
      const der = spki('ec', { namedCurve: curve });
      const row = classifyKmsKeySpec(spec);
      expect(der.includes(oidBytes(keyAlgorithmOid(row)!))).toBe(true);
      expect(der.includes(oidBytes(CURVE_OIDS[row.curve!]!))).toBe(true);
    }
    expect(spki('ec', { namedCurve: 'SM2' }).includes(oidBytes(OIDS.sm2))).toBe(true);
    expect(spki('ed25519').includes(oidBytes(keyAlgorithmOid(classifyKmsKeySpec('ECC_NIST_EDWARDS25519'))!))).toBe(true);
    expect(spki('ed448').includes(oidBytes(CURVE_OIDS.Ed448!))).toBe(true);
  });

  it.each([
    ['SHA1withRSA', { kind: 'RSA', bits: 2048 }, 'SHA-1'],
    ['SHA256withRSA', { kind: 'RSA', bits: 2048 }, 'SHA-256'],
    ['SHA384withRSA', { kind: 'RSA', bits: 2048 }, 'SHA-384'],
    ['SHA256withECDSA', { kind: 'EC', curve: 'P-256' }, 'SHA-256'],
    ['SHA384withECDSA', { kind: 'EC', curve: 'P-384' }, 'SHA-384'],
  ] as const)('%s: the OID is the one in a certificate signed so', async (name, key, hash) => {
    const generated = await generateCertificate({ key, hash });
    const der = Buffer.from(new X509Certificate(generated.pem).raw);
    expect(der.includes(oidBytes(SIGNATURE_ALGORITHM_ROWS[name]!.oid))).toBe(true);
  });
});

it('every algorithm component of a mixed export has an OID and both security levels', async () => {
  const assets = [
    ...['SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'RSA_2048', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'ECC_NIST_EDWARDS25519', 'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'].map((spec) =>
      kmsKey(`k-${spec}`, spec, spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : spec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY'),
    ),
    await acmCertificate('a', { kind: 'RSA', bits: 3072 }, 'SHA-1'),
    await acmCertificate('b', { kind: 'EC', curve: 'P-521' }, 'SHA-384'),
  ];
  const algorithms = exportOf(assets).components.filter((c) => c.cryptoProperties?.assetType === 'algorithm');
  expect(algorithms.length).toBeGreaterThanOrEqual(18);
  for (const a of algorithms) {
    const cp = a.cryptoProperties as unknown as AlgorithmCrypto;
    expect({ name: a.name, oid: cp.oid }).toEqual({ name: a.name, oid: expect.stringMatching(/^[0-2](\.\d+)+$/) });
    expect(cp.algorithmProperties).toEqual(expect.objectContaining({ classicalSecurityLevel: expect.any(Number), nistQuantumSecurityLevel: expect.any(Number) }));
  }
});
