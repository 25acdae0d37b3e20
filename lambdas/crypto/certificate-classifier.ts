import type { CryptoProperties } from '../inventory/asset';
import { CURVE_ROWS, rsaRow, unknownRow, type AlgorithmRow } from './algorithm-table';
import type { ParsedCertificate } from './certificate-parser';

/** OpenSSL curve names (what Node reports) → the table's canonical names (RFC 5480 §2.1.1.1 aliases). */
const CURVE_ALIASES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp256r1: 'P-256',
  'P-256': 'P-256',
  secp384r1: 'P-384',
  'P-384': 'P-384',
  secp521r1: 'P-521',
  'P-521': 'P-521',
  secp256k1: 'secp256k1',
  Ed25519: 'Ed25519',
  Ed448: 'Ed448',
  SM2: 'SM2',
};

export function classifyPublicKey(algorithm: string, size?: number, curve?: string): AlgorithmRow {
  if (algorithm === 'RSA' && size) return rsaRow(size);
  const canonical = curve ? CURVE_ALIASES[curve] : undefined;
  if (canonical && CURVE_ROWS[canonical]) return CURVE_ROWS[canonical]!;
  if (algorithm === 'EC') {
    // An EC curve we have no row for: still Shor-breakable (NIST IR 8547), strength unknown.
    return { family: 'EC', algorithm: `EC ${curve ?? 'unknown curve'}`, ...(curve ? { curve } : {}), quantumVulnerable: true };
  }
  if (algorithm === 'RSA') return { family: 'RSA', algorithm: 'RSA', quantumVulnerable: true };
  return unknownRow(algorithm);
}

/** Crypto record of a certificate: its subject public key, plus how the issuer signed it. */
export function classifyCertificate(parsed: ParsedCertificate, keyUsage?: readonly string[]): CryptoProperties {
  const row = classifyPublicKey(parsed.publicKeyAlgorithm, parsed.publicKeySize, parsed.publicKeyCurve);
  return {
    ...row,
    signatureAlgorithm: parsed.signatureAlgorithm,
    ...(keyUsage && keyUsage.length > 0 ? { keyUsage } : {}),
  };
}
