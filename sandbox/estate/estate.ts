/**
 * The sandbox account's ground truth: the raw records per region and service, with everything a test needs to
 * compute the inventory the platform should produce (ARNs, key specs, PEMs, tags…). Records are live: the
 * sandbox's mutation methods change them, and the protocol handlers read them on every request.
 * Dates are ISO-8601 strings (UTC).
 */

/** A tag as the services hold it; each service renders it in its own shape (TagKey/TagValue or Key/Value). */
export interface SandboxTag {
  key: string;
  value: string;
}

export type KeyRotation =
  | { readonly applicable: true; enabled: boolean; periodDays?: number; nextRotationDate?: string }
  /** GetKeyRotationStatus answers UnsupportedOperationException (asymmetric, HMAC, imported material). */
  | { readonly applicable: false };

export interface KmsKeyRecord {
  keyId: string;
  arn: string;
  region: string;
  description: string;
  keySpec: string;
  keyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
  origin: 'AWS_KMS' | 'EXTERNAL';
  keyManager: 'AWS' | 'CUSTOMER';
  keyState: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';
  enabled: boolean;
  creationDate: string;
  deletionDate?: string;
  pendingDeletionWindowInDays?: number;
  multiRegion: boolean;
  multiRegionConfiguration?: {
    multiRegionKeyType: 'PRIMARY' | 'REPLICA';
    primaryKey: { arn: string; region: string };
    replicaKeys: { arn: string; region: string }[];
  };
  encryptionAlgorithms?: string[];
  signingAlgorithms?: string[];
  macAlgorithms?: string[];
  rotation: KeyRotation;
  /** The key policy document (JSON text) GetKeyPolicy returns. */
  policy: string;
  /** The policy denies the sandbox role kms:GetKeyPolicy (a coverage gap the crawler must report, not fail on). */
  policyDeniesRole: boolean;
  tags: SandboxTag[];
}

export interface KmsAliasRecord {
  aliasName: string;
  aliasArn: string;
  /** Absent on predefined `alias/aws/*` aliases that AWS has not yet associated with a key. */
  targetKeyId?: string;
  creationDate: string;
  lastUpdatedDate: string;
}

/** ACM key algorithm, spelled as the model enum and ListCertificates spell it (`RSA_2048`, `EC_prime256v1`). */
export type AcmKeyAlgorithm = 'RSA_1024' | 'RSA_2048' | 'RSA_3072' | 'RSA_4096' | 'EC_prime256v1' | 'EC_secp384r1' | 'EC_secp521r1';

export interface CertificateRecord {
  arn: string;
  region: string;
  domainName: string;
  subjectAlternativeNames: string[];
  status: 'PENDING_VALIDATION' | 'ISSUED' | 'INACTIVE' | 'EXPIRED' | 'VALIDATION_TIMED_OUT' | 'REVOKED' | 'FAILED';
  type: 'IMPORTED' | 'AMAZON_ISSUED' | 'PRIVATE';
  keyAlgorithm: AcmKeyAlgorithm;
  keyPairOrigin: 'AWS_MANAGED' | 'CUSTOMER_PROVIDED' | 'ACME';
  /** Leaf certificate PEM; absent while PENDING_VALIDATION. */
  certificatePem?: string;
  /** Issuer chain PEM(s) concatenated, leaf excluded; absent for self-signed certificates. */
  chainPem?: string;
  serial?: string;
  subject?: string;
  issuer?: string;
  /** As DescribeCertificate spells it, e.g. SHA256WITHRSA, SHA1WITHRSA, SHA384WITHECDSA. */
  signatureAlgorithm?: string;
  notBefore?: string;
  notAfter?: string;
  createdAt: string;
  importedAt?: string;
  issuedAt?: string;
  inUseBy: string[];
  renewalEligibility: 'ELIGIBLE' | 'INELIGIBLE';
  keyUsages: string[];
  extendedKeyUsages: string[];
  tags: SandboxTag[];
}

export interface SecretRecord {
  arn: string;
  region: string;
  name: string;
  description?: string;
  /** The key reference as given at creation (key ARN, alias name…); absent = the AWS-managed aws/secretsmanager key. */
  kmsKeyId?: string;
  createdDate: string;
  lastChangedDate: string;
  lastAccessedDate?: string;
  /** Absent = never configured for rotation (the API then omits RotationEnabled). */
  rotationEnabled?: boolean;
  rotationLambdaArn?: string;
  rotationRules?: { automaticallyAfterDays?: number; scheduleExpression?: string; duration?: string };
  lastRotatedDate?: string;
  nextRotationDate?: string;
  deletedDate?: string;
  owningService?: string;
  /** Set on the replica copies of a replicated secret (and on the primary, to its own region). */
  primaryRegion?: string;
  replicationStatus?: { region: string; kmsKeyId?: string; status: 'InSync' | 'Failed' | 'InProgress'; statusMessage?: string }[];
  /** Non-secret version bookkeeping (the values themselves never exist in the sandbox). */
  versionIdsToStages: Record<string, string[]>;
  tags: SandboxTag[];
}

export interface ParameterRecord {
  name: string;
  arn: string;
  region: string;
  type: 'String' | 'StringList' | 'SecureString';
  /** SecureString only: the key alias (or id) as given; `alias/aws/ssm` when none was given. */
  keyId?: string;
  tier: 'Standard' | 'Advanced' | 'Intelligent-Tiering';
  dataType: string;
  version: number;
  lastModifiedDate: string;
  lastModifiedUser: string;
  description?: string;
  tags: SandboxTag[];
}

export interface RegionEstate {
  readonly region: string;
  readonly kms: { keys: KmsKeyRecord[]; aliases: KmsAliasRecord[] };
  readonly acm: { certificates: CertificateRecord[] };
  readonly secretsmanager: { secrets: SecretRecord[] };
  readonly ssm: { parameters: ParameterRecord[] };
}

export interface Estate {
  readonly accountId: string;
  /** Populated regions, in generation order; enabled regions without assets are not listed. */
  readonly regions: Record<string, RegionEstate>;
}

export function emptyRegionEstate(region: string): RegionEstate {
  return { region, kms: { keys: [], aliases: [] }, acm: { certificates: [] }, secretsmanager: { secrets: [] }, ssm: { parameters: [] } };
}

/** Number of assets (keys + certificates + secrets + parameters) the estate holds, optionally in one region. */
export function countAssets(estate: Estate, region?: string): number {
  return Object.values(estate.regions)
    .filter((r) => region === undefined || r.region === region)
    .reduce((n, r) => n + r.kms.keys.length + r.acm.certificates.length + r.secretsmanager.secrets.length + r.ssm.parameters.length, 0);
}
