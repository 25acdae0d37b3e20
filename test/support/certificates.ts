// Real X.509 certificates for tests: generated with @peculiar/x509 over Node's WebCrypto, never hand-written PEM.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
type EcKeyGenParams = webcrypto.EcKeyGenParams;

export type KeySpec = { kind: 'RSA'; bits: 1024 | 2048 | 3072 | 4096 } | { kind: 'EC'; curve: 'P-256' | 'P-384' | 'P-521' };

export interface TestCertificateOptions {
  readonly key?: KeySpec;
  /** Hash of the signature algorithm. @default SHA-256 */
  readonly hash?: 'SHA-1' | 'SHA-256' | 'SHA-384';
  readonly subject?: string;
  readonly dnsNames?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Hex serial. @default '0a1b2c3d' */
  readonly serialNumber?: string;
  /** Sign with this issuer (else self-signed). */
  readonly issuer?: GeneratedCertificate;
}

export interface GeneratedCertificate {
  readonly pem: string;
  readonly cert: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly signingAlgorithm: RsaHashedKeyGenParams | EcKeyGenParams;
}

function algorithmFor(key: KeySpec, hash: string): RsaHashedKeyGenParams | (EcKeyGenParams & { hash: string }) {
  return key.kind === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: key.bits, publicExponent: new Uint8Array([1, 0, 1]), hash }
    : { name: 'ECDSA', namedCurve: key.curve, hash };
}

export async function generateCertificate(options: TestCertificateOptions = {}): Promise<GeneratedCertificate> {
  const key = options.key ?? { kind: 'RSA', bits: 2048 };
  const hash = options.hash ?? 'SHA-256';
  const algorithm = algorithmFor(key, hash);
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const extensions: x509.Extension[] = [];
  if (options.dnsNames?.length) extensions.push(new x509.SubjectAlternativeNameExtension(options.dnsNames.map((d) => ({ type: 'dns' as const, value: d }))));
  if (!options.issuer) extensions.push(new x509.BasicConstraintsExtension(true, undefined, true));
  const common = {
    serialNumber: options.serialNumber ?? '0a1b2c3d',
    subject: options.subject ?? 'CN=test.example.com',
    notBefore,
    notAfter,
    extensions,
  };
  // The issuer's key signs, with the hash asked for: signingAlgorithm needs the issuer's key type.
  const issuerAlgorithm = options.issuer ? algorithmFor(issuerKeySpec(options.issuer), hash) : algorithm;
  const cert = options.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        issuer: options.issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: options.issuer.keys.privateKey,
        signingAlgorithm: issuerAlgorithm,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: common.subject, keys, signingAlgorithm: algorithm });
  return { pem: cert.toString('pem'), cert, keys, signingAlgorithm: algorithm };
}

function issuerKeySpec(issuer: GeneratedCertificate): KeySpec {
  const alg = issuer.signingAlgorithm as Partial<RsaHashedKeyGenParams & EcKeyGenParams>;
  return alg.name === 'ECDSA' ? { kind: 'EC', curve: alg.namedCurve as 'P-256' } : { kind: 'RSA', bits: alg.modulusLength as 2048 };
}

/** A root CA, an intermediate and a leaf signed by it: returns the leaf PEM and the chain PEM (intermediate + root). */
export async function generateChain(leafOptions: TestCertificateOptions = {}): Promise<{ leaf: GeneratedCertificate; chainPem: string }> {
  const root = await generateCertificate({ subject: 'CN=Test Root CA', key: { kind: 'EC', curve: 'P-384' }, hash: 'SHA-384' });
  const intermediate = await generateCertificate({ subject: 'CN=Test Intermediate CA', key: { kind: 'EC', curve: 'P-256' }, issuer: root, hash: 'SHA-384', serialNumber: '02' });
  const leaf = await generateCertificate({ ...leafOptions, issuer: intermediate });
  return { leaf, chainPem: `${intermediate.pem}\n${root.pem}\n` };
}
