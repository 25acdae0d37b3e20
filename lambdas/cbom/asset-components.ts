import { KEY_PENDING_DELETION } from '../findings/key-facts';
import { SECRET_PENDING_DELETION } from '../findings/secret-facts';
import type { Asset, DiscoveredAsset } from '../inventory/asset';
import { serviceOfAssetType } from '../inventory/asset';
import { compact, keyAlgorithm, keyProtectionOfOrigin, signatureAlgorithm, type AlgorithmSpec } from './algorithm-component';
import type { CbomCryptoProperties, KeyState, RelatedCryptoMaterialType, SecuredBy } from './cbom-types';

/** One non-algorithm component of the CBOM, before the library turns it into CycloneDX. */
export interface CryptoComponentSpec {
  readonly bomRef: string;
  readonly name: string;
  readonly cryptoProperties: CbomCryptoProperties;
  /** CycloneDX `properties` (name/value; a name may repeat, e.g. one `inUseBy` per resource). */
  readonly properties: readonly (readonly [string, string])[];
  /**
   * bom-refs this component depends on (CycloneDX `dependencies`): its algorithm, a certificate's signature
   * algorithm and subject public key, a secret's KMS key. Kept only when that component is in the same CBOM.
   */
  readonly dependsOn: readonly string[];
}

/** What one inventory asset contributes to the CBOM. */
export interface AssetComponents {
  readonly component: CryptoComponentSpec;
  /** Components the asset's own refer to (a certificate's subject public key). */
  readonly parts: readonly CryptoComponentSpec[];
  readonly algorithms: readonly AlgorithmSpec[];
}

/** Property names: our own namespace, since CycloneDX 1.6 has no account/region fields (CycloneDX/specification#738). */
export const PROPERTY = {
  arn: 'aqg:aws:arn',
  accountId: 'aqg:aws:accountId',
  region: 'aqg:aws:region',
  service: 'aqg:aws:service',
  assetType: 'aqg:assetType',
  assetId: 'aqg:assetId',
  state: 'aqg:aws:state',
  quantumVulnerable: 'aqg:quantumVulnerable',
  kmsKeyArn: 'aqg:aws:kmsKeyArn',
  inUseBy: 'aqg:aws:inUseBy',
  tagPrefix: 'aqg:aws:tag:',
} as const;

/**
 * KMS KeyState → NIST SP 800-57 state (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html).
 * PendingDeletion keys cannot be used but can still be restored: deactivated, not destroyed. Unavailable (a
 * disconnected custom key store) is a pause: suspended.
 */
const KMS_KEY_STATES: Readonly<Record<string, KeyState>> = {
  Creating: 'pre-activation',
  PendingImport: 'pre-activation',
  Enabled: 'active',
  Updating: 'active',
  Disabled: 'suspended',
  Unavailable: 'suspended',
  PendingDeletion: 'deactivated',
  PendingReplicaDeletion: 'deactivated',
};

/** ACM revocation reasons that mean the key itself is no longer trusted (RFC 5280 §5.3.1 CRLReason). */
const COMPROMISE_REASONS = new Set(['KEY_COMPROMISE', 'CA_COMPROMISE', 'A_A_COMPROMISE']);

/**
 * A certificate's subject key, by ACM status (https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html)
 * and validity at `now`: usable only while ISSUED and inside notBefore–notAfter. Past NotAfter it is deactivated
 * even while the stored status still says ISSUED (ACM marks EXPIRED later; the inventory may not have seen it yet).
 * A request that failed or timed out never had an active key: no state is claimed.
 */
function certificateKeyState(asset: DiscoveredAsset | Asset, now: Date): KeyState | undefined {
  const { state, notBefore, notAfter } = asset.lifecycle;
  switch (state) {
    case 'ISSUED':
      if (notAfter !== undefined && Date.parse(notAfter) <= now.getTime()) return 'deactivated';
      if (notBefore !== undefined && Date.parse(notBefore) > now.getTime()) return 'pre-activation';
      return 'active';
    case 'PENDING_VALIDATION':
      return 'pre-activation';
    case 'REVOKED': {
      // The events mapper records RevokeCertificate's reason (lambdas/events/mappers/acm.ts); the crawl does not.
      const reason = (asset.details as { revocationReason?: unknown }).revocationReason;
      return typeof reason === 'string' && COMPROMISE_REASONS.has(reason) ? 'compromised' : 'deactivated';
    }
    case 'EXPIRED':
    case 'INACTIVE':
      return 'deactivated';
    default:
      return undefined;
  }
}

/** Lifecycle states compare exactly: crawl and events write one casing (lambdas/findings/lifecycle-state.ts). */
function stateOf(asset: DiscoveredAsset | Asset, now: Date): KeyState | undefined {
  if ('deleted' in asset && asset.deleted) return 'destroyed';
  switch (asset.type) {
    case 'key':
      return KMS_KEY_STATES[asset.lifecycle.state];
    case 'certificate':
      return certificateKeyState(asset, now);
    case 'secret':
      return asset.lifecycle.deletionDate || (SECRET_PENDING_DELETION as readonly string[]).includes(asset.lifecycle.state) ? 'deactivated' : 'active';
    case 'parameter':
      return 'active';
  }
}

/**
 * When material scheduled for deletion goes: KMS and Secrets Manager keep it, unusable, until DeletionDate. CycloneDX
 * 1.6 has no destruction date; `expirationDate` ("when the related cryptographic material expires") is that date.
 */
function scheduledDeletion(asset: DiscoveredAsset | Asset): string | undefined {
  const pending = asset.type === 'key' ? (KEY_PENDING_DELETION as readonly string[]).includes(asset.lifecycle.state) : asset.type === 'secret';
  return pending ? asset.lifecycle.deletionDate : undefined;
}

function commonProperties(asset: DiscoveredAsset | Asset): [string, string][] {
  const props: [string, string][] = [
    [PROPERTY.arn, asset.arn],
    [PROPERTY.accountId, asset.accountId],
    [PROPERTY.region, asset.region],
    [PROPERTY.service, serviceOfAssetType(asset.type)],
    [PROPERTY.assetType, asset.type],
    [PROPERTY.state, asset.lifecycle.state],
    [PROPERTY.quantumVulnerable, asset.crypto.quantumVulnerable === null ? 'unknown' : String(asset.crypto.quantumVulnerable)],
  ];
  if ('id' in asset) props.push([PROPERTY.assetId, asset.id]);
  if (asset.relations.kmsKeyArn) props.push([PROPERTY.kmsKeyArn, asset.relations.kmsKeyArn]);
  for (const r of asset.relations.inUseBy) props.push([PROPERTY.inUseBy, r]);
  for (const [k, v] of Object.entries(asset.tags)) props.push([`${PROPERTY.tagPrefix}${k}`, v]);
  return props;
}

const ASYMMETRIC = new Set(['RSA', 'EC', 'EdDSA', 'SM2', 'ML-DSA', 'ML-KEM', 'SLH-DSA']);

/**
 * A KMS key holds one secret key (symmetric, HMAC) or one key pair (asymmetric): the pair's confidential half never
 * leaves KMS, so the material described is the private key. Its public key is only a GetPublicKey away, but it is
 * not inventoried, hence not emitted.
 */
function kmsKey(asset: DiscoveredAsset | Asset, now: Date): AssetComponents {
  if (asset.details.kind !== 'key') throw new Error(`KMS key ${asset.arn} has ${asset.details.kind} details`);
  const d = asset.details;
  const protection = keyProtectionOfOrigin(d.origin);
  const algorithm = keyAlgorithm(asset.crypto, d.keyUsage, protection);
  const type: RelatedCryptoMaterialType =
    ASYMMETRIC.has(asset.crypto.family) ? 'private-key'
    : asset.crypto.family !== 'UNKNOWN' || /^(SYMMETRIC|HMAC)/.test(d.keySpec) ? 'secret-key'
    : 'unknown';
  const securedBy: SecuredBy | undefined =
    protection === 'aws-kms-hsm' || protection === 'aws-cloudhsm' ? { mechanism: 'HSM' }
    : protection === 'external-key-store' ? { mechanism: 'External key manager' }
    : undefined;
  const props = commonProperties(asset);
  props.push(['aqg:aws:kms:keySpec', d.keySpec], ['aqg:aws:kms:keyUsage', d.keyUsage], ['aqg:aws:kms:origin', d.origin], ['aqg:aws:kms:keyManager', d.keyManager]);
  props.push(['aqg:aws:kms:multiRegion', String(d.multiRegion)]);
  if (d.multiRegionKeyType) props.push(['aqg:aws:kms:multiRegionKeyType', d.multiRegionKeyType]);
  if (d.customKeyStoreId) props.push(['aqg:aws:kms:customKeyStoreId', d.customKeyStoreId]);
  for (const alias of asset.relations.aliases ?? []) props.push(['aqg:aws:kms:alias', alias]);
  const rotation = asset.lifecycle.rotation;
  if (rotation?.applicable) props.push(['aqg:rotation:enabled', String(rotation.enabled ?? 'unknown')]);
  if (rotation?.periodDays !== undefined) props.push(['aqg:rotation:periodDays', String(rotation.periodDays)]);
  if (asset.lifecycle.deletionDate) props.push(['aqg:aws:deletionDate', asset.lifecycle.deletionDate]);
  return {
    component: {
      bomRef: asset.arn,
      name: asset.relations.aliases?.[0] ?? asset.name,
      cryptoProperties: {
        assetType: 'related-crypto-material',
        relatedCryptoMaterialProperties: compact({
          type,
          id: asset.arn,
          state: stateOf(asset, now),
          algorithmRef: algorithm.bomRef,
          creationDate: asset.lifecycle.createdAt,
          // New key material on rotation is the material's update.
          updateDate: rotation?.lastRotatedAt,
          expirationDate: scheduledDeletion(asset),
          size: asset.crypto.keySize,
          securedBy,
        }),
      },
      properties: props,
      dependsOn: [algorithm.bomRef],
    },
    parts: [],
    algorithms: [algorithm],
  };
}

/** An ACM certificate, its subject public key (→ key algorithm) and its signature algorithm. */
function certificate(asset: DiscoveredAsset | Asset, now: Date): AssetComponents {
  if (asset.details.kind !== 'certificate') throw new Error(`ACM certificate ${asset.arn} has ${asset.details.kind} details`);
  const d = asset.details;
  const keyAlg = asset.crypto.family === 'UNKNOWN' ? undefined : keyAlgorithm(asset.crypto);
  const sigAlg = asset.crypto.signatureAlgorithm ? signatureAlgorithm(asset.crypto.signatureAlgorithm) : undefined;
  const publicKey: CryptoComponentSpec | undefined = keyAlg && {
    bomRef: `${asset.arn}#subject-public-key`,
    name: `${asset.crypto.algorithm} public key of ${d.domainName ?? asset.name}`,
    cryptoProperties: {
      assetType: 'related-crypto-material',
      relatedCryptoMaterialProperties: compact({
        type: 'public-key' as const,
        algorithmRef: keyAlg.bomRef,
        size: asset.crypto.keySize,
        state: stateOf(asset, now),
        // The certificate binds the key for its validity period only.
        activationDate: asset.lifecycle.notBefore,
        expirationDate: asset.lifecycle.notAfter,
      }),
    },
    properties: [[PROPERTY.arn, asset.arn]],
    dependsOn: [keyAlg.bomRef],
  };
  const props = commonProperties(asset);
  for (const [name, value] of [
    ['aqg:aws:acm:type', d.certificateType],
    ['aqg:aws:acm:keyAlgorithm', d.keyAlgorithm],
    ['aqg:certificate:serialNumber', d.serialNumber],
    ['aqg:certificate:fingerprintSha256', d.fingerprintSha256],
    ['aqg:aws:acm:renewalEligibility', d.renewalEligibility],
    ['aqg:aws:acm:certificateAuthorityArn', d.certificateAuthorityArn],
  ] as const) {
    if (value !== undefined) props.push([name, value]);
  }
  for (const san of d.subjectAlternativeNames ?? []) props.push(['aqg:certificate:subjectAlternativeName', san]);
  return {
    component: {
      bomRef: asset.arn,
      name: d.domainName ?? asset.name,
      cryptoProperties: {
        assetType: 'certificate',
        certificateProperties: compact({
          subjectName: d.subject,
          issuerName: d.issuer,
          notValidBefore: asset.lifecycle.notBefore,
          notValidAfter: asset.lifecycle.notAfter,
          signatureAlgorithmRef: sigAlg?.bomRef,
          subjectPublicKeyRef: publicKey?.bomRef,
          certificateFormat: 'X.509',
        }),
      },
      properties: props,
      dependsOn: [sigAlg?.bomRef, publicKey?.bomRef].filter((r): r is string => r !== undefined),
    },
    parts: publicKey ? [publicKey] : [],
    algorithms: [keyAlg, sigAlg].filter((a): a is AlgorithmSpec => a !== undefined),
  };
}

/**
 * A plain `String` / `StringList` SSM parameter is configuration the service stores in clear: not cryptographic
 * material, so it has no place in a CBOM (the inventory still lists it). Only `SecureString` is encrypted
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html).
 */
export function isPlaintextParameter(asset: DiscoveredAsset | Asset): boolean {
  if (asset.type !== 'parameter') return false;
  return !(asset.secure === true || (asset.details.kind === 'parameter' && asset.details.parameterType === 'SecureString'));
}

/**
 * A Secrets Manager secret or a SecureString parameter. Decision on `type`: the value is never read, so its kind is
 * not known. Both services exist to hold credentials (Secrets Manager: "database credentials, API keys and other
 * secrets"; SecureString: "passwords, license codes…"), and CycloneDX's `credential` ("establishes the identity of a
 * party… usually cryptographic keys or passwords") covers all of those without claiming `password` or `token`.
 * The value is envelope-encrypted by the service with a data key from the protecting KMS key: `securedBy` names the
 * data encryption (Software, AES-256-GCM) and dependencies point to that algorithm and to the KMS key component when
 * it is in the CBOM.
 */
function storedSecret(asset: DiscoveredAsset | Asset, now: Date): AssetComponents {
  const protectingAlgorithm = asset.crypto.family !== 'UNKNOWN' ? keyAlgorithm(asset.crypto, 'ENCRYPT_DECRYPT') : undefined;
  const securedBy: SecuredBy = compact({ mechanism: 'Software', algorithmRef: protectingAlgorithm?.bomRef });
  const props = commonProperties(asset);
  const d = asset.details;
  if (d.kind === 'parameter') {
    props.push(['aqg:aws:ssm:parameterType', d.parameterType]);
    if (d.tier) props.push(['aqg:aws:ssm:tier', d.tier]);
  } else if (d.kind === 'secret') {
    if (d.owningService) props.push(['aqg:aws:secretsmanager:owningService', d.owningService]);
    if (d.primaryRegion) props.push(['aqg:aws:secretsmanager:primaryRegion', d.primaryRegion]);
    if (d.lastAccessedAt) props.push(['aqg:aws:secretsmanager:lastAccessedAt', d.lastAccessedAt]);
  }
  const rotation = asset.lifecycle.rotation;
  if (rotation?.applicable) props.push(['aqg:rotation:enabled', String(rotation.enabled ?? 'unknown')]);
  if (asset.lifecycle.deletionDate) props.push(['aqg:aws:deletionDate', asset.lifecycle.deletionDate]);
  return {
    component: {
      bomRef: asset.arn,
      name: asset.name,
      cryptoProperties: {
        assetType: 'related-crypto-material',
        relatedCryptoMaterialProperties: compact({
          type: 'credential' as const,
          id: asset.arn,
          state: stateOf(asset, now),
          creationDate: asset.lifecycle.createdAt,
          updateDate: rotation?.lastRotatedAt ?? asset.lifecycle.lastModifiedAt,
          expirationDate: scheduledDeletion(asset),
          securedBy,
        }),
      },
      properties: props,
      dependsOn: [asset.relations.kmsKeyArn, protectingAlgorithm?.bomRef].filter((r): r is string => r !== undefined),
    },
    parts: [],
    algorithms: protectingAlgorithm ? [protectingAlgorithm] : [],
  };
}

/**
 * The CBOM components of one inventory asset, with lifecycle states as of `now`; undefined for an asset that is not
 * cryptographic material (a plaintext parameter). Pure; never reads or emits a secret value.
 */
export function assetComponents(asset: DiscoveredAsset | Asset, now: Date): AssetComponents | undefined {
  switch (asset.type) {
    case 'key':
      return kmsKey(asset, now);
    case 'certificate':
      return certificate(asset, now);
    case 'secret':
      return storedSecret(asset, now);
    case 'parameter':
      return isPlaintextParameter(asset) ? undefined : storedSecret(asset, now);
  }
}
