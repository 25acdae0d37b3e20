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
}

/** What one inventory asset contributes to the CBOM. */
export interface AssetComponents {
  readonly component: CryptoComponentSpec;
  /** Components the asset's own refer to (a certificate's subject public key). */
  readonly parts: readonly CryptoComponentSpec[];
  readonly algorithms: readonly AlgorithmSpec[];
  /** bom-refs (ARNs) this asset depends on; kept only when that component is in the same CBOM. */
  readonly dependsOn: readonly string[];
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

function stateOf(asset: DiscoveredAsset | Asset): KeyState | undefined {
  if ('deleted' in asset && asset.deleted) return 'destroyed';
  switch (asset.type) {
    case 'key':
      return KMS_KEY_STATES[asset.lifecycle.state];
    case 'secret':
      return asset.lifecycle.deletionDate || asset.lifecycle.state === 'PendingDeletion' ? 'deactivated' : 'active';
    default:
      return 'active';
  }
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
function kmsKey(asset: DiscoveredAsset | Asset): AssetComponents {
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
          state: stateOf(asset),
          algorithmRef: algorithm.bomRef,
          creationDate: asset.lifecycle.createdAt,
          // New key material on rotation is the material's update.
          updateDate: rotation?.lastRotatedAt,
          size: asset.crypto.keySize,
          securedBy,
        }),
      },
      properties: props,
    },
    parts: [],
    algorithms: [algorithm],
    dependsOn: [],
  };
}

/** An ACM certificate, its subject public key (→ key algorithm) and its signature algorithm. */
function certificate(asset: DiscoveredAsset | Asset): AssetComponents {
  if (asset.details.kind !== 'certificate') throw new Error(`ACM certificate ${asset.arn} has ${asset.details.kind} details`);
  const d = asset.details;
  const keyAlg = asset.crypto.family === 'UNKNOWN' ? undefined : keyAlgorithm(asset.crypto);
  const sigAlg = asset.crypto.signatureAlgorithm ? signatureAlgorithm(asset.crypto.signatureAlgorithm) : undefined;
  const publicKey: CryptoComponentSpec | undefined = keyAlg && {
    bomRef: `${asset.arn}#subject-public-key`,
    name: `${asset.crypto.algorithm} public key of ${d.domainName ?? asset.name}`,
    cryptoProperties: {
      assetType: 'related-crypto-material',
      relatedCryptoMaterialProperties: compact({ type: 'public-key' as const, algorithmRef: keyAlg.bomRef, size: asset.crypto.keySize, state: stateOf(asset) }),
    },
    properties: [[PROPERTY.arn, asset.arn]],
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
    },
    parts: publicKey ? [publicKey] : [],
    algorithms: [keyAlg, sigAlg].filter((a): a is AlgorithmSpec => a !== undefined),
    dependsOn: [],
  };
}

/**
 * A Secrets Manager secret or an SSM parameter. Decision on `type`: the value is never read, so its kind is not
 * known. Both services exist to hold credentials (Secrets Manager: "database credentials, API keys and other
 * secrets"; SecureString: "passwords, license codes…"), and CycloneDX's `credential` ("establishes the identity of a
 * party… usually cryptographic keys or passwords") covers all of those without claiming `password` or `token`.
 * A plain String/StringList parameter is inventoried too (it may hold a secret in clear): `other`, secured by `None`.
 * The value is envelope-encrypted by the service with a data key from the protecting KMS key: `securedBy` names the
 * data encryption (Software, AES-256-GCM) and a dependency points to the KMS key component when it is in the CBOM.
 */
function storedSecret(asset: DiscoveredAsset | Asset): AssetComponents {
  const encrypted = asset.type === 'secret' || asset.secure === true;
  const protectingAlgorithm = encrypted && asset.crypto.family !== 'UNKNOWN' ? keyAlgorithm(asset.crypto, 'ENCRYPT_DECRYPT') : undefined;
  const securedBy: SecuredBy = encrypted
    ? compact({ mechanism: 'Software', algorithmRef: protectingAlgorithm?.bomRef })
    : { mechanism: 'None' };
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
          type: encrypted ? ('credential' as const) : ('other' as const),
          id: asset.arn,
          state: stateOf(asset),
          creationDate: asset.lifecycle.createdAt,
          updateDate: rotation?.lastRotatedAt ?? asset.lifecycle.lastModifiedAt,
          securedBy,
        }),
      },
      properties: props,
    },
    parts: [],
    algorithms: protectingAlgorithm ? [protectingAlgorithm] : [],
    dependsOn: encrypted && asset.relations.kmsKeyArn ? [asset.relations.kmsKeyArn] : [],
  };
}

/** The CBOM components of one inventory asset. Pure; never reads or emits a secret value. */
export function assetComponents(asset: DiscoveredAsset | Asset): AssetComponents {
  switch (asset.type) {
    case 'key':
      return kmsKey(asset);
    case 'certificate':
      return certificate(asset);
    case 'secret':
    case 'parameter':
      return storedSecret(asset);
  }
}
