import type { CryptoProperties } from '../inventory/asset';
import { CURVE_ROWS, rsaRow, unknownRow, type AlgorithmRow } from './algorithm-table';

/**
 * Every ACM `KeyAlgorithm`, spelled as the API model enum (and `ListCertificates` `Includes.keyTypes`) spells it.
 * https://docs.aws.amazon.com/acm/latest/APIReference/API_Filters.html
 */
export const ACM_KEY_ALGORITHMS = [
  'RSA_1024',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'EC_prime256v1',
  'EC_secp384r1',
  'EC_secp521r1',
] as const;
export type AcmKeyAlgorithm = (typeof ACM_KEY_ALGORITHMS)[number];

const ACM_KEY_ALGORITHM_ROWS: Readonly<Record<AcmKeyAlgorithm, AlgorithmRow>> = {
  RSA_1024: rsaRow(1024),
  RSA_2048: rsaRow(2048),
  RSA_3072: rsaRow(3072),
  RSA_4096: rsaRow(4096),
  EC_prime256v1: CURVE_ROWS['P-256']!, // prime256v1 = NIST P-256 (RFC 5480 §2.1.1.1)
  EC_secp384r1: CURVE_ROWS['P-384']!,
  EC_secp521r1: CURVE_ROWS['P-521']!,
};

/**
 * DescribeCertificate answers `RSA-2048` (hyphen) while the model enum uses `RSA_2048`
 * (https://docs.aws.amazon.com/acm/latest/userguide/gs-acm-describe.html): normalize to the enum spelling.
 * Returns undefined for a value outside the enum.
 */
export function normalizeAcmKeyAlgorithm(value: string): AcmKeyAlgorithm | undefined {
  const normalized = value.trim().replace(/-/g, '_');
  return ACM_KEY_ALGORITHMS.find((a) => a.toLowerCase() === normalized.toLowerCase());
}

export function classifyAcmKeyAlgorithm(value: string): CryptoProperties {
  const normalized = normalizeAcmKeyAlgorithm(value);
  return { ...(normalized ? ACM_KEY_ALGORITHM_ROWS[normalized] : unknownRow(value)) };
}
