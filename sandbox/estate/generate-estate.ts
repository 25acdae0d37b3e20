/**
 * The seeded estate: the same options (seed, size, regions, clock) always give the same records.
 *
 * The first region holds a complete catalogue of the cases the crawler must get right (every key spec of
 * interest, weak/expired/expiring/pending certificates, every way a secret or parameter names its key, `aws:`
 * tags…); the other regions get the AWS-managed keys, the replicas of the multi-Region key and the replicated
 * secret, and a few assets each; then seeded "filler" assets are spread over all regions until the estate holds
 * about `estateSize` assets. Filler certificates reuse a small pool of generated bodies (unique ARNs).
 */
import { SeededRandom } from '../seeded-random';
import type { AcmKeyAlgorithm, CertificateRecord, Estate, KmsKeyRecord, SandboxTag } from './estate';
import { countAssets } from './estate';
import { EstateBuilder } from './estate-builder';
import type { CertificateSpec, SignatureHash } from './certificate-factory';
import { generateCertificate } from './certificate-factory';

export interface EstateOptions {
  readonly accountId: string;
  readonly seed: number;
  /** Approximate number of assets; never fewer than the first region's catalogue (about 45). */
  readonly estateSize: number;
  /** Populated regions; the first one gets the full catalogue. */
  readonly regions: readonly string[];
  readonly now: Date;
  readonly roleArn: string;
}

interface PendingCertificate {
  readonly record: CertificateRecord;
  readonly spec: CertificateSpec;
}

/** Number of distinct bodies per filler certificate profile (large estates share them). */
const CERTIFICATE_POOL_SIZE = 8;
const DAY_MS = 86_400_000;

export async function generateEstate(options: EstateOptions): Promise<Estate> {
  if (options.regions.length === 0) throw new RangeError('The sandbox estate needs at least one region');
  const estate: Estate = { accountId: options.accountId, regions: {} };
  const rng = new SeededRandom(options.seed);
  const builder = new EstateBuilder(estate, rng, () => options.now, options.roleArn);
  const generator = new Generator(builder, rng, options);
  generator.catalogue(options.regions[0], options.regions[1]);
  for (const region of options.regions.slice(1)) generator.secondaryRegion(region);
  generator.fill(options.estateSize);
  await generator.materializeCertificates();
  return estate;
}

class Generator {
  private readonly pending: PendingCertificate[] = [];
  /** Whole days, so pooled certificate specs (and the process cache) survive small clock differences. */
  private readonly today: number;

  constructor(
    private readonly b: EstateBuilder,
    private readonly rng: SeededRandom,
    private readonly options: EstateOptions,
  ) {
    this.today = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS;
  }

  private get account(): string {
    return this.options.accountId;
  }

  private role(name: string): string {
    return `arn:aws:iam::${this.account}:role/${name}`;
  }

  private day(offset: number): string {
    return new Date(this.today + offset * DAY_MS).toISOString();
  }

  private baseline(region: string): void {
    for (const service of ['secretsmanager', 'ssm', 'acm']) this.b.awsManagedKey(region, service);
    // Predefined aliases AWS creates before the key exists: listed without TargetKeyId.
    for (const service of ['ebs', 'rds', 'lambda']) this.b.alias(region, `alias/aws/${service}`);
  }

  /** The full catalogue of traps, in one region (plus the cross-region pieces when a second region exists). */
  catalogue(region: string, secondRegion: string | undefined): void {
    const b = this.b;
    this.baseline(region);
    const appData = b.key(region, {
      description: 'Application data key',
      rotationEnabled: true,
      usersOfKey: [this.role('app-lambda-role'), this.role('app-ec2-role')],
      tags: [
        { key: 'team', value: 'payments' },
        { key: 'aws:cloudformation:stack-name', value: 'payments-prod' },
      ],
    });
    b.alias(region, 'alias/app-data', appData.keyId);
    const legacy = b.key(region, { description: 'Legacy key, rotation never enabled', rotationEnabled: false, tags: [{ key: 'owner', value: 'legacy-team' }] });
    b.alias(region, 'alias/legacy', legacy.keyId);
    const params = b.key(region, { description: 'Parameter Store key', rotationEnabled: true });
    b.alias(region, 'alias/app-params', params.keyId);
    const signing = b.key(region, { description: 'Code signing', keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY', tags: [{ key: 'purpose', value: 'code-signing' }] });
    b.alias(region, 'alias/code-signing', signing.keyId);
    b.key(region, { description: 'Document signing', keySpec: 'RSA_4096', keyUsage: 'SIGN_VERIFY' });
    b.key(region, { description: 'JWT signing', keySpec: 'ECC_NIST_P256', keyUsage: 'SIGN_VERIFY', usersOfKey: [this.role('auth-service-role')] });
    b.key(region, { description: 'Blockchain wallet', keySpec: 'ECC_SECG_P256K1', keyUsage: 'SIGN_VERIFY' });
    b.key(region, { description: 'Webhook MAC', keySpec: 'HMAC_256' });
    b.key(region, { description: 'Post-quantum signing pilot', keySpec: 'ML_DSA_65', keyUsage: 'SIGN_VERIFY', tags: [{ key: 'pqc', value: 'pilot' }] });
    b.key(region, { description: 'Imported key material (BYOK)', origin: 'EXTERNAL' });
    const retiring = b.key(region, { description: 'Retired key', rotationEnabled: false });
    retiring.keyState = 'PendingDeletion';
    retiring.enabled = false;
    retiring.pendingDeletionWindowInDays = 7;
    retiring.deletionDate = this.day(5);
    b.key(region, { description: 'Restricted key (policy denies third-party reads)', rotationEnabled: true, policyDeniesRole: true });
    const global = b.key(region, { description: 'Global tables key', multiRegion: true, rotationEnabled: true, tags: [{ key: 'scope', value: 'global' }] });
    b.alias(region, 'alias/global', global.keyId);
    if (secondRegion) {
      const replica = b.replicaKey(global, secondRegion);
      b.alias(secondRegion, 'alias/global', replica.keyId);
    }

    // ACM: algorithms, weak and expiring ones, a pending request, Amazon-issued, ACME, chains.
    const cdn = `arn:aws:cloudfront::${this.account}:distribution/E${this.rng.alphanumeric(13).toUpperCase()}`;
    const alb = `arn:aws:elasticloadbalancing:${region}:${this.account}:loadbalancer/app/web/${this.rng.hex(16)}`;
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: 'www.example.com', sans: ['www.example.com', 'example.com'], issuedBy: 'sandbox-ca', inUseBy: [alb], tags: [{ key: 'env', value: 'prod' }, { key: 'aws:cloudformation:stack-name', value: 'web' }] });
    this.cert(region, { keyAlgorithm: 'RSA_1024', cn: 'legacy.example.com', issuedBy: 'self' });
    this.cert(region, { keyAlgorithm: 'RSA_3072', cn: 'internal.example.com', issuedBy: 'sandbox-ca' });
    this.cert(region, { keyAlgorithm: 'RSA_4096', cn: 'vault.example.com', issuedBy: 'self' });
    this.cert(region, { keyAlgorithm: 'EC_prime256v1', cn: 'api.example.com', issuedBy: 'sandbox-ca', tags: [{ key: 'env', value: 'prod' }] });
    this.cert(region, { keyAlgorithm: 'EC_secp384r1', cn: 'mtls.example.com', issuedBy: 'self', hash: 'SHA-384' });
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: 'old.example.com', issuedBy: 'self', hash: 'SHA-1' });
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: 'expired.example.com', issuedBy: 'sandbox-ca', notBefore: -400, notAfter: -10, status: 'EXPIRED' });
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: 'soon.example.com', issuedBy: 'sandbox-ca', notBefore: -350, notAfter: 12 });
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: 'shop.example.com', issuedBy: 'sandbox-ca', type: 'AMAZON_ISSUED', inUseBy: [cdn, alb] });
    this.cert(region, { keyAlgorithm: 'EC_prime256v1', cn: 'acme.example.com', issuedBy: 'sandbox-ca', type: 'AMAZON_ISSUED', origin: 'ACME', notBefore: -20, notAfter: 70 });
    this.b.certificate({
      region,
      domainName: 'pending.example.com',
      subjectAlternativeNames: ['pending.example.com'],
      status: 'PENDING_VALIDATION',
      type: 'AMAZON_ISSUED',
      keyAlgorithm: 'RSA_2048',
      keyPairOrigin: 'AWS_MANAGED',
      createdAt: this.b.pastDate(0, 1),
      renewalEligibility: 'INELIGIBLE',
      keyUsages: [],
      extendedKeyUsages: [],
    });

    // Secrets Manager: every way a secret names its key, rotation, deletion, replication, managed secrets.
    b.secret(region, {
      name: 'prod/db/password',
      description: 'Primary database credentials',
      rotationEnabled: true,
      rotationLambdaArn: `arn:aws:lambda:${region}:${this.account}:function:rotate-db`,
      rotationRules: { automaticallyAfterDays: 30 },
      lastRotatedDate: this.b.pastDate(1, 29),
      nextRotationDate: this.day(10),
      tags: [{ key: 'team', value: 'payments' }, { key: 'aws:cloudformation:logical-id', value: 'DbSecret' }],
    });
    b.secret(region, { name: 'prod/api-key', kmsKeyId: appData.arn, rotationEnabled: false, tags: [{ key: 'team', value: 'payments' }] });
    b.secret(region, { name: 'prod/stripe', kmsKeyId: 'alias/app-data', rotationEnabled: true, rotationRules: { scheduleExpression: 'rate(7 days)', duration: '2h' }, rotationLambdaArn: `arn:aws:lambda:${region}:${this.account}:function:rotate-stripe` });
    b.secret(region, { name: 'prod/partner-token', kmsKeyId: `arn:aws:kms:${region}:${this.account}:alias/legacy` });
    b.secret(region, { name: 'old/token', deletedDate: this.day(7) });
    const shared = b.secret(region, { name: 'shared/config', kmsKeyId: global.arn, primaryRegion: region });
    if (secondRegion) {
      shared.replicationStatus = [{ region: secondRegion, kmsKeyId: `arn:aws:kms:${secondRegion}:${this.account}:key/${global.keyId}`, status: 'InSync', statusMessage: 'Replication succeeded' }];
      b.secret(secondRegion, { name: 'shared/config', kmsKeyId: `arn:aws:kms:${secondRegion}:${this.account}:key/${global.keyId}`, primaryRegion: region, description: 'Replica' });
    }
    this.connectionSecret(region);
    b.secret(region, { name: `rds!db-${this.rng.uuid()}`, owningService: 'rds', rotationEnabled: true, rotationRules: { automaticallyAfterDays: 7 }, description: 'Secret associated with primary RDS DB instance' });

    // SSM Parameter Store.
    b.parameter(region, { name: '/app/config/endpoint', type: 'String', tags: [{ key: 'app', value: 'web' }] });
    b.parameter(region, { name: '/app/config/allowed-hosts', type: 'StringList' });
    b.parameter(region, { name: '/app/db/password', type: 'SecureString', description: 'Default-key SecureString', tags: [{ key: 'aws:cloudformation:stack-name', value: 'app' }] });
    b.parameter(region, { name: '/app/api/token', type: 'SecureString', keyId: 'alias/app-params', tags: [{ key: 'team', value: 'platform' }] });
    b.parameter(region, { name: '/app/large/policy', type: 'String', tier: 'Advanced' });
    b.parameter(region, { name: '/app/ami/latest', type: 'String', dataType: 'aws:ec2:image' });
  }

  /** The secret EventBridge creates for the platform's API-destination connection in this region. */
  private connectionSecret(region: string): void {
    this.b.secret(region, {
      name: `events!connection/AQGAWSConnectionKey/${this.rng.uuid()}`,
      description: 'Auth parameters for EventBridge connection AQGAWSConnectionKey',
    });
  }

  secondaryRegion(region: string): void {
    this.baseline(region);
    const key = this.b.key(region, { description: `Regional data key (${region})`, rotationEnabled: this.rng.bool() });
    this.b.alias(region, 'alias/app-data', key.keyId);
    this.cert(region, { keyAlgorithm: 'RSA_2048', cn: `${region}.example.com`, issuedBy: 'sandbox-ca' });
    this.b.secret(region, { name: 'prod/db/password', kmsKeyId: key.arn });
    this.b.parameter(region, { name: '/app/db/password', type: 'SecureString', keyId: 'alias/app-data' });
    this.connectionSecret(region);
  }

  fill(estateSize: number): void {
    const regions = this.options.regions;
    let total = countAssets(this.b.estate);
    for (let i = 0; total < estateSize; i++, total++) {
      const region = regions[i % regions.length];
      const kind = this.rng.int(0, 9);
      if (kind <= 1) this.fillerKey(region);
      else if (kind <= 4) this.fillerCertificate(region, i);
      else if (kind <= 6) this.fillerSecret(region, i);
      else this.fillerParameter(region, i);
    }
  }

  /** Filler indexes (kept up to date by the filler) so large estates build in linear time. */
  private readonly symmetricKeys = new Map<string, KmsKeyRecord[]>();
  private readonly aliasByKeyId = new Map<string, string>();

  private customerSymmetricKeys(region: string): KmsKeyRecord[] {
    let keys = this.symmetricKeys.get(region);
    if (!keys) {
      const estate = this.b.region(region);
      keys = estate.kms.keys.filter((k) => k.keyManager === 'CUSTOMER' && k.keySpec === 'SYMMETRIC_DEFAULT' && k.keyState === 'Enabled' && k.origin === 'AWS_KMS');
      this.symmetricKeys.set(region, keys);
      for (const a of estate.kms.aliases) if (a.targetKeyId && !this.aliasByKeyId.has(a.targetKeyId)) this.aliasByKeyId.set(a.targetKeyId, a.aliasName);
    }
    return keys;
  }

  private customerSymmetricKey(region: string): KmsKeyRecord {
    const keys = this.customerSymmetricKeys(region);
    if (keys.length === 0) keys.push(this.b.key(region, { rotationEnabled: true }));
    return this.rng.pick(keys);
  }

  private addAlias(region: string, aliasName: string, keyId: string): string {
    this.b.alias(region, aliasName, keyId);
    if (!this.aliasByKeyId.has(keyId)) this.aliasByKeyId.set(keyId, aliasName);
    return aliasName;
  }

  private fillerKey(region: string): void {
    const spec = this.rng.pick(['SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT', 'SYMMETRIC_DEFAULT', 'RSA_2048', 'ECC_NIST_P256', 'HMAC_256']);
    const key = this.b.key(region, { keySpec: spec, rotationEnabled: this.rng.bool(0.6), tags: this.rng.bool(0.5) ? [{ key: 'team', value: this.rng.pick(['payments', 'platform', 'data']) }] : [] });
    if (spec === 'SYMMETRIC_DEFAULT') this.customerSymmetricKeys(region).push(key);
    if (this.rng.bool(0.4)) this.addAlias(region, `alias/svc-${key.keyId.slice(0, 8)}`, key.keyId);
  }

  private fillerCertificate(region: string, i: number): void {
    const keyAlgorithm = this.rng.pick<FillerCertAlgorithm>(['RSA_2048', 'RSA_2048', 'EC_prime256v1', 'RSA_4096']);
    const poolIndex = this.rng.int(0, CERTIFICATE_POOL_SIZE - 1);
    this.cert(region, { keyAlgorithm, cn: `svc${poolIndex}-${keyAlgorithm.toLowerCase().replace('_', '')}.example.com`, issuedBy: 'sandbox-ca', notBefore: -(30 + poolIndex * 20), notAfter: 365 - poolIndex * 20, serial: `3${keyAlgorithm === 'RSA_2048' ? 1 : keyAlgorithm === 'RSA_4096' ? 2 : 3}${poolIndex.toString(16).padStart(14, '0')}`, tags: i % 3 === 0 ? [{ key: 'env', value: 'dev' }] : [] });
  }

  private fillerSecret(region: string, i: number): void {
    const keyRef = this.rng.int(0, 3);
    const key = keyRef === 0 ? undefined : this.customerSymmetricKey(region);
    const kmsKeyId = key === undefined ? undefined : keyRef === 1 ? key.arn : key.keyId;
    this.b.secret(region, { name: `svc/${i}/credentials`, ...(kmsKeyId ? { kmsKeyId } : {}), tags: this.rng.bool(0.5) ? [{ key: 'service', value: `svc-${i}` }] : [] });
  }

  private fillerParameter(region: string, i: number): void {
    const type = this.rng.pick(['String', 'String', 'SecureString', 'StringList'] as const);
    const useCustomerAlias = type === 'SecureString' && this.rng.bool(0.4);
    let keyId: string | undefined;
    if (useCustomerAlias) {
      const key = this.customerSymmetricKey(region);
      keyId = this.aliasByKeyId.get(key.keyId) ?? this.addAlias(region, `alias/params-${key.keyId.slice(0, 8)}`, key.keyId);
    }
    this.b.parameter(region, { name: `/svc/${i}/setting`, type, ...(keyId ? { keyId } : {}) });
  }

  private cert(region: string, c: CertInit): void {
    const notBefore = c.notBefore ?? -this.rng.int(30, 200);
    const notAfter = c.notAfter ?? notBefore + 395;
    const type = c.type ?? 'IMPORTED';
    const spec: CertificateSpec = {
      keyAlgorithm: c.keyAlgorithm,
      commonName: c.cn,
      subjectAlternativeNames: c.sans ?? [c.cn],
      notBefore: this.day(notBefore),
      notAfter: this.day(notAfter),
      serial: c.serial ?? `1${this.rng.hex(15)}`,
      issuedBy: c.issuedBy,
      signatureHash: c.hash ?? (c.keyAlgorithm === 'EC_secp384r1' ? 'SHA-384' : 'SHA-256'),
    };
    const createdAt = this.day(notBefore);
    const record = this.b.certificate({
      region,
      domainName: c.cn,
      subjectAlternativeNames: [...spec.subjectAlternativeNames],
      status: c.status ?? 'ISSUED',
      type,
      keyAlgorithm: c.keyAlgorithm,
      keyPairOrigin: c.origin ?? (type === 'IMPORTED' ? 'CUSTOMER_PROVIDED' : 'AWS_MANAGED'),
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      createdAt,
      ...(type === 'IMPORTED' ? { importedAt: createdAt } : { issuedAt: createdAt }),
      inUseBy: [...(c.inUseBy ?? [])],
      renewalEligibility: type === 'AMAZON_ISSUED' ? 'ELIGIBLE' : 'INELIGIBLE',
      keyUsages: c.keyAlgorithm.startsWith('RSA') ? ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] : ['DIGITAL_SIGNATURE'],
      extendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION'],
      tags: [...(c.tags ?? [])],
    });
    this.pending.push({ record, spec });
  }

  async materializeCertificates(): Promise<void> {
    await Promise.all(
      this.pending.map(async ({ record, spec }) => {
        applyGeneratedCertificate(record, await generateCertificate(spec));
      }),
    );
  }
}

type FillerCertAlgorithm = 'RSA_2048' | 'EC_prime256v1' | 'RSA_4096';

interface CertInit {
  readonly keyAlgorithm: Exclude<AcmKeyAlgorithm, 'EC_secp521r1'>;
  readonly cn: string;
  readonly sans?: readonly string[];
  readonly issuedBy: 'self' | 'sandbox-ca';
  readonly hash?: SignatureHash;
  /** Days from today. */
  readonly notBefore?: number;
  readonly notAfter?: number;
  readonly status?: CertificateRecord['status'];
  readonly type?: CertificateRecord['type'];
  readonly origin?: CertificateRecord['keyPairOrigin'];
  readonly inUseBy?: readonly string[];
  readonly tags?: readonly SandboxTag[];
  readonly serial?: string;
}

/** Copies what the generated body says into the record (ACM derives these fields from the certificate). */
export function applyGeneratedCertificate(record: CertificateRecord, generated: { certificatePem: string; chainPem?: string; serial: string; subject: string; issuer: string; signatureAlgorithm: string }): void {
  record.certificatePem = generated.certificatePem;
  if (generated.chainPem) record.chainPem = generated.chainPem;
  record.serial = generated.serial;
  record.subject = generated.subject;
  record.issuer = record.type === 'AMAZON_ISSUED' ? 'Amazon' : issuerName(generated.issuer);
  record.signatureAlgorithm = generated.signatureAlgorithm;
}

/** ACM shows the issuer's organization (or its common name when it has none). */
function issuerName(dn: string): string {
  const attr = (name: string) => dn.split(/,\s*/).find((p) => p.startsWith(`${name}=`))?.slice(name.length + 1);
  return attr('O') ?? attr('CN') ?? dn;
}
