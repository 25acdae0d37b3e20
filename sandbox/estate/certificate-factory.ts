/**
 * Real X.509 certificates for the sandbox estate, made with @peculiar/x509 over Node's WebCrypto.
 * Key generation dominates the cost (RSA-4096 ≈ 1 s), so key pairs are generated once per process and per
 * algorithm and shared by every certificate of that algorithm (each certificate still has its own subject,
 * serial and validity). Generated PEMs are cached per spec, so the same seed yields the same PEMs in a process.
 */
import 'reflect-metadata'; // @peculiar/x509 resolves its algorithms through tsyringe, which needs a Reflect polyfill
import { webcrypto } from 'node:crypto';
import type { webcrypto as wc } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { AcmKeyAlgorithm } from './estate';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type SignatureHash = 'SHA-1' | 'SHA-256' | 'SHA-384';

export interface CertificateSpec {
  readonly keyAlgorithm: Exclude<AcmKeyAlgorithm, 'EC_secp521r1'>;
  readonly commonName: string;
  readonly subjectAlternativeNames: readonly string[];
  readonly notBefore: string;
  readonly notAfter: string;
  /** Hex serial number (no separators). */
  readonly serial: string;
  /** `self` = self-signed with the leaf key and `signatureHash`; `sandbox-ca` = issued by the sandbox CA chain. */
  readonly issuedBy: 'self' | 'sandbox-ca';
  readonly signatureHash: SignatureHash;
}

export interface GeneratedCertificate {
  readonly certificatePem: string;
  /** Intermediate + root PEMs (leaf excluded), only for CA-issued certificates. */
  readonly chainPem?: string;
  /** Colon-separated lowercase hex, as ACM's DescribeCertificate shows it. */
  readonly serial: string;
  readonly subject: string;
  readonly issuer: string;
  /** ACM's spelling, e.g. SHA256WITHRSA. */
  readonly signatureAlgorithm: string;
}

type KeyParams = wc.RsaHashedKeyGenParams | wc.EcKeyGenParams;

function keyParams(alg: CertificateSpec['keyAlgorithm'], hash: SignatureHash): KeyParams {
  const rsa = (bits: number): wc.RsaHashedKeyGenParams => ({
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: bits,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash, // WebCrypto binds the RSA signing hash to the key
  });
  switch (alg) {
    case 'RSA_1024':
      return rsa(1024);
    case 'RSA_2048':
      return rsa(2048);
    case 'RSA_3072':
      return rsa(3072);
    case 'RSA_4096':
      return rsa(4096);
    case 'EC_prime256v1':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'EC_secp384r1':
      return { name: 'ECDSA', namedCurve: 'P-384' };
  }
}

const keyPairs = new Map<string, Promise<wc.CryptoKeyPair>>();

function keyPair(alg: CertificateSpec['keyAlgorithm'], hash: SignatureHash): Promise<wc.CryptoKeyPair> {
  const params = keyParams(alg, hash);
  const cacheKey = params.name === 'ECDSA' ? alg : `${alg}|${hash}`;
  let pair = keyPairs.get(cacheKey);
  if (!pair) {
    pair = webcrypto.subtle.generateKey(params, true, ['sign', 'verify']) as Promise<wc.CryptoKeyPair>;
    keyPairs.set(cacheKey, pair);
  }
  return pair;
}

function signingAlgorithm(keyAlg: CertificateSpec['keyAlgorithm'], hash: SignatureHash): wc.Algorithm {
  return keyAlg.startsWith('EC_') ? ({ name: 'ECDSA', hash } as wc.EcdsaParams) : ({ name: 'RSASSA-PKCS1-v1_5', hash } as wc.Algorithm);
}

function acmSignatureName(keyAlg: string, hash: SignatureHash): string {
  return `${hash.replace('-', '')}WITH${keyAlg.startsWith('EC_') ? 'ECDSA' : 'RSA'}`;
}

interface SandboxCa {
  readonly intermediate: x509.X509Certificate;
  readonly root: x509.X509Certificate;
  readonly intermediateKeys: wc.CryptoKeyPair;
}

let sandboxCa: Promise<SandboxCa> | undefined;

/** A two-level CA (root → intermediate, RSA-2048/SHA-256) that issues the sandbox's chained certificates. */
function getSandboxCa(): Promise<SandboxCa> {
  sandboxCa ??= (async () => {
    const alg = signingAlgorithm('RSA_2048', 'SHA-256');
    const [rootKeys, intermediateKeys] = await Promise.all([
      webcrypto.subtle.generateKey(keyParams('RSA_2048', 'SHA-256'), true, ['sign', 'verify']) as Promise<wc.CryptoKeyPair>,
      webcrypto.subtle.generateKey(keyParams('RSA_2048', 'SHA-256'), true, ['sign', 'verify']) as Promise<wc.CryptoKeyPair>,
    ]);
    const notBefore = new Date('2024-01-01T00:00:00Z');
    const notAfter = new Date('2044-01-01T00:00:00Z');
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=AQG Sandbox Root CA, O=AQG Sandbox, C=US',
      notBefore,
      notAfter,
      keys: rootKeys,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
    });
    const intermediate = await x509.X509CertificateGenerator.create({
      serialNumber: '02',
      subject: 'CN=AQG Sandbox Issuing CA, O=AQG Sandbox, C=US',
      issuer: root.subject,
      notBefore,
      notAfter,
      publicKey: intermediateKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
    });
    return { intermediate, root, intermediateKeys };
  })();
  return sandboxCa;
}

const generated = new Map<string, Promise<GeneratedCertificate>>();

/** Generates (or returns the process-cached) certificate for a spec. */
export function generateCertificate(spec: CertificateSpec): Promise<GeneratedCertificate> {
  const cacheKey = JSON.stringify(spec);
  let cert = generated.get(cacheKey);
  if (!cert) {
    cert = build(spec);
    generated.set(cacheKey, cert);
  }
  return cert;
}

async function build(spec: CertificateSpec): Promise<GeneratedCertificate> {
  const leafKeys = await keyPair(spec.keyAlgorithm, spec.signatureHash);
  const subject = `CN=${spec.commonName}`;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | (spec.keyAlgorithm.startsWith('RSA') ? x509.KeyUsageFlags.keyEncipherment : 0), true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
    new x509.SubjectAlternativeNameExtension(spec.subjectAlternativeNames.map((value) => ({ type: 'dns' as const, value }))),
  ];
  const common = { serialNumber: spec.serial, notBefore: new Date(spec.notBefore), notAfter: new Date(spec.notAfter), extensions };
  if (spec.issuedBy === 'self') {
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      ...common,
      name: subject,
      keys: leafKeys,
      signingAlgorithm: signingAlgorithm(spec.keyAlgorithm, spec.signatureHash),
    });
    return describe(cert, undefined, acmSignatureName(spec.keyAlgorithm, spec.signatureHash));
  }
  const ca = await getSandboxCa();
  const cert = await x509.X509CertificateGenerator.create({
    ...common,
    subject,
    issuer: ca.intermediate.subject,
    publicKey: leafKeys.publicKey,
    signingKey: ca.intermediateKeys.privateKey,
    signingAlgorithm: signingAlgorithm('RSA_2048', 'SHA-256'),
  });
  const chainPem = `${ca.intermediate.toString('pem')}\n${ca.root.toString('pem')}\n`;
  return describe(cert, chainPem, acmSignatureName('RSA_2048', 'SHA-256'));
}

function describe(cert: x509.X509Certificate, chainPem: string | undefined, signatureAlgorithm: string): GeneratedCertificate {
  return {
    certificatePem: `${cert.toString('pem')}\n`,
    chainPem,
    serial: (cert.serialNumber.match(/../g) ?? []).join(':').toLowerCase(),
    subject: cert.subject,
    issuer: cert.issuer,
    signatureAlgorithm,
  };
}
