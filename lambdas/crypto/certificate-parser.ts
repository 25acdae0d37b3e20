// @peculiar/x509 resolves its parsers through tsyringe, which needs a Reflect polyfill loaded first.
import 'reflect-metadata';
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { SubjectAlternativeNameExtension, X509Certificate } from '@peculiar/x509';

/** What a crypto team needs from an X.509 certificate, read from its PEM body (and chain). */
export interface ParsedCertificate {
  readonly subject: string;
  readonly issuer: string;
  /** "DNS:example.com", "IP:10.0.0.1", "email:…", "URI:…" — the RFC 5280 GeneralName types with a text form. */
  readonly subjectAlternativeNames: readonly string[];
  /** Hexadecimal, lower case, as encoded (leading zero bytes kept). */
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | the key type Node reports | 'UNKNOWN'. */
  readonly publicKeyAlgorithm: string;
  /** RSA modulus length in bits. */
  readonly publicKeySize?: number;
  /** EC named curve as OpenSSL names it (prime256v1, secp384r1, secp521r1, secp256k1). */
  readonly publicKeyCurve?: string;
  /** e.g. "SHA256withRSA", "SHA1withRSA", "SHA384withECDSA", "RSASSA-PSS", "Ed25519"; "UNKNOWN" if not recognised. */
  readonly signatureAlgorithm: string;
  /** SHA-256 over the DER encoding, upper-case hex pairs separated by ':' (the `openssl x509 -fingerprint` form). */
  readonly fingerprintSha256: string;
  /** Certificates in leaf + chain (1 = the leaf alone, no chain given). */
  readonly chainLength: number;
  readonly selfSigned: boolean;
}

export class CertificateParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertificateParseError';
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Splits a PEM bundle (ACM `CertificateChain`) into its certificate blocks. */
export function splitPemBundle(pem: string): string[] {
  return pem.match(PEM_BLOCK) ?? [];
}

/**
 * Parses a PEM certificate (ACM GetCertificate `Certificate`) and counts the chain (`CertificateChain`).
 * Uses @peculiar/x509 for names, extensions and the signature algorithm and Node's X509Certificate for the
 * public-key details and the fingerprint (both are real DER parsers; nothing here is pattern matching on text).
 */
export function parseCertificatePem(pem: string, chainPem?: string): ParsedCertificate {
  const blocks = splitPemBundle(pem);
  if (blocks.length === 0) throw new CertificateParseError('no PEM certificate block found');
  let cert: X509Certificate;
  let nodeCert: NodeX509Certificate;
  try {
    cert = new X509Certificate(blocks[0]!);
    nodeCert = new NodeX509Certificate(blocks[0]!);
  } catch (err) {
    throw new CertificateParseError(`certificate is not valid X.509: ${(err as Error).message}`, { cause: err });
  }
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    subjectAlternativeNames: subjectAlternativeNames(cert),
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    ...publicKeyDetails(nodeCert),
    signatureAlgorithm: signatureAlgorithmName(cert),
    fingerprintSha256: nodeCert.fingerprint256,
    chainLength: 1 + (chainPem ? splitPemBundle(chainPem).length : blocks.length - 1),
    selfSigned: nodeCert.checkIssued(nodeCert) && nodeCert.verify(nodeCert.publicKey),
  };
}

function subjectAlternativeNames(cert: X509Certificate): string[] {
  const ext = cert.getExtension(SubjectAlternativeNameExtension);
  if (!ext) return [];
  const prefix: Record<string, string> = { dns: 'DNS', ip: 'IP', email: 'email', url: 'URI', dn: 'DirName', guid: 'GUID', upn: 'UPN', id: 'RID' };
  return ext.names.items.map((n) => `${prefix[n.type] ?? n.type}:${n.value}`);
}

function publicKeyDetails(cert: NodeX509Certificate): Pick<ParsedCertificate, 'publicKeyAlgorithm' | 'publicKeySize' | 'publicKeyCurve'> {
  try {
    const key = cert.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    switch (key.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
        return { publicKeyAlgorithm: 'RSA', ...(details.modulusLength ? { publicKeySize: details.modulusLength } : {}) };
      case 'ec':
        return { publicKeyAlgorithm: 'EC', ...(details.namedCurve ? { publicKeyCurve: details.namedCurve } : {}) };
      case 'ed25519':
        return { publicKeyAlgorithm: 'Ed25519', publicKeyCurve: 'Ed25519' };
      case 'ed448':
        return { publicKeyAlgorithm: 'Ed448', publicKeyCurve: 'Ed448' };
      default:
        return { publicKeyAlgorithm: key.asymmetricKeyType ? key.asymmetricKeyType.toUpperCase() : 'UNKNOWN' };
    }
  } catch {
    // A key type this Node version cannot load (e.g. ML-DSA before OpenSSL 3.5): keep the certificate, mark unknown.
    return { publicKeyAlgorithm: 'UNKNOWN' };
  }
}

/** WebCrypto-style algorithm (what @peculiar/x509 reports) → the Java/OpenSSL-style names ACM also uses. */
function signatureAlgorithmName(cert: X509Certificate): string {
  let alg: { name: string; hash?: { name: string } };
  try {
    alg = cert.signatureAlgorithm as { name: string; hash?: { name: string } };
  } catch {
    return 'UNKNOWN';
  }
  const hash = alg.hash?.name.replace('-', '');
  switch (alg.name) {
    case 'RSASSA-PKCS1-v1_5':
      return hash ? `${hash}withRSA` : 'RSA';
    case 'ECDSA':
      return hash ? `${hash}withECDSA` : 'ECDSA';
    case 'RSA-PSS':
      return 'RSASSA-PSS';
    default:
      return alg.name;
  }
}
