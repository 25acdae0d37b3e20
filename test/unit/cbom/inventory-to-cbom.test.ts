import { CBOM_MEDIA_TYPE, DuplicateBomRefError, inventoryToCbom } from '../../../lambdas/cbom/inventory-to-cbom';
import type { CbomComponent, CbomDocument } from '../../../lambdas/cbom/cbom-types';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';
import { acmCertificate, kmsKey, parameter, secret } from './cbom-fixtures';
import { cbomSchemaErrors } from '../../support/official-schemas';

const GENERATED_AT = new Date('2025-02-01T12:00:00.000Z');
const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';

let assets: Record<string, DiscoveredAsset>;
let cbom: CbomDocument;

beforeAll(async () => {
  const customerKey = kmsKey('cmk-aes', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', {}, { rotation: { applicable: true, enabled: true, periodDays: 365, lastRotatedAt: '2025-01-01T00:00:00.000Z' } });
  assets = {
    rsaKey: kmsKey('rsa-sign', 'RSA_2048', 'SIGN_VERIFY', { multiRegion: true, multiRegionKeyType: 'PRIMARY' }),
    ecKey: kmsKey('ec-sign', 'ECC_NIST_P256', 'SIGN_VERIFY', {}, { state: 'PendingDeletion', deletionDate: '2025-03-01T00:00:00.000Z' }),
    mlDsaKey: kmsKey('mldsa', 'ML_DSA_65', 'SIGN_VERIFY'),
    customerKey,
    xksKey: kmsKey('xks', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { origin: 'EXTERNAL_KEY_STORE', customKeyStoreId: 'cks-1234567890abcdef0' }),
    rsaCert: await acmCertificate('rsa', { kind: 'RSA', bits: 2048 }),
    ecCert: await acmCertificate('ec', { kind: 'EC', curve: 'P-384' }, 'SHA-384'),
    secret: secret('db-password', customerKey.arn),
    secureString: parameter('/app/api-key', true, customerKey.arn),
    plainParameter: parameter('/app/endpoint', false),
    foreignSecret: secret('shared', 'arn:aws:kms:eu-west-1:999988887777:key/not-in-this-bom'),
  };
  cbom = inventoryToCbom(Object.values(assets), { generatedAt: GENERATED_AT, serialNumber: SERIAL, subject: 'AWS account 111122223333', toolVersion: '0.1.0' });
});

const byRef = (ref: string): CbomComponent => {
  const c = cbom.components.find((x) => x['bom-ref'] === ref);
  if (!c) throw new Error(`no component ${ref}`);
  return c;
};
const crypto = (ref: string) => byRef(ref).cryptoProperties as unknown as Record<string, Record<string, unknown>> & { assetType: string };
const props = (ref: string) => byRef(ref).properties ?? [];
const prop = (ref: string, name: string) => props(ref).filter((p) => p.name === name).map((p) => p.value);
const algorithmOf = (ref: string) => crypto(crypto(ref).relatedCryptoMaterialProperties!.algorithmRef as string);

describe('inventoryToCbom', () => {
  // GIVEN assets of every type WHEN exported THEN the library's strict 1.6 JSON-schema validator accepts the document
  it('is a valid CycloneDX 1.6 document (the library\'s strict schema validator)', async () => {
    expect(await cbomSchemaErrors(cbom)).toBeNull();
    expect(cbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: SERIAL, version: 1 });
    expect(cbom.metadata).toMatchObject({ timestamp: GENERATED_AT.toISOString(), component: { type: 'platform', name: 'AWS account 111122223333' } });
    expect(CBOM_MEDIA_TYPE).toBe('application/vnd.cyclonedx+json; version=1.6');
  });

  it('the validator really checks cryptoProperties (a wrong enum value is rejected)', async () => {
    const broken = structuredClone(cbom) as unknown as { components: { cryptoProperties?: { relatedCryptoMaterialProperties?: { type: string } } }[] };
    const material = broken.components.find((c) => c.cryptoProperties?.relatedCryptoMaterialProperties)!;
    material.cryptoProperties!.relatedCryptoMaterialProperties!.type = 'password-ish';
    expect(await cbomSchemaErrors(broken)).not.toBeNull();
  });

  it('every component is a cryptographic asset, and every reference points to a component of the document', () => {
    const refs = new Set(cbom.components.map((c) => c['bom-ref']));
    expect(refs.size).toBe(cbom.components.length);
    for (const c of cbom.components) {
      expect(c.type).toBe('cryptographic-asset');
      expect(c.cryptoProperties).toEqual(expect.objectContaining({ assetType: expect.stringMatching(/^(algorithm|certificate|related-crypto-material)$/) }));
      const cp = c.cryptoProperties as unknown as Record<string, Record<string, unknown>>;
      for (const ref of [
        cp.relatedCryptoMaterialProperties?.algorithmRef,
        (cp.relatedCryptoMaterialProperties?.securedBy as { algorithmRef?: string } | undefined)?.algorithmRef,
        cp.certificateProperties?.signatureAlgorithmRef,
        cp.certificateProperties?.subjectPublicKeyRef,
      ]) {
        if (ref !== undefined) expect(refs).toContain(ref);
      }
    }
    for (const d of cbom.dependencies ?? []) for (const to of d.dependsOn ?? []) expect(refs).toContain(to);
  });

  it('an RSA signing key: private key material, active, 2048 bits, HSM, algorithm RSA-2048 signature at level 0', () => {
    const ref = assets.rsaKey!.arn;
    expect(crypto(ref)).toEqual({
      assetType: 'related-crypto-material',
      relatedCryptoMaterialProperties: {
        type: 'private-key',
        id: ref,
        state: 'active',
        algorithmRef: 'crypto/algorithm/rsa-2048/signature/aws-kms-hsm',
        creationDate: '2024-03-01T10:00:00.000Z',
        size: 2048,
        securedBy: { mechanism: 'HSM' },
      },
    });
    expect(algorithmOf(ref)).toEqual({
      assetType: 'algorithm',
      algorithmProperties: {
        primitive: 'signature',
        parameterSetIdentifier: '2048',
        executionEnvironment: 'hardware',
        certificationLevel: ['fips140-3-l3'],
        cryptoFunctions: ['sign', 'verify'],
        classicalSecurityLevel: 112,
        nistQuantumSecurityLevel: 0,
      },
      oid: '1.2.840.113549.1.1.1',
    });
    expect(byRef(ref).name).toBe('alias/rsa-sign');
    expect(prop(ref, 'aqg:aws:kms:multiRegion')).toEqual(['true']);
    expect(prop(ref, 'aqg:aws:kms:multiRegionKeyType')).toEqual(['PRIMARY']);
    expect(prop(ref, 'aqg:aws:accountId')).toEqual(['111122223333']);
    expect(prop(ref, 'aqg:aws:region')).toEqual(['eu-west-1']);
    expect(prop(ref, 'aqg:aws:tag:team')).toEqual(['payments']);
    expect(prop(ref, 'aqg:quantumVulnerable')).toEqual(['true']);
  });

  it('an EC key pending deletion: deactivated, curve P-256, 128-bit classical, level 0', () => {
    const ref = assets.ecKey!.arn;
    expect(crypto(ref).relatedCryptoMaterialProperties).toMatchObject({ type: 'private-key', state: 'deactivated', size: 256 });
    expect(algorithmOf(ref).algorithmProperties).toMatchObject({ primitive: 'signature', curve: 'P-256', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 });
    expect(algorithmOf(ref).algorithmProperties).not.toHaveProperty('parameterSetIdentifier');
    expect(prop(ref, 'aqg:aws:deletionDate')).toEqual(['2025-03-01T00:00:00.000Z']);
  });

  it('an ML-DSA-65 key: NIST level 3, parameter set 65, not quantum-vulnerable', () => {
    const ref = assets.mlDsaKey!.arn;
    expect(byRef(crypto(ref).relatedCryptoMaterialProperties!.algorithmRef as string).name).toBe('ML-DSA-65');
    expect(algorithmOf(ref).algorithmProperties).toMatchObject({ primitive: 'signature', parameterSetIdentifier: '65', nistQuantumSecurityLevel: 3 });
    expect(prop(ref, 'aqg:quantumVulnerable')).toEqual(['false']);
  });

  it('a symmetric key: secret key, AES-256-GCM authenticated encryption at level 5, rotation as the update date', () => {
    const ref = assets.customerKey!.arn;
    expect(crypto(ref).relatedCryptoMaterialProperties).toMatchObject({ type: 'secret-key', size: 256, updateDate: '2025-01-01T00:00:00.000Z' });
    expect(algorithmOf(ref).algorithmProperties).toMatchObject({ primitive: 'ae', mode: 'gcm', parameterSetIdentifier: '256', classicalSecurityLevel: 256, nistQuantumSecurityLevel: 5, cryptoFunctions: ['encrypt', 'decrypt'] });
    expect(prop(ref, 'aqg:rotation:enabled')).toEqual(['true']);
  });

  it('an external key store key is not claimed to be in a FIPS HSM', () => {
    const ref = assets.xksKey!.arn;
    expect(crypto(ref).relatedCryptoMaterialProperties!.securedBy).toEqual({ mechanism: 'External key manager' });
    expect(algorithmOf(ref).algorithmProperties).toMatchObject({ executionEnvironment: 'unknown' });
    expect(algorithmOf(ref).algorithmProperties).not.toHaveProperty('certificationLevel');
  });

  it('keys of equal algorithm and protection share one algorithm component', () => {
    const aes = cbom.components.filter((c) => c['bom-ref'] === 'crypto/algorithm/aes-256-gcm/ae/aws-kms-hsm');
    expect(aes).toHaveLength(1);
    expect(cbom.components.filter((c) => c.name === 'AES-256-GCM').map((c) => c['bom-ref']).sort()).toEqual([
      'crypto/algorithm/aes-256-gcm/ae', // the secrets' data encryption (software)
      'crypto/algorithm/aes-256-gcm/ae/aws-kms-hsm',
      'crypto/algorithm/aes-256-gcm/ae/external-key-store',
    ]);
  });

  it('an RSA certificate: subject, issuer, validity, SHA256withRSA signature and an RSA-2048 subject public key', () => {
    const ref = assets.rsaCert!.arn;
    const cp = crypto(ref);
    expect(cp.assetType).toBe('certificate');
    expect(cp.certificateProperties).toEqual({
      subjectName: 'CN=rsa.example.com',
      issuerName: 'CN=rsa.example.com',
      notValidBefore: '2025-01-01T00:00:00.000Z',
      notValidAfter: '2026-01-01T00:00:00.000Z',
      signatureAlgorithmRef: 'crypto/algorithm/sha256withrsa/signature',
      subjectPublicKeyRef: `${ref}#subject-public-key`,
      certificateFormat: 'X.509',
    });
    expect(byRef('crypto/algorithm/sha256withrsa/signature')).toMatchObject({
      name: 'SHA256withRSA',
      cryptoProperties: { assetType: 'algorithm', algorithmProperties: { primitive: 'signature', padding: 'pkcs1v15', classicalSecurityLevel: 128, nistQuantumSecurityLevel: 0 }, oid: '1.2.840.113549.1.1.11' },
    });
    // the signer's key size is the issuer's, not in the certificate: no parameter set claimed
    expect(crypto('crypto/algorithm/sha256withrsa/signature').algorithmProperties).not.toHaveProperty('parameterSetIdentifier');
    const publicKey = crypto(`${ref}#subject-public-key`).relatedCryptoMaterialProperties!;
    expect(publicKey).toMatchObject({ type: 'public-key', size: 2048, algorithmRef: 'crypto/algorithm/rsa-2048/signature' });
    expect(byRef('crypto/algorithm/rsa-2048/signature').cryptoProperties).toMatchObject({ algorithmProperties: { classicalSecurityLevel: 112, nistQuantumSecurityLevel: 0 } });
    // who uses it, as properties
    expect(prop(ref, 'aqg:aws:inUseBy')).toEqual([expect.stringContaining(':loadbalancer/app/shop/')]);
    expect(prop(ref, 'aqg:certificate:serialNumber')).toHaveLength(1);
    expect(byRef(ref).name).toBe('rsa.example.com');
  });

  it('an EC certificate: SHA384withECDSA and a P-384 public key at 192 bits classical', () => {
    const ref = assets.ecCert!.arn;
    expect(crypto(ref).certificateProperties).toMatchObject({ signatureAlgorithmRef: 'crypto/algorithm/sha384withecdsa/signature' });
    const pk = crypto(crypto(ref).certificateProperties!.subjectPublicKeyRef as string).relatedCryptoMaterialProperties!;
    expect(byRef(pk.algorithmRef as string).cryptoProperties).toMatchObject({ algorithmProperties: { curve: 'P-384', classicalSecurityLevel: 192, nistQuantumSecurityLevel: 0 } });
  });

  it('a secret: a credential, never a value, secured in software by AES-256-GCM, depending on its customer key', () => {
    const ref = assets.secret!.arn;
    expect(crypto(ref).relatedCryptoMaterialProperties).toEqual({
      type: 'credential',
      id: ref,
      state: 'active',
      creationDate: '2024-05-01T00:00:00.000Z',
      updateDate: '2024-07-01T00:00:00.000Z',
      securedBy: { mechanism: 'Software', algorithmRef: 'crypto/algorithm/aes-256-gcm/ae' },
    });
    for (const c of cbom.components) expect((c.cryptoProperties as { relatedCryptoMaterialProperties?: object }).relatedCryptoMaterialProperties ?? {}).not.toHaveProperty('value');
    expect(cbom.dependencies).toContainEqual({ ref, dependsOn: [assets.customerKey!.arn, 'crypto/algorithm/aes-256-gcm/ae'] });
    expect(prop(ref, 'aqg:aws:kmsKeyArn')).toEqual([assets.customerKey!.arn]);
  });

  it('a SecureString: a credential depending on its key; a plain String parameter is not cryptographic material: left out', () => {
    const secure = assets.secureString!.arn;
    expect(crypto(secure).relatedCryptoMaterialProperties).toMatchObject({ type: 'credential', updateDate: '2024-08-01T00:00:00.000Z', securedBy: { mechanism: 'Software' } });
    expect(cbom.dependencies).toContainEqual({ ref: secure, dependsOn: [assets.customerKey!.arn, 'crypto/algorithm/aes-256-gcm/ae'] });
    expect(cbom.components.map((c) => c['bom-ref'])).not.toContain(assets.plainParameter!.arn);
    expect(cbom.metadata).toMatchObject({ properties: expect.arrayContaining([{ name: 'aqg:assetCount', value: String(Object.keys(assets).length - 1) }, { name: 'aqg:excludedPlaintextParameterCount', value: '1' }]) });
  });

  it('a key outside the document is named in a property, not as a dangling dependency', () => {
    const ref = assets.foreignSecret!.arn;
    expect(cbom.dependencies?.find((d) => d.ref === ref)?.dependsOn).toEqual(['crypto/algorithm/aes-256-gcm/ae']);
    expect(prop(ref, 'aqg:aws:kmsKeyArn')).toEqual(['arn:aws:kms:eu-west-1:999988887777:key/not-in-this-bom']);
  });

  it('is deterministic for the same input and serial number; a fresh random serial otherwise', () => {
    const again = inventoryToCbom([...Object.values(assets)].reverse(), { generatedAt: GENERATED_AT, serialNumber: SERIAL, subject: 'AWS account 111122223333', toolVersion: '0.1.0' });
    expect(again).toEqual(cbom);
    const a = inventoryToCbom([], { generatedAt: GENERATED_AT });
    const b = inventoryToCbom([], { generatedAt: GENERATED_AT });
    expect(a.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a.serialNumber).not.toBe(b.serialNumber);
    expect(a.components).toEqual([]);
  });

  it('an inventory asset (with tenant bookkeeping) carries its asset id; deleted ones are destroyed', async () => {
    const asset = { ...assets.rsaKey!, id: 'A'.repeat(22), tenantId: 't', source: 'AWS' as const, firstSeen: 'x', lastSeen: 'x', observedAt: 'x', deleted: true };
    const doc = inventoryToCbom([asset], { generatedAt: GENERATED_AT });
    const c = doc.components.find((x) => x['bom-ref'] === asset.arn)!;
    expect(c.properties).toContainEqual({ name: 'aqg:assetId', value: 'A'.repeat(22) });
    expect((c.cryptoProperties as { relatedCryptoMaterialProperties: { state: string } }).relatedCryptoMaterialProperties.state).toBe('destroyed');
    expect(await cbomSchemaErrors(doc)).toBeNull();
  });

  it('rejects two assets with the same ARN', () => {
    expect(() => inventoryToCbom([assets.rsaKey!, assets.rsaKey!], { generatedAt: GENERATED_AT })).toThrow(DuplicateBomRefError);
  });
});
