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
 * - [SP800-57 Table 3] "Maximum security strengths for hash and hash-based functions": digital signatures are
 *   bounded by the hash's collision resistance (SHA-1 ≤ 80, SHA-224 112, SHA-256 128, SHA-384 192, SHA-512 256);
 *   HMAC by its preimage resistance (SHA-224 192, SHA-256 and longer 256).
 * - [OID] object identifiers, each cited below, and checked against OpenSSL 3.0's object table
 *   (crypto/objects/objects.txt, `openssl asn1parse -genstr OID:<name>`) except ML-DSA and SM4-GCM, which that table
 *   lacks; test/unit/cbom/cbom-algorithms.test.ts finds the key and signature OIDs in DER that Node encodes.
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

/**
 * [KMS-KeySpec] SYMMETRIC_DEFAULT in China Regions is SM4 (128-bit block cipher, 128-bit key): symmetric ≥128 → not
 * vulnerable; a 128-bit key search is the definition of category 1 [PQC-CfP].
 */
export const SM4_ROW: AlgorithmRow = { family: 'SM4', algorithm: 'SM4-128-GCM', keySize: 128, quantumVulnerable: false, classicalSecurityBits: 128, nistSecurityLevel: 1 };

export function hmacRow(bits: 224 | 256 | 384 | 512): AlgorithmRow {
  // [KMS-KeySpec] HMAC_n = n-bit key with SHA-n; [IR8547] hash-based MACs with ≥128-bit keys stay safe.
  // [SP800-57 Table 3] HMAC with SHA-224 → 192 bits, with SHA-256/384/512 → 256 (the key is as long, so it does not
  // lower it). Quantum: the best attack is a Grover search of the key, as for AES with a key as long, so a 224-bit key
  // meets category 3 and a ≥256-bit key category 5 [PQC-CfP].
  const classical = bits === 224 ? 192 : 256;
  return { family: 'HMAC', algorithm: `HMAC-SHA-${bits}`, keySize: bits, quantumVulnerable: false, classicalSecurityBits: classical, nistSecurityLevel: bits === 224 ? 3 : 5 };
}

/**
 * [FIPS204 Table 1] ML-DSA parameter sets → NIST categories 2/3/5; post-quantum → not vulnerable. Classical bits are
 * the categories' own yardsticks [PQC-CfP]: category 2 is a collision search on a 256-bit hash (128 bits), 3 a key
 * search on AES-192 (192), 5 on AES-256 (256).
 */
export const ML_DSA_ROWS: Readonly<Record<'44' | '65' | '87', AlgorithmRow>> = {
  '44': { family: 'ML-DSA', algorithm: 'ML-DSA-44', quantumVulnerable: false, nistSecurityLevel: 2, classicalSecurityBits: 128 },
  '65': { family: 'ML-DSA', algorithm: 'ML-DSA-65', quantumVulnerable: false, nistSecurityLevel: 3, classicalSecurityBits: 192 },
  '87': { family: 'ML-DSA', algorithm: 'ML-DSA-87', quantumVulnerable: false, nistSecurityLevel: 5, classicalSecurityBits: 256 },
};

/** [FIPS205 Table 2] SLH-DSA security parameter n*8 = 128/192/256 → categories 1/3/5. */
export function slhDsaRow(name: string, level: 128 | 192 | 256): AlgorithmRow {
  const category = { 128: 1, 192: 3, 256: 5 }[level];
  return { family: 'SLH-DSA', algorithm: name, quantumVulnerable: false, nistSecurityLevel: category };
}

export function unknownRow(algorithm: string, family: AlgorithmFamily = 'UNKNOWN'): AlgorithmRow {
  return { family, algorithm, quantumVulnerable: null };
}

/** Object identifiers of the algorithms above [OID]. */
export const OIDS = {
  rsaEncryption: '1.2.840.113549.1.1.1', // RFC 8017 App. C (PKCS #1)
  idEcPublicKey: '1.2.840.10045.2.1', // RFC 5480 §2.1.1
  idEd25519: '1.3.101.112', // RFC 8410 §3
  idEd448: '1.3.101.113', // RFC 8410 §3
  sm2: '1.2.156.10197.1.301', // GM/T 0006 (sm2ECC); also the SM2 curve (RFC 8998)
  sm4Gcm: '1.2.156.10197.1.104.8', // GM/T 0006 (SM4-GCM, OpenSSL 3 provider table)
  aes128Gcm: '2.16.840.1.101.3.4.1.6', // RFC 5084 §3.2, NIST CSOR
  aes192Gcm: '2.16.840.1.101.3.4.1.26',
  aes256Gcm: '2.16.840.1.101.3.4.1.46',
  hmacWithSha224: '1.2.840.113549.2.8', // RFC 8018 App. B.1.2 (PKCS #5)
  hmacWithSha256: '1.2.840.113549.2.9',
  hmacWithSha384: '1.2.840.113549.2.10',
  hmacWithSha512: '1.2.840.113549.2.11',
  idMlDsa44: '2.16.840.1.101.3.4.3.17', // NIST CSOR sigAlgs 17–19 (https://csrc.nist.gov/projects/computer-security-objects-register/algorithm-registration)
  idMlDsa65: '2.16.840.1.101.3.4.3.18',
  idMlDsa87: '2.16.840.1.101.3.4.3.19',
} as const;

/** Named curves → their OIDs: RFC 5480 §2.1.1.1 (NIST curves), SEC 2 §2.4.1 (secp256k1), RFC 8410 §3 (Edwards). */
export const CURVE_OIDS: Readonly<Record<string, string>> = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  Ed25519: OIDS.idEd25519,
  Ed448: OIDS.idEd448,
  SM2: OIDS.sm2,
};

const AES_GCM_OIDS: Readonly<Record<number, string>> = { 128: OIDS.aes128Gcm, 192: OIDS.aes192Gcm, 256: OIDS.aes256Gcm };
const HMAC_OIDS: Readonly<Record<number, string>> = { 224: OIDS.hmacWithSha224, 256: OIDS.hmacWithSha256, 384: OIDS.hmacWithSha384, 512: OIDS.hmacWithSha512 };
const ML_DSA_OIDS: Readonly<Record<string, string>> = { 'ML-DSA-44': OIDS.idMlDsa44, 'ML-DSA-65': OIDS.idMlDsa65, 'ML-DSA-87': OIDS.idMlDsa87 };

/**
 * The OID of a key's algorithm as a SubjectPublicKeyInfo or a cipher names it: rsaEncryption for any RSA key,
 * id-ecPublicKey for an EC key (its curve is {@link CURVE_OIDS}), the algorithm's own for the rest. Undefined when the
 * row is not one we can name.
 */
export function keyAlgorithmOid(row: Pick<AlgorithmRow, 'family' | 'algorithm' | 'keySize' | 'curve'>): string | undefined {
  switch (row.family) {
    case 'RSA':
      return OIDS.rsaEncryption;
    case 'EC':
      return OIDS.idEcPublicKey;
    case 'EdDSA':
    case 'SM2':
      return row.curve === undefined ? undefined : CURVE_OIDS[row.curve];
    case 'AES':
      return /-GCM$/.test(row.algorithm) && row.keySize !== undefined ? AES_GCM_OIDS[row.keySize] : undefined;
    case 'SM4':
      return /-GCM$/.test(row.algorithm) ? OIDS.sm4Gcm : undefined;
    case 'HMAC':
      return row.keySize === undefined ? undefined : HMAC_OIDS[row.keySize];
    case 'ML-DSA':
      return ML_DSA_OIDS[row.algorithm];
    default:
      return undefined;
  }
}

/** A certificate signature algorithm: its OID and strengths. */
export interface SignatureAlgorithmRow {
  readonly family: 'RSA' | 'ECDSA' | 'RSASSA-PSS' | 'EdDSA' | 'ML-DSA' | 'SM2';
  /** The digest, for hash-then-sign algorithms (SHA-1, SHA-256, …). */
  readonly hash?: string;
  readonly oid: string;
  /** [SP800-57 Table 3] bounded by the digest's collision resistance; the signer's key may bound it lower. */
  readonly classicalSecurityBits?: number;
  /** 0 for Shor-breakable signatures [IR8547]; the FIPS 204 category for ML-DSA. */
  readonly nistSecurityLevel: number;
  /** ML-DSA parameter set ("44", "65", "87"). */
  readonly parameterSet?: string;
}

/**
 * Collision resistance of a digest in bits [SP800-57 Table 3]. SHA-1 is "≤ 80" there; collisions have been computed
 * at about 2^63 SHA-1 evaluations (Stevens et al., "The first collision for full SHA-1", CRYPTO 2017), so 63. MD5
 * collisions are practical (RFC 6151 §2): no collision resistance is left, 0.
 */
const DIGEST_COLLISION_BITS: Readonly<Record<string, number>> = { MD5: 0, 'SHA-1': 63, 'SHA-224': 112, 'SHA-256': 128, 'SHA-384': 192, 'SHA-512': 256 };

const rsaSig = (hash: string, oid: string): SignatureAlgorithmRow => ({ family: 'RSA', hash, oid, classicalSecurityBits: DIGEST_COLLISION_BITS[hash], nistSecurityLevel: 0 });
const ecdsaSig = (hash: string, oid: string): SignatureAlgorithmRow => ({ family: 'ECDSA', hash, oid, classicalSecurityBits: DIGEST_COLLISION_BITS[hash], nistSecurityLevel: 0 });

/**
 * Signature algorithms by the normalized name the certificate parser and ACM give ("SHA256withRSA"). OIDs: RFC 8017
 * App. C and RFC 4055 §3, §5 (…WithRSAEncryption, RSASSA-PSS), RFC 5758 §3.2 and RFC 3279 §2.2.3 (ecdsa-with-…), RFC 8410
 * §3 (Ed25519/Ed448), NIST CSOR (ML-DSA), GM/T 0006 (SM2-with-SM3).
 */
export const SIGNATURE_ALGORITHM_ROWS: Readonly<Record<string, SignatureAlgorithmRow>> = {
  MD5withRSA: rsaSig('MD5', '1.2.840.113549.1.1.4'),
  SHA1withRSA: rsaSig('SHA-1', '1.2.840.113549.1.1.5'),
  SHA224withRSA: rsaSig('SHA-224', '1.2.840.113549.1.1.14'),
  SHA256withRSA: rsaSig('SHA-256', '1.2.840.113549.1.1.11'),
  SHA384withRSA: rsaSig('SHA-384', '1.2.840.113549.1.1.12'),
  SHA512withRSA: rsaSig('SHA-512', '1.2.840.113549.1.1.13'),
  // The digest is in the PSS parameters, not the name: strength unknown here.
  'RSASSA-PSS': { family: 'RSASSA-PSS', oid: '1.2.840.113549.1.1.10', nistSecurityLevel: 0 },
  SHA1withECDSA: ecdsaSig('SHA-1', '1.2.840.10045.4.1'),
  SHA224withECDSA: ecdsaSig('SHA-224', '1.2.840.10045.4.3.1'),
  SHA256withECDSA: ecdsaSig('SHA-256', '1.2.840.10045.4.3.2'),
  SHA384withECDSA: ecdsaSig('SHA-384', '1.2.840.10045.4.3.3'),
  SHA512withECDSA: ecdsaSig('SHA-512', '1.2.840.10045.4.3.4'),
  // FIPS 186-5 §7: Ed25519 ≈ 128-bit, Ed448 ≈ 224-bit (SP 800-57 rounds to 192), as the key rows above.
  Ed25519: { family: 'EdDSA', oid: OIDS.idEd25519, classicalSecurityBits: 128, nistSecurityLevel: 0 },
  Ed448: { family: 'EdDSA', oid: OIDS.idEd448, classicalSecurityBits: 192, nistSecurityLevel: 0 },
  'SM2-with-SM3': { family: 'SM2', hash: 'SM3', oid: '1.2.156.10197.1.501', classicalSecurityBits: 128, nistSecurityLevel: 0 },
  ...Object.fromEntries(
    (['44', '65', '87'] as const).map((set) => {
      const row = ML_DSA_ROWS[set];
      return [row.algorithm, { family: 'ML-DSA', oid: ML_DSA_OIDS[row.algorithm]!, classicalSecurityBits: row.classicalSecurityBits, nistSecurityLevel: row.nistSecurityLevel!, parameterSet: set }];
    }),
  ),
};
