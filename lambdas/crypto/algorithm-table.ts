import type { AlgorithmFamily, CryptoProperties } from '../inventory/asset';

/**
 * The classification table: every algorithm we can name, with its strengths and quantum status, each row citing
 * its source. Sources:
 * - [SP800-57] NIST SP 800-57 Part 1 Rev. 5, Table 2 "Comparable security strengths of symmetric block cipher and
 *   asymmetric-key algorithms" (https://doi.org/10.6028/NIST.SP.800-57pt1r5).
 * - [IR8547] NIST IR 8547 (ipd) "Transition to Post-Quantum Cryptography Standards", §3/§4: RSA, ECDSA, EdDSA,
 *   (EC)DH and other Shor-breakable public-key schemes are quantum-vulnerable; AES with ≥128-bit keys and
 *   SHA-2/SHA-3 based MACs are not (https://doi.org/10.6028/NIST.IR.8547.ipd).
 * - [FIPS204] FIPS 204 ML-DSA, Table 1 (ML-DSA-44/65/87 → categories 2/3/5).
 * - [FIPS205] FIPS 205 SLH-DSA, Table 2 (SLH-DSA-*-128/192/256{s,f} → categories 1/3/5).
 * - [PQC-CfP] NIST PQC Call for Proposals §4.A.5: categories are defined by AES-128 (1), AES-192 (3), AES-256 (5)
 *   key search, so those AES rows carry the category too.
 * - [KMS-KeySpec] https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html
 *   (SYMMETRIC_DEFAULT = AES-256-GCM, SM4 in China Regions; HMAC_224…512; ECC_*; ML_DSA_*; SM2).
 */
export type AlgorithmRow = Omit<CryptoProperties, 'signatureAlgorithm' | 'keyUsage'>;

const row = (r: AlgorithmRow): AlgorithmRow => r;

/** RSA modulus sizes → classical strength [SP800-57 Table 2]; quantum-vulnerable [IR8547]. */
const RSA_STRENGTH_BRACKETS: readonly { readonly minBits: number; readonly strength: number }[] = [
  { minBits: 15360, strength: 256 }, // [SP800-57] k = 15360
  { minBits: 7680, strength: 192 }, // [SP800-57] k = 7680
  { minBits: 3072, strength: 128 }, // [SP800-57] k = 3072
  { minBits: 2048, strength: 112 }, // [SP800-57] k = 2048
  { minBits: 1024, strength: 80 }, // [SP800-57] k = 1024 (disallowed for protection since 2013)
];

export function rsaRow(bits: number): AlgorithmRow {
  const strength = RSA_STRENGTH_BRACKETS.find((b) => bits >= b.minBits)?.strength;
  return row({
    family: 'RSA',
    algorithm: `RSA-${bits}`,
    keySize: bits,
    quantumVulnerable: true, // [IR8547] Shor's algorithm factors the modulus
    ...(strength !== undefined ? { classicalSecurityBits: strength } : {}),
  });
}

/** Named curves, keyed by a canonical curve name. */
export const CURVE_ROWS: Readonly<Record<string, AlgorithmRow>> = {
  // [SP800-57 Table 2] f = 256–383 → 128; [IR8547] ECDSA/ECDH quantum-vulnerable
  'P-256': { family: 'EC', algorithm: 'EC P-256', curve: 'P-256', keySize: 256, quantumVulnerable: true, classicalSecurityBits: 128 },
  // [SP800-57 Table 2] f = 384–511 → 192
  'P-384': { family: 'EC', algorithm: 'EC P-384', curve: 'P-384', keySize: 384, quantumVulnerable: true, classicalSecurityBits: 192 },
  // [SP800-57 Table 2] f = 512+ → 256
  'P-521': { family: 'EC', algorithm: 'EC P-521', curve: 'P-521', keySize: 521, quantumVulnerable: true, classicalSecurityBits: 256 },
  // [SP800-57 Table 2] f = 256 → 128 (secp256k1, KMS ECC_SECG_P256K1)
  secp256k1: { family: 'EC', algorithm: 'EC secp256k1', curve: 'secp256k1', keySize: 256, quantumVulnerable: true, classicalSecurityBits: 128 },
  // FIPS 186-5 §7 / [SP800-57]: Ed25519 ≈ 128-bit; [IR8547] EdDSA quantum-vulnerable
  Ed25519: { family: 'EdDSA', algorithm: 'Ed25519', curve: 'Ed25519', keySize: 256, quantumVulnerable: true, classicalSecurityBits: 128 },
  // FIPS 186-5 §7: Ed448 ≈ 224-bit (SP 800-57 rounds to 192)
  Ed448: { family: 'EdDSA', algorithm: 'Ed448', curve: 'Ed448', keySize: 456, quantumVulnerable: true, classicalSecurityBits: 192 },
  // [KMS-KeySpec] SM2 (GB/T 32918) on a 256-bit curve → 128 per [SP800-57 Table 2]; elliptic-curve → [IR8547] vulnerable
  SM2: { family: 'SM2', algorithm: 'SM2', curve: 'SM2', keySize: 256, quantumVulnerable: true, classicalSecurityBits: 128 },
};

export function aesRow(bits: 128 | 192 | 256, mode = 'GCM'): AlgorithmRow {
  // [SP800-57 Table 2] AES-k → k bits; [PQC-CfP] AES-128/192/256 define categories 1/3/5; [IR8547] not vulnerable
  const category = { 128: 1, 192: 3, 256: 5 }[bits];
  return { family: 'AES', algorithm: `AES-${bits}-${mode}`, keySize: bits, quantumVulnerable: false, classicalSecurityBits: bits, nistSecurityLevel: category };
}

/** [KMS-KeySpec] SYMMETRIC_DEFAULT in China Regions is SM4 (128-bit block cipher, 128-bit key): symmetric ≥128 → not vulnerable. */
export const SM4_ROW: AlgorithmRow = { family: 'SM4', algorithm: 'SM4-128-GCM', keySize: 128, quantumVulnerable: false, classicalSecurityBits: 128 };

export function hmacRow(bits: 224 | 256 | 384 | 512): AlgorithmRow {
  // [KMS-KeySpec] HMAC_n = n-bit key with SHA-n; [IR8547] hash-based MACs with ≥128-bit keys stay safe
  return { family: 'HMAC', algorithm: `HMAC-SHA-${bits}`, keySize: bits, quantumVulnerable: false };
}

/** [FIPS204 Table 1] ML-DSA parameter sets → NIST categories 2/3/5; post-quantum → not vulnerable. */
export const ML_DSA_ROWS: Readonly<Record<'44' | '65' | '87', AlgorithmRow>> = {
  '44': { family: 'ML-DSA', algorithm: 'ML-DSA-44', quantumVulnerable: false, nistSecurityLevel: 2 },
  '65': { family: 'ML-DSA', algorithm: 'ML-DSA-65', quantumVulnerable: false, nistSecurityLevel: 3 },
  '87': { family: 'ML-DSA', algorithm: 'ML-DSA-87', quantumVulnerable: false, nistSecurityLevel: 5 },
};

/** [FIPS205 Table 2] SLH-DSA security parameter n*8 = 128/192/256 → categories 1/3/5. */
export function slhDsaRow(name: string, level: 128 | 192 | 256): AlgorithmRow {
  const category = { 128: 1, 192: 3, 256: 5 }[level];
  return { family: 'SLH-DSA', algorithm: name, quantumVulnerable: false, nistSecurityLevel: category };
}

export function unknownRow(algorithm: string, family: AlgorithmFamily = 'UNKNOWN'): AlgorithmRow {
  return { family, algorithm, quantumVulnerable: null };
}
