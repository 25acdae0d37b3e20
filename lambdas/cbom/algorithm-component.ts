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
}

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
 * are met"); absent when unknown (e.g. HMAC, which the categories do not cover).
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
  return { bomRef: `crypto/algorithm/${slug(crypto.algorithm)}/${primitive}${where}`, name: crypto.algorithm, properties };
}

/** ACM's SignatureAlgorithm enum spells "SHA256WITHRSA"; the certificate parser "SHA256withRSA". One name for both. */
export function normalizeSignatureAlgorithm(name: string): string {
  const m = /^SHA(\d+)WITH(RSA|ECDSA)$/i.exec(name);
  return m ? `SHA${m[1]}with${m[2]!.toUpperCase()}` : name;
}

const PQC_SIGNATURE_LEVEL: Readonly<Record<string, number>> = { 'ML-DSA-44': 2, 'ML-DSA-65': 3, 'ML-DSA-87': 5 }; // FIPS 204 Table 1

/**
 * A certificate's signature algorithm. RSA, ECDSA and EdDSA signatures are Shor-breakable (NIST IR 8547) → level 0;
 * ML-DSA carries its FIPS 204 category; anything else is left without a level rather than guessed.
 */
export function signatureAlgorithm(rawName: string): AlgorithmSpec {
  const name = normalizeSignatureAlgorithm(rawName);
  const classical = /RSA|ECDSA|Ed25519|Ed448|DSA$/i.test(name) && !/ML-DSA|SLH-DSA/i.test(name);
  const hash = /^SHA(\d+)with/.exec(name)?.[1];
  const properties: AlgorithmProperties = compact({
    primitive: 'signature' as const,
    parameterSetIdentifier: hash,
    cryptoFunctions: FUNCTIONS_BY_PRIMITIVE.signature,
    nistQuantumSecurityLevel: classical ? 0 : PQC_SIGNATURE_LEVEL[name],
  });
  return { bomRef: `crypto/algorithm/${slug(name)}/signature`, name, properties };
}

/** Drops undefined fields, so the JSON carries only what is known. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
