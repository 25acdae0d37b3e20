/**
 * The asset model: one shape for every cryptographic asset, whatever service it came from.
 * Discovery (a crawl) and the event pipeline both produce `DiscoveredAsset`s; the asset store (asset-store.ts) adds
 * the tenant-scoped bookkeeping (`Asset`). See docs/architecture.md, "The asset model".
 *
 * All timestamps are ISO-8601 strings in UTC (`new Date().toISOString()`), so they sort lexically.
 */

export type AssetType = 'key' | 'certificate' | 'secret' | 'parameter';

/** The four services whose assets we inventory, spelled like their IAM / endpoint prefixes. */
export type CryptoService = 'kms' | 'acm' | 'secretsmanager' | 'ssm';

export const CRYPTO_SERVICES: readonly CryptoService[] = ['kms', 'acm', 'secretsmanager', 'ssm'];

export const ASSET_TYPE_BY_SERVICE: Readonly<Record<CryptoService, readonly AssetType[]>> = {
  kms: ['key'],
  acm: ['certificate'],
  secretsmanager: ['secret'],
  ssm: ['parameter'],
};

export type AlgorithmFamily =
  | 'RSA'
  | 'EC'
  | 'EdDSA'
  | 'SM2'
  | 'AES'
  | 'SM4'
  | 'HMAC'
  | 'ML-DSA'
  | 'ML-KEM'
  | 'SLH-DSA'
  | 'UNKNOWN';

/** Normalized algorithm record (lambdas/crypto/ fills it, table-driven). */
export interface CryptoProperties {
  readonly family: AlgorithmFamily;
  /** Human-readable normalized name, e.g. "RSA-2048", "ECDSA P-256", "AES-256-GCM", "ML-DSA-65". */
  readonly algorithm: string;
  /** Key size in bits where the family has one (RSA, AES, HMAC). */
  readonly keySize?: number;
  /** Named curve for EC / EdDSA / SM2 (e.g. "P-256", "secp256k1", "Ed25519"). */
  readonly curve?: string;
  /** Certificate signature algorithm, normalized (e.g. "SHA256withRSA", "SHA384withECDSA"). */
  readonly signatureAlgorithm?: string;
  /** Key usage (KMS KeyUsage, or certificate key usages). */
  readonly keyUsage?: readonly string[];
  /** Shor-breakable public-key algorithm → true; symmetric ≥128-bit or post-quantum → false; null = unknown. */
  readonly quantumVulnerable: boolean | null;
  /** NIST PQC security category (1–5) where defined. */
  readonly nistSecurityLevel?: number;
  /**
   * Classical security strength in bits (NIST SP 800-57 Part 1 Rev. 5, Table 2), e.g. RSA-2048 → 112, P-256 → 128.
   * Optional, set by discovery: lets readers flag weak classical keys (RSA-1024 → 80) too.
   */
  readonly classicalSecurityBits?: number;
}

export interface RotationInfo {
  /** false when rotation does not apply to this asset (asymmetric/HMAC/imported/custom-key-store keys). */
  readonly applicable: boolean;
  /** null = unknown / never configured. */
  readonly enabled: boolean | null;
  readonly periodDays?: number;
  readonly lastRotatedAt?: string;
  readonly nextRotationAt?: string;
}

export interface Lifecycle {
  /** Service state as AWS reports it, e.g. KMS "Enabled", ACM "ISSUED", "PendingDeletion", "ACTIVE". */
  readonly state: string;
  readonly createdAt?: string;
  readonly lastModifiedAt?: string;
  readonly notBefore?: string;
  readonly notAfter?: string;
  /** Scheduled deletion date (KMS key pending deletion, secret scheduled for deletion). */
  readonly deletionDate?: string;
  readonly rotation?: RotationInfo;
}

export interface Relations {
  /** The KMS key protecting this asset, always a resolved key ARN (never an alias or bare id). */
  readonly kmsKeyArn?: string;
  /**
   * The key reference exactly as the service reported it, kept when it could not yet be resolved to a key ARN
   * (an alias name or alias ARN needs the region's alias list; see discovery's key-reference resolution).
   */
  readonly kmsKeyRef?: string;
  /** Resources that use this asset (ACM InUseBy ARNs). */
  readonly inUseBy: readonly string[];
  /** KMS key → its alias names. */
  readonly aliases?: readonly string[];
}

/** Something the crawl could not see about this asset (e.g. a key policy that denies our role). */
export interface CoverageGap {
  readonly api: string;
  readonly errorCode: string;
  readonly message?: string;
}

export interface KeyDetails {
  readonly kind: 'key';
  readonly keyId: string;
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly origin: string;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly multiRegion: boolean;
  readonly multiRegionKeyType?: string;
  readonly encryptionAlgorithms?: readonly string[];
  readonly signingAlgorithms?: readonly string[];
  readonly macAlgorithms?: readonly string[];
  readonly keyAgreementAlgorithms?: readonly string[];
  readonly customKeyStoreId?: string;
  readonly description?: string;
  /** Principals (ARNs, account ids, service names, "*") the key policy allows to use the key. */
  readonly policyPrincipals?: readonly string[];
}

export interface CertificateDetails {
  readonly kind: 'certificate';
  /** ACM Type: IMPORTED | AMAZON_ISSUED | PRIVATE. */
  readonly certificateType?: string;
  readonly domainName?: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly subjectAlternativeNames?: readonly string[];
  readonly serialNumber?: string;
  readonly fingerprintSha256?: string;
  readonly chainLength?: number;
  readonly renewalEligibility?: string;
  readonly keyAlgorithm?: string;
  readonly keyPairOrigin?: string;
  readonly managedBy?: string;
  readonly certificateAuthorityArn?: string;
}

export interface SecretDetails {
  readonly kind: 'secret';
  readonly description?: string;
  readonly owningService?: string;
  readonly primaryRegion?: string;
  /** True for EventBridge's own `events!connection/…` secrets. */
  readonly managedByEventBridge: boolean;
  readonly rotationLambdaArn?: string;
  readonly rotationRules?: { readonly automaticallyAfterDays?: number; readonly scheduleExpression?: string; readonly duration?: string };
  readonly lastAccessedAt?: string;
  readonly replicas?: readonly { readonly region: string; readonly status?: string; readonly kmsKeyRef?: string }[];
}

export interface ParameterDetails {
  readonly kind: 'parameter';
  /** String | StringList | SecureString. */
  readonly parameterType: string;
  readonly tier?: string;
  readonly dataType?: string;
  readonly version?: number;
  readonly description?: string;
  readonly lastModifiedUser?: string;
}

export type AssetDetails = KeyDetails | CertificateDetails | SecretDetails | ParameterDetails;

/** What discovery (or an event) knows about one asset, before the inventory adds tenant bookkeeping. */
export interface DiscoveredAsset {
  readonly type: AssetType;
  readonly accountId: string;
  readonly region: string;
  readonly arn: string;
  readonly name: string;
  /** SSM SecureString (and every secret) → true. */
  readonly secure?: boolean;
  /** User-defined tags only; `aws:`-prefixed tags are never ingested. */
  readonly tags: Readonly<Record<string, string>>;
  readonly crypto: CryptoProperties;
  readonly lifecycle: Lifecycle;
  readonly relations: Relations;
  readonly details: AssetDetails;
  readonly coverageGaps?: readonly CoverageGap[];
}

/** An inventory item: a discovered asset plus tenant-scoped bookkeeping. */
export interface Asset extends DiscoveredAsset {
  /** Deterministic, URL-safe: derived from tenant and ARN (see asset-id.ts). */
  readonly id: string;
  readonly tenantId: string;
  readonly source: 'AWS';
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** When the state held here was observed: a crawl's read time or an applied event's eventTime. Newer wins. */
  readonly observedAt: string;
  readonly deleted?: boolean;
  readonly deletedAt?: string;
}

export type ResourceType =
  | 'ec2-instance'
  | 'lambda-function'
  | 'apigateway-domain'
  | 'load-balancer'
  | 'cloudfront-distribution'
  | 'ebs-volume'
  | 'iam-role'
  | 'iam-user'
  | 'aws-service'
  | 'other';

/** Who uses an asset, learned from usage events. */
export interface Usage {
  readonly assetArn: string;
  readonly resourceArn: string;
  readonly resourceType: ResourceType;
  /** The event name that revealed the usage (e.g. "Decrypt"). */
  readonly via: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly count: number;
}

export function serviceOfAssetType(type: AssetType): CryptoService {
  switch (type) {
    case 'key':
      return 'kms';
    case 'certificate':
      return 'acm';
    case 'secret':
      return 'secretsmanager';
    case 'parameter':
      return 'ssm';
  }
}
