/**
 * Assets shaped exactly as the crawlers emit them (lambdas/discovery/*-crawler.ts) with the crypto records the real
 * classifiers produce, plus the inventory bookkeeping; values modelled on the sandbox estate's catalogue
 * (sandbox/estate/generate-estate.ts).
 */
import { classifyAcmKeyAlgorithm } from '../../../lambdas/crypto/acm-key-algorithm';
import { classifyKmsKeySpec } from '../../../lambdas/crypto/kms-key-spec';
import { classifyKmsProtected } from '../../../lambdas/crypto/kms-protected-crypto';
import type { Asset, CertificateDetails, KeyDetails, Lifecycle, Relations, SecretDetails, Usage, ResourceType } from '../../../lambdas/inventory/asset';
import { assetId } from '../../../lambdas/inventory/asset-id';

export const TENANT = 'tnt-acme-0001';
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
/** The evaluation clock of every test. */
export const NOW = new Date('2026-12-03T12:00:00.000Z');

const DAY_MS = 86_400_000;
export const days = (n: number, from: Date = NOW): string => new Date(from.getTime() + n * DAY_MS).toISOString();

export const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`;
export const DISTRIBUTION = `arn:aws:cloudfront::${ACCOUNT}:distribution/E2QWRUHAPOMQZL`;
export const API_DOMAIN = `arn:aws:apigateway:${REGION}::/domainnames/api.example.com`;
export const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/app-lambda-role`;
export const APP_FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-api`;

function withBookkeeping(arn: string, body: Omit<Asset, 'id' | 'tenantId' | 'source' | 'firstSeen' | 'lastSeen' | 'observedAt' | 'arn'>): Asset {
  return { id: assetId(TENANT, arn), tenantId: TENANT, source: 'AWS', firstSeen: days(-200), lastSeen: days(-1), observedAt: days(-1), arn, ...body };
}

export interface CertificateOptions {
  readonly id?: string;
  readonly domain?: string;
  readonly keyAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly lifecycle?: Partial<Lifecycle>;
  readonly details?: Partial<CertificateDetails> & { renewalStatus?: string; renewalStatusReason?: string };
  readonly relations?: Partial<Relations>;
  readonly tags?: Record<string, string>;
}

/** An ISSUED Amazon-issued RSA-2048 certificate, eligible for renewal, valid for another 300 days, on an ALB. */
export function certificate(o: CertificateOptions = {}): Asset {
  const arn = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${o.id ?? '9f2c4a1e-6b7d-4c3e-8a5f-0d1e2f3a4b5c'}`;
  const domain = o.domain ?? 'www.example.com';
  return withBookkeeping(arn, {
    type: 'certificate',
    accountId: ACCOUNT,
    region: REGION,
    name: domain,
    tags: o.tags ?? { env: 'prod' },
    crypto: { ...classifyAcmKeyAlgorithm(o.keyAlgorithm ?? 'RSA-2048'), signatureAlgorithm: o.signatureAlgorithm ?? 'SHA256WITHRSA', keyUsage: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] },
    lifecycle: { state: 'ISSUED', createdAt: days(-65), notBefore: days(-65), notAfter: days(300), rotation: { applicable: true, enabled: true }, ...o.lifecycle },
    relations: { inUseBy: [ALB], ...o.relations },
    details: {
      kind: 'certificate',
      certificateType: 'AMAZON_ISSUED',
      domainName: domain,
      subject: `CN=${domain}`,
      issuer: 'CN=Amazon RSA 2048 M02, O=Amazon, C=US',
      subjectAlternativeNames: [`DNS:${domain}`],
      renewalEligibility: 'ELIGIBLE',
      keyAlgorithm: 'RSA_2048',
      keyPairOrigin: 'AWS_MANAGED',
      ...o.details,
    },
  });
}

/** An imported certificate, as ACM reports them (no managed renewal). */
export function importedCertificate(o: CertificateOptions = {}): Asset {
  return certificate({
    ...o,
    lifecycle: { rotation: { applicable: false, enabled: null }, ...o.lifecycle },
    details: { certificateType: 'IMPORTED', renewalEligibility: 'INELIGIBLE', issuer: 'CN=Sandbox Issuing CA, O=Example Corp', ...o.details },
  });
}

export interface KeyOptions {
  readonly keyId?: string;
  readonly keySpec?: string;
  readonly keyUsage?: string;
  readonly region?: string;
  readonly lifecycle?: Partial<Lifecycle>;
  readonly details?: Partial<KeyDetails>;
  readonly tags?: Record<string, string>;
}

/** A customer-managed SYMMETRIC_DEFAULT key with rotation on (what the KMS crawler emits for `alias/app-data`). */
export function key(o: KeyOptions = {}): Asset {
  const region = o.region ?? REGION;
  const keyId = o.keyId ?? '1234abcd-12ab-34cd-56ef-1234567890ab';
  const keySpec = o.keySpec ?? 'SYMMETRIC_DEFAULT';
  const keyUsage = o.keyUsage ?? (keySpec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : keySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY');
  const symmetric = keySpec === 'SYMMETRIC_DEFAULT';
  return withBookkeeping(`arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`, {
    type: 'key',
    accountId: ACCOUNT,
    region,
    name: 'alias/app-data',
    tags: o.tags ?? { team: 'payments' },
    crypto: classifyKmsKeySpec(keySpec, keyUsage, region),
    lifecycle: {
      state: 'Enabled',
      createdAt: days(-400),
      rotation: symmetric ? { applicable: true, enabled: true, periodDays: 365, nextRotationAt: days(120) } : { applicable: false, enabled: null },
      ...o.lifecycle,
    },
    relations: { inUseBy: [], aliases: ['alias/app-data'] },
    details: { kind: 'key', keyId, keySpec, keyUsage, origin: 'AWS_KMS', keyManager: 'CUSTOMER', multiRegion: false, description: 'Application data key', ...o.details },
  });
}

/** The AWS managed key of a service (`alias/aws/<service>`), as the crawler records it. */
export function awsManagedKey(service = 'secretsmanager'): Asset {
  return key({ keyId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', details: { keyManager: 'AWS', description: `Default key that protects my ${service} data when no other key is defined` }, lifecycle: { rotation: { applicable: true, enabled: true, periodDays: 365 } }, tags: {} });
}

export interface SecretOptions {
  readonly name?: string;
  readonly region?: string;
  readonly lifecycle?: Partial<Lifecycle>;
  readonly details?: Partial<SecretDetails>;
  readonly kmsKeyArn?: string;
  readonly tags?: Record<string, string>;
}

/** `prod/db/password`: rotating every 30 days with a rotation Lambda, last rotated 10 days ago, read yesterday. */
export function secret(o: SecretOptions = {}): Asset {
  const region = o.region ?? REGION;
  const name = o.name ?? 'prod/db/password';
  return withBookkeeping(`arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}-AbCdEf`, {
    type: 'secret',
    accountId: ACCOUNT,
    region,
    name,
    secure: true,
    tags: o.tags ?? { team: 'payments' },
    crypto: classifyKmsProtected(region),
    lifecycle: {
      state: 'Active',
      createdAt: days(-300),
      lastModifiedAt: days(-10),
      rotation: { applicable: true, enabled: true, periodDays: 30, lastRotatedAt: days(-10), nextRotationAt: days(20) },
      ...o.lifecycle,
    },
    relations: { inUseBy: [], ...(o.kmsKeyArn ? { kmsKeyArn: o.kmsKeyArn } : { kmsKeyRef: 'alias/aws/secretsmanager' }) },
    details: {
      kind: 'secret',
      description: 'Primary database credentials',
      managedByEventBridge: name.startsWith('events!connection/'),
      rotationLambdaArn: `arn:aws:lambda:${region}:${ACCOUNT}:function:rotate-db`,
      rotationRules: { automaticallyAfterDays: 30 },
      lastAccessedAt: days(-1).slice(0, 10) + 'T00:00:00.000Z',
      ...o.details,
    },
  });
}

/** A SecureString parameter encrypted with `keyArn`. */
export function parameter(name: string, keyArn: string): Asset {
  return withBookkeeping(`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${name}`, {
    type: 'parameter',
    accountId: ACCOUNT,
    region: REGION,
    name,
    secure: true,
    tags: {},
    crypto: classifyKmsProtected(REGION),
    lifecycle: { state: 'Active', lastModifiedAt: days(-30) },
    relations: { inUseBy: [], kmsKeyArn: keyArn },
    details: { kind: 'parameter', parameterType: 'SecureString', tier: 'Standard', dataType: 'text', version: 3 },
  });
}

/** A usage edge as the event store records it. */
export function usage(asset: Asset, resourceArn: string, resourceType: ResourceType, lastSeen: string, via = 'Decrypt'): Usage {
  return { assetArn: asset.arn, resourceArn, resourceType, via, firstSeen: days(-90), lastSeen, count: 42 };
}
