import { classifyCertificate } from '../../../lambdas/crypto/certificate-classifier';
import { parseCertificatePem } from '../../../lambdas/crypto/certificate-parser';
import { classifyKmsKeySpec } from '../../../lambdas/crypto/kms-key-spec';
import { classifyKmsProtected, classifyUnencrypted } from '../../../lambdas/crypto/kms-protected-crypto';
import type { DiscoveredAsset, KeyDetails } from '../../../lambdas/inventory/asset';
import { generateCertificate, type KeySpec } from '../../support/certificates';

export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** A KMS key asset as discovery builds it (crypto from the real KeySpec classifier). */
export function kmsKey(id: string, keySpec: string, keyUsage: string, extra: Partial<KeyDetails> = {}, lifecycle: Partial<DiscoveredAsset['lifecycle']> = {}): DiscoveredAsset {
  return {
    type: 'key',
    accountId: ACCOUNT,
    region: REGION,
    arn: arn('kms', `key/${id}`),
    name: id,
    tags: { team: 'payments' },
    crypto: classifyKmsKeySpec(keySpec, keyUsage, REGION),
    lifecycle: { state: 'Enabled', createdAt: '2024-03-01T10:00:00.000Z', ...lifecycle },
    relations: { inUseBy: [], aliases: [`alias/${id}`] },
    details: { kind: 'key', keyId: id, keySpec, keyUsage, origin: 'AWS_KMS', keyManager: 'CUSTOMER', multiRegion: false, ...extra },
  };
}

/** An ACM certificate asset with crypto from the real parser and classifier over a generated certificate. */
export async function acmCertificate(id: string, key: KeySpec, hash: 'SHA-1' | 'SHA-256' | 'SHA-384' = 'SHA-256'): Promise<DiscoveredAsset> {
  const generated = await generateCertificate({
    key,
    hash,
    subject: `CN=${id}.example.com`,
    dnsNames: [`${id}.example.com`],
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
  });
  const parsed = parseCertificatePem(generated.pem);
  return {
    type: 'certificate',
    accountId: ACCOUNT,
    region: REGION,
    arn: arn('acm', `certificate/${id}`),
    name: `${id}.example.com`,
    tags: {},
    crypto: classifyCertificate(parsed, ['DIGITAL_SIGNATURE']),
    lifecycle: { state: 'ISSUED', notBefore: parsed.notBefore, notAfter: parsed.notAfter },
    relations: { inUseBy: [`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/shop/50dc6c495c0c9188`] },
    details: {
      kind: 'certificate',
      certificateType: 'IMPORTED',
      domainName: `${id}.example.com`,
      subject: parsed.subject,
      issuer: parsed.issuer,
      serialNumber: parsed.serialNumber,
      fingerprintSha256: parsed.fingerprintSha256,
    },
  };
}

export function secret(name: string, kmsKeyArn: string): DiscoveredAsset {
  return {
    type: 'secret',
    accountId: ACCOUNT,
    region: REGION,
    arn: arn('secretsmanager', `secret:${name}-AbCdEf`),
    name,
    secure: true,
    tags: {},
    crypto: classifyKmsProtected(REGION),
    lifecycle: { state: 'Active', createdAt: '2024-05-01T00:00:00.000Z', lastModifiedAt: '2024-06-01T00:00:00.000Z', rotation: { applicable: true, enabled: true, periodDays: 30, lastRotatedAt: '2024-07-01T00:00:00.000Z' } },
    relations: { inUseBy: [], kmsKeyArn },
    details: { kind: 'secret', managedByEventBridge: false },
  };
}

export function parameter(name: string, secure: boolean, kmsKeyArn?: string): DiscoveredAsset {
  return {
    type: 'parameter',
    accountId: ACCOUNT,
    region: REGION,
    arn: arn('ssm', `parameter${name}`),
    name,
    secure,
    tags: {},
    crypto: secure ? classifyKmsProtected(REGION) : classifyUnencrypted(),
    lifecycle: { state: 'Active', lastModifiedAt: '2024-08-01T00:00:00.000Z' },
    relations: { inUseBy: [], ...(kmsKeyArn ? { kmsKeyArn } : {}) },
    details: { kind: 'parameter', parameterType: secure ? 'SecureString' : 'String', tier: 'Standard' },
  };
}
