import type { CryptoProperties } from '../inventory/asset';
import { aesRow, CURVE_ROWS, hmacRow, ML_DSA_ROWS, rsaRow, SM4_ROW, unknownRow, type AlgorithmRow } from './algorithm-table';

/**
 * KMS KeySpec → algorithm row. Always classify from `KeySpec`, never the deprecated `CustomerMasterKeySpec`, which
 * lacks ML_DSA_* and ECC_NIST_EDWARDS25519 (https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html).
 * Each row's source is in algorithm-table.ts; the spec → row mapping is
 * https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html.
 */
const KMS_KEY_SPEC_ROWS: Readonly<Record<string, AlgorithmRow>> = {
  SYMMETRIC_DEFAULT: aesRow(256, 'GCM'), // AES-256-GCM outside China Regions
  HMAC_224: hmacRow(224),
  HMAC_256: hmacRow(256),
  HMAC_384: hmacRow(384),
  HMAC_512: hmacRow(512),
  RSA_2048: rsaRow(2048),
  RSA_3072: rsaRow(3072),
  RSA_4096: rsaRow(4096),
  ECC_NIST_P256: CURVE_ROWS['P-256']!,
  ECC_NIST_P384: CURVE_ROWS['P-384']!,
  ECC_NIST_P521: CURVE_ROWS['P-521']!,
  ECC_SECG_P256K1: CURVE_ROWS.secp256k1!,
  ECC_NIST_EDWARDS25519: CURVE_ROWS.Ed25519!,
  SM2: CURVE_ROWS.SM2!,
  ML_DSA_44: ML_DSA_ROWS['44'],
  ML_DSA_65: ML_DSA_ROWS['65'],
  ML_DSA_87: ML_DSA_ROWS['87'],
};

/** China partition Regions, where SYMMETRIC_DEFAULT is SM4 rather than AES-256-GCM. */
const SM4_REGIONS = new Set(['cn-north-1', 'cn-northwest-1']);

export const KNOWN_KMS_KEY_SPECS: readonly string[] = Object.keys(KMS_KEY_SPEC_ROWS);

export function classifyKmsKeySpec(keySpec: string, keyUsage?: string, region?: string): CryptoProperties {
  const base =
    keySpec === 'SYMMETRIC_DEFAULT' && region !== undefined && SM4_REGIONS.has(region)
      ? SM4_ROW
      : (KMS_KEY_SPEC_ROWS[keySpec] ?? unknownRow(keySpec));
  return keyUsage ? { ...base, keyUsage: [keyUsage] } : { ...base };
}
