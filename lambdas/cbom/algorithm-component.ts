import { CURVE_OIDS, keyAlgorithmOid, SIGNATURE_ALGORITHM_ROWS } from '../crypto/algorithm-table';
import type { AlgorithmFamily, CryptoProperties } from '../inventory/asset';
import type { AlgorithmProperties, CryptoFunction, Primitive } from './cbom-types';

/**
 * One CBOM `algorithm` component: a named algorithm *as used* (primitive, where it executes). Assets point to it by
 * bom-ref (`algorithmRef`, `signatureAlgorithmRef`, `securedBy.algorithmRef`); equal specs share one component.
 */
export interface AlgorithmSpec {
  readonly bomRef: string;
  readonly name: string;
  readonly properties: AlgorithmProperties;
  /** `cryptoProperties.oid`: the algorithm's object identifier, where it has one we know. */
  readonly oid?: string;
  /** CycloneDX component `properties`, e.g. the curve's OID, which `algorithmProperties` has no field for. */
  readonly componentProperties?: readonly (readonly [string, string])[];
}

/** Property carrying a curve's OID next to `algorithmProperties.curve` (a name). */
export const CURVE_OID_PROPERTY = 'aqg:crypto:curveOid';

/** Where a KMS key's operations run (KeyMetadata.Origin, https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html). */
export type KeyProtection = 'aws-kms-hsm' | 'aws-cloudhsm' | 'external-key-store';

export function keyProtectionOfOrigin(origin: string): KeyProtection | undefined {
  switch (origin) {
    case 'AWS_KMS':
    case 'EXTERNAL': // imported key material still lives only in the KMS HSMs
      return 'aws-kms-hsm';
    case 'AWS_CLOUDHSM':
      return 'aws-cloudhsm';
    case 'EXTERNAL_KEY_STORE':
      return 'external-key-store';
    default:
      return undefined;
  }
}

const FUNCTIONS_BY_PRIMITIVE: Partial<Record<Primitive, readonly CryptoFunction[]>> = {
  ae: ['encrypt', 'decrypt'],
  pke: ['encrypt', 'decrypt'],
  signature: ['sign', 'verify'],
  mac: ['tag', 'verify'],
  'key-agree': ['keyderive'],
  kem: ['encapsulate', 'decapsulate'],
};

/** The primitive an algorithm family serves, refined by the KMS key usage where one family serves several. */
export function primitiveOf(family: AlgorithmFamily, keyUsage?: string): Primitive {
  switch (family) {
    case 'AES':
    case 'SM4':
      return 'ae'; // KMS symmetric keys are AES-GCM / SM4-GCM: authenticated encryption
    case 'HMAC':
      return 'mac';
    case 'RSA':
      return keyUsage === 'ENCRYPT_DECRYPT' ? 'pke' : 'signature';
    case 'EC':
    case 'EdDSA':
      return keyUsage === 'KEY_AGREEMENT' ? 'key-agree' : 'signature';
    case 'SM2':
      return keyUsage === 'ENCRYPT_DECRYPT' ? 'pke' : keyUsage === 'KEY_AGREEMENT' ? 'key-agree' : 'signature';
    case 'ML-DSA':
    case 'SLH-DSA':
      return 'signature';
    case 'ML-KEM':
      return 'kem';
    case 'UNKNOWN':
      return 'unknown';
  }
}

/** "128" in AES-128, "2048" in RSA-2048, "65" in ML-DSA-65 (the schema's examples); none for curves. */
function parameterSet(crypto: CryptoProperties): string | undefined {
  const pqc = /^(?:ML-DSA|ML-KEM)-(\d+)$/.exec(crypto.algorithm);
  if (pqc) return pqc[1];
  if (crypto.family === 'SLH-DSA') return crypto.algorithm.replace(/^SLH-DSA-/, '');
  if (crypto.curve) return undefined;
  return crypto.keySize === undefined ? undefined : String(crypto.keySize);
}

/**
 * NIST PQC category: the classified level where one exists; 0 for a Shor-breakable algorithm ("none of the categories
 * are met"); absent when unknown (an algorithm the table has no row for). Rows in lambdas/crypto/algorithm-table.ts.
 */
export function nistQuantumLevel(crypto: Pick<CryptoProperties, 'nistSecurityLevel' | 'quantumVulnerable'>): number | undefined {
  if (crypto.quantumVulnerable === true) return 0;
  return crypto.nistSecurityLevel;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';

/**
 * The algorithm of a key (a KMS key, a certificate's subject public key, or the key that envelope-encrypts a secret).
 * `protection` says where operations run: KMS keys run in FIPS 140-3 Level 3 validated HSMs
 * (https://docs.aws.amazon.com/kms/latest/developerguide/kms-internals.html); a CloudHSM key store's HSMs and an
 * external key manager's certification are not known from the inventory.
 */
export function keyAlgorithm(crypto: CryptoProperties, keyUsage?: string, protection?: KeyProtection): AlgorithmSpec {
  const primitive = primitiveOf(crypto.family, keyUsage);
  const executionEnvironment = protection === undefined ? undefined : protection === 'external-key-store' ? 'unknown' : 'hardware';
  const properties: AlgorithmProperties = compact({
    primitive,
    parameterSetIdentifier: parameterSet(crypto),
    curve: crypto.curve,
    executionEnvironment,
    certificationLevel: protection === 'aws-kms-hsm' ? (['fips140-3-l3'] as const) : undefined,
    mode: /-GCM$/.test(crypto.algorithm) ? ('gcm' as const) : undefined,
    cryptoFunctions: FUNCTIONS_BY_PRIMITIVE[primitive],
    classicalSecurityLevel: crypto.classicalSecurityBits,
    nistQuantumSecurityLevel: nistQuantumLevel(crypto),
  });
  const where = protection ? `/${protection}` : '';
  const curveOid = crypto.curve === undefined ? undefined : CURVE_OIDS[crypto.curve];
  return compact({
    bomRef: `crypto/algorithm/${slug(crypto.algorithm)}/${primitive}${where}`,
    name: crypto.algorithm,
    properties,
    oid: keyAlgorithmOid(crypto),
    componentProperties: curveOid ? [[CURVE_OID_PROPERTY, curveOid] as const] : undefined,
  });
}

/**
 * ACM's SignatureAlgorithm enum spells "SHA256WITHRSA" (and "SM3WITHSM2", "ML_DSA_65"); the certificate parser
 * "SHA256withRSA". One name for all, the keys of SIGNATURE_ALGORITHM_ROWS.
 */
export function normalizeSignatureAlgorithm(name: string): string {
  const m = /^(SHA\d+|MD5)WITH(RSA|ECDSA)$/i.exec(name);
  if (m) return `${m[1]!.toUpperCase()}with${m[2]!.toUpperCase()}`;
  if (/^SM3WITHSM2$/i.test(name)) return 'SM2-with-SM3';
  const mlDsa = /^ML[-_]DSA[-_](44|65|87)$/i.exec(name);
  return mlDsa ? `ML-DSA-${mlDsa[1]}` : name;
}

/**
 * A certificate's signature algorithm (SIGNATURE_ALGORITHM_ROWS: OID, strengths). RSA, ECDSA, EdDSA and SM2
 * signatures are Shor-breakable (NIST IR 8547) → quantum level 0; ML-DSA carries its FIPS 204 category. The
 * parameter set is the ML-DSA set; a hash-then-sign algorithm has none here, since its key size is the issuer's,
 * which the certificate does not carry (the digest is in the name and the OID). An unknown name is left without
 * strengths rather than guessed.
 */
export function signatureAlgorithm(rawName: string): AlgorithmSpec {
  const name = normalizeSignatureAlgorithm(rawName);
  const row = SIGNATURE_ALGORITHM_ROWS[name];
  const classical = /RSA|ECDSA|Ed25519|Ed448|DSA$/i.test(name) && !/ML-DSA|SLH-DSA/i.test(name);
  const properties: AlgorithmProperties = compact({
    primitive: 'signature' as const,
    parameterSetIdentifier: row?.parameterSet,
    padding: row?.family === 'RSA' ? ('pkcs1v15' as const) : undefined,
    cryptoFunctions: FUNCTIONS_BY_PRIMITIVE.signature,
    classicalSecurityLevel: row?.classicalSecurityBits,
    nistQuantumSecurityLevel: row ? row.nistSecurityLevel : classical ? 0 : undefined,
  });
  return compact({ bomRef: `crypto/algorithm/${slug(name)}/signature`, name, properties, oid: row?.oid });
}

/** Drops undefined fields, so the JSON carries only what is known. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
