/**
 * Creates well-formed estate records (ids, ARNs, policies, algorithms) in one place, for the seeded generator
 * and for the sandbox's mutation methods alike.
 */
import type { SeededRandom } from '../seeded-random';
import { emptyRegionEstate } from './estate';
import type {
  CertificateRecord,
  Estate,
  KmsAliasRecord,
  KmsKeyRecord,
  ParameterRecord,
  RegionEstate,
  SandboxTag,
  SecretRecord,
} from './estate';
import { algorithmsFor } from './key-specs';

export interface KeyInit {
  readonly description?: string;
  readonly keySpec?: string;
  readonly keyUsage?: KmsKeyRecord['keyUsage'];
  readonly origin?: KmsKeyRecord['origin'];
  readonly keyManager?: KmsKeyRecord['keyManager'];
  readonly rotationEnabled?: boolean;
  readonly multiRegion?: boolean;
  readonly keyId?: string;
  readonly policyDeniesRole?: boolean;
  /** Role ARNs the key policy lets use the key (besides the account root). */
  readonly usersOfKey?: readonly string[];
  readonly tags?: readonly SandboxTag[];
  readonly createdAt?: string;
}

const DAY_MS = 86_400_000;

export class EstateBuilder {
  constructor(
    readonly estate: Estate,
    private readonly rng: SeededRandom,
    private readonly now: () => Date,
    /** ARN of the sandbox's read-only role, named by policies that deny it. */
    private readonly roleArn: string,
  ) {}

  get accountId(): string {
    return this.estate.accountId;
  }

  region(region: string): RegionEstate {
    const regions = this.estate.regions as Record<string, RegionEstate>;
    regions[region] ??= emptyRegionEstate(region);
    return regions[region];
  }

  /** An ISO date `days` from now (negative = in the past). */
  daysFromNow(days: number): string {
    return new Date(this.now().getTime() + days * DAY_MS).toISOString();
  }

  /** A creation date between `minDays` and `maxDays` ago, whole seconds like AWS. */
  pastDate(minDays = 30, maxDays = 900): string {
    const t = this.now().getTime() - this.rng.int(minDays * 86_400, maxDays * 86_400) * 1000;
    return new Date(Math.floor(t / 1000) * 1000).toISOString();
  }

  key(region: string, init: KeyInit = {}): KmsKeyRecord {
    const keySpec = init.keySpec ?? 'SYMMETRIC_DEFAULT';
    const keyUsage = init.keyUsage ?? (keySpec.startsWith('HMAC_') ? 'GENERATE_VERIFY_MAC' : keySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY');
    const keyManager = init.keyManager ?? 'CUSTOMER';
    const origin = init.origin ?? 'AWS_KMS';
    const multiRegion = init.multiRegion ?? false;
    const keyId = init.keyId ?? (multiRegion ? `mrk-${this.rng.hex(32)}` : this.rng.uuid());
    const arn = `arn:aws:kms:${region}:${this.accountId}:key/${keyId}`;
    const rotationApplicable = keySpec === 'SYMMETRIC_DEFAULT' && origin === 'AWS_KMS';
    const rotationEnabled = keyManager === 'AWS' ? true : (init.rotationEnabled ?? false);
    const createdAt = init.createdAt ?? this.pastDate();
    const record: KmsKeyRecord = {
      keyId,
      arn,
      region,
      description: init.description ?? '',
      keySpec,
      keyUsage,
      origin,
      keyManager,
      keyState: 'Enabled',
      enabled: true,
      creationDate: createdAt,
      multiRegion,
      ...algorithmsFor(keySpec, keyUsage),
      rotation: rotationApplicable
        ? { applicable: true, enabled: rotationEnabled, ...(rotationEnabled ? { periodDays: 365, nextRotationDate: this.daysFromNow(this.rng.int(1, 364)) } : {}) }
        : { applicable: false },
      policy: '',
      policyDeniesRole: init.policyDeniesRole ?? false,
      tags: [...(init.tags ?? [])],
    };
    if (multiRegion) {
      record.multiRegionConfiguration = { multiRegionKeyType: 'PRIMARY', primaryKey: { arn, region }, replicaKeys: [] };
    }
    record.policy = this.keyPolicy(record, init.usersOfKey ?? []);
    this.region(region).kms.keys.push(record);
    return record;
  }

  /** A replica of a multi-Region primary key in another region (same key id, its own ARN). */
  replicaKey(primary: KmsKeyRecord, region: string): KmsKeyRecord {
    const replica = this.key(region, {
      keyId: primary.keyId,
      keySpec: primary.keySpec,
      keyUsage: primary.keyUsage,
      description: primary.description,
      multiRegion: true,
      rotationEnabled: primary.rotation.applicable && primary.rotation.enabled,
      createdAt: primary.creationDate,
      tags: primary.tags,
    });
    const primaryRef = { arn: primary.arn, region: primary.region };
    primary.multiRegionConfiguration?.replicaKeys.push({ arn: replica.arn, region });
    replica.multiRegionConfiguration = { multiRegionKeyType: 'REPLICA', primaryKey: primaryRef, replicaKeys: [] };
    return replica;
  }

  alias(region: string, aliasName: string, targetKeyId?: string): KmsAliasRecord {
    const date = this.pastDate();
    const alias: KmsAliasRecord = {
      aliasName,
      aliasArn: `arn:aws:kms:${region}:${this.accountId}:${aliasName}`,
      ...(targetKeyId ? { targetKeyId } : {}),
      creationDate: date,
      lastUpdatedDate: date,
    };
    this.region(region).kms.aliases.push(alias);
    return alias;
  }

  /** The AWS-managed key of a service (`aws/secretsmanager`…), created once per region with its alias. */
  awsManagedKey(region: string, service: string): KmsKeyRecord {
    const aliasName = `alias/aws/${service}`;
    const estate = this.region(region);
    const alias = estate.kms.aliases.find((a) => a.aliasName === aliasName);
    const existing = alias?.targetKeyId ? estate.kms.keys.find((k) => k.keyId === alias.targetKeyId) : undefined;
    if (existing) return existing;
    const key = this.key(region, {
      keyManager: 'AWS',
      description: `Default key that protects my ${service === 'secretsmanager' ? 'Secrets Manager' : service.toUpperCase()} data when no other key is defined`,
    });
    if (alias) alias.targetKeyId = key.keyId;
    else this.alias(region, aliasName, key.keyId);
    return key;
  }

  certificate(record: Omit<CertificateRecord, 'arn' | 'tags' | 'inUseBy'> & Partial<Pick<CertificateRecord, 'tags' | 'inUseBy'>>): CertificateRecord {
    const cert: CertificateRecord = {
      arn: `arn:aws:acm:${record.region}:${this.accountId}:certificate/${this.rng.uuid()}`,
      tags: [],
      inUseBy: [],
      ...record,
    };
    this.region(record.region).acm.certificates.push(cert);
    return cert;
  }

  secret(region: string, init: Omit<SecretRecord, 'arn' | 'region' | 'createdDate' | 'lastChangedDate' | 'versionIdsToStages' | 'tags'> & Partial<SecretRecord>): SecretRecord {
    const createdDate = init.createdDate ?? this.pastDate();
    const secret: SecretRecord = {
      arn: `arn:aws:secretsmanager:${region}:${this.accountId}:secret:${init.name}-${this.rng.alphanumeric(6)}`,
      region,
      createdDate,
      lastChangedDate: createdDate,
      versionIdsToStages: { [this.rng.uuid()]: ['AWSCURRENT'] },
      tags: [],
      ...init,
    };
    this.region(region).secretsmanager.secrets.push(secret);
    return secret;
  }

  parameter(region: string, init: Pick<ParameterRecord, 'name' | 'type'> & Partial<ParameterRecord>): ParameterRecord {
    const path = init.name.startsWith('/') ? init.name.slice(1) : init.name;
    const parameter: ParameterRecord = {
      arn: `arn:aws:ssm:${region}:${this.accountId}:parameter/${path}`,
      region,
      tier: 'Standard',
      dataType: 'text',
      version: 1,
      lastModifiedDate: this.pastDate(1, 400),
      lastModifiedUser: `arn:aws:iam::${this.accountId}:user/deployer`,
      tags: [],
      ...(init.type === 'SecureString' ? { keyId: 'alias/aws/ssm' } : {}),
      ...init,
    };
    this.region(region).ssm.parameters.push(parameter);
    return parameter;
  }

  private keyPolicy(key: KmsKeyRecord, usersOfKey: readonly string[]): string {
    const root = `arn:aws:iam::${this.accountId}:root`;
    if (key.keyManager === 'AWS') {
      // The shape of AWS-managed key policies: any principal of the account, only through the owning service.
      return JSON.stringify({
        Version: '2012-10-17',
        Id: 'auto-default-1',
        Statement: [
          {
            Sid: 'Allow access through the service for all principals in the account that are authorized to use it',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
            Resource: '*',
            Condition: { StringEquals: { 'kms:CallerAccount': this.accountId } },
          },
          { Sid: 'Allow direct access to key metadata to the account', Effect: 'Allow', Principal: { AWS: root }, Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'], Resource: '*' },
        ],
      });
    }
    const statements: unknown[] = [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' }];
    if (usersOfKey.length > 0) {
      const actions = key.keyUsage === 'SIGN_VERIFY' ? ['kms:Sign', 'kms:Verify', 'kms:GetPublicKey', 'kms:DescribeKey'] : ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
      statements.push({ Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: [...usersOfKey] }, Action: actions, Resource: '*' });
    }
    if (key.policyDeniesRole) {
      statements.push({ Sid: 'Deny policy reads to third parties', Effect: 'Deny', Principal: { AWS: this.roleArn }, Action: 'kms:GetKeyPolicy', Resource: '*' });
    }
    return JSON.stringify({ Version: '2012-10-17', Id: 'key-default-1', Statement: statements });
  }
}
