import { X509Certificate, createHash } from 'node:crypto';
import {
  DescribeCertificateCommand,
  GetCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import type { CertificateSummary, KeyAlgorithm, ListCertificatesCommandInput } from '@aws-sdk/client-acm';
import { startSandbox } from '../../../sandbox/sandbox';
import type { Sandbox } from '../../../sandbox/sandbox';
import type { CertificateRecord } from '../../../sandbox/estate/estate';
import { errorName, sandboxClients } from './sandbox-clients';

const REGION = 'us-east-1';
const ALL_KEY_TYPES: KeyAlgorithm[] = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'];
let sandbox: Sandbox;
let certs: CertificateRecord[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, clock: () => new Date('2026-03-01T12:00:00Z') });
  certs = sandbox.estate.regions[REGION].acm.certificates;
});
afterAll(() => sandbox.stop());

function cert(predicate: (c: CertificateRecord) => boolean): CertificateRecord {
  const found = certs.find(predicate);
  if (!found) throw new Error('estate lacks the certificate this test needs');
  return found;
}

async function listAll(input: ListCertificatesCommandInput, pageSize?: number): Promise<CertificateSummary[]> {
  const { acm } = sandboxClients(sandbox, REGION);
  const out: CertificateSummary[] = [];
  for await (const page of paginateListCertificates({ client: acm, ...(pageSize ? { pageSize } : {}) }, input)) out.push(...(page.CertificateSummaryList ?? []));
  return out;
}

test('ListCertificates by default lists only RSA_1024/RSA_2048 certificates and no ACME-origin ones', async () => {
  const listed = await listAll({});
  const expected = certs.filter((c) => ['RSA_1024', 'RSA_2048'].includes(c.keyAlgorithm) && c.keyPairOrigin !== 'ACME');
  expect(listed.map((c) => c.CertificateArn)).toEqual(expected.map((c) => c.arn));
  expect(certs.length).toBeGreaterThan(expected.length); // the estate does hold certificates the default hides
});

test('asking for every key type and key-pair origin lists every certificate, page by page', async () => {
  const listed = await listAll({ Includes: { keyTypes: ALL_KEY_TYPES }, CertificateKeyPairOrigins: ['AWS_MANAGED', 'CUSTOMER_PROVIDED', 'ACME'] }, 3);
  expect(listed.map((c) => c.CertificateArn)).toEqual(certs.map((c) => c.arn));
  const ec = listed.find((c) => c.KeyAlgorithm === 'EC_prime256v1');
  expect(ec?.KeyAlgorithm).toBe('EC_prime256v1'); // underscores in the list
});

test('DescribeCertificate spells KeyAlgorithm with a hyphen and carries InUseBy, serial and signature algorithm', async () => {
  const { acm } = sandboxClients(sandbox, REGION);
  const amazon = cert((c) => c.type === 'AMAZON_ISSUED' && c.status === 'ISSUED' && c.keyPairOrigin === 'AWS_MANAGED');
  const { Certificate: d } = await acm.send(new DescribeCertificateCommand({ CertificateArn: amazon.arn }));
  expect(d).toMatchObject({ KeyAlgorithm: 'RSA-2048', Type: 'AMAZON_ISSUED', Issuer: 'Amazon', InUseBy: amazon.inUseBy, SignatureAlgorithm: 'SHA256WITHRSA', Status: 'ISSUED' });
  expect(d?.InUseBy?.length).toBe(2);
  const ec = cert((c) => c.keyAlgorithm === 'EC_prime256v1');
  expect((await acm.send(new DescribeCertificateCommand({ CertificateArn: ec.arn }))).Certificate?.KeyAlgorithm).toBe('EC-prime256v1');
  const sha1 = cert((c) => c.domainName === 'old.example.com');
  expect((await acm.send(new DescribeCertificateCommand({ CertificateArn: sha1.arn }))).Certificate?.SignatureAlgorithm).toBe('SHA1WITHRSA');
});

test('GetCertificate returns real PEMs matching the ground truth, and RequestInProgressException while pending validation', async () => {
  const { acm } = sandboxClients(sandbox, REGION);
  const chained = cert((c) => c.domainName === 'www.example.com');
  const got = await acm.send(new GetCertificateCommand({ CertificateArn: chained.arn }));
  const x = new X509Certificate(got.Certificate ?? '');
  expect(x.subject).toBe('CN=www.example.com');
  expect(x.serialNumber.toLowerCase()).toBe((chained.serial ?? '').replace(/:/g, ''));
  expect(x.subjectAltName).toBe('DNS:www.example.com, DNS:example.com');
  expect(new Date(x.validTo).toISOString()).toBe(chained.notAfter);
  const chain = (got.CertificateChain ?? '').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  expect(chain).toHaveLength(2);
  expect(x.verify(new X509Certificate(chain[0] ?? '').publicKey)).toBe(true);
  expect(createHash('sha256').update(x.raw).digest('hex')).toHaveLength(64);

  const weak = new X509Certificate((await acm.send(new GetCertificateCommand({ CertificateArn: cert((c) => c.keyAlgorithm === 'RSA_1024').arn }))).Certificate ?? '');
  expect(weak.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
  const p384 = new X509Certificate((await acm.send(new GetCertificateCommand({ CertificateArn: cert((c) => c.keyAlgorithm === 'EC_secp384r1').arn }))).Certificate ?? '');
  expect(p384.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');

  const pending = cert((c) => c.status === 'PENDING_VALIDATION');
  expect(await errorName(acm.send(new GetCertificateCommand({ CertificateArn: pending.arn })))).toBe('RequestInProgressException');
});

test('the estate holds expired and soon-expiring certificates, as their bodies say', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const expired = cert((c) => c.status === 'EXPIRED');
  expect(Date.parse(new X509Certificate(expired.certificatePem ?? '').validTo)).toBeLessThan(now);
  const soon = cert((c) => c.domainName === 'soon.example.com');
  const left = Date.parse(new X509Certificate(soon.certificatePem ?? '').validTo) - now;
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(30 * 86_400_000);
});

test('ListTagsForCertificate returns user and aws: tags; unknown ARNs answer ResourceNotFoundException', async () => {
  const { acm } = sandboxClients(sandbox, REGION);
  const www = cert((c) => c.domainName === 'www.example.com');
  expect((await acm.send(new ListTagsForCertificateCommand({ CertificateArn: www.arn }))).Tags).toEqual([
    { Key: 'env', Value: 'prod' },
    { Key: 'aws:cloudformation:stack-name', Value: 'web' },
  ]);
  const missing = `arn:aws:acm:${REGION}:${sandbox.accountId}:certificate/00000000-0000-4000-8000-000000000000`;
  expect(await errorName(acm.send(new DescribeCertificateCommand({ CertificateArn: missing })))).toBe('ResourceNotFoundException');
  expect(await errorName(acm.send(new ListCertificatesCommand({ MaxItems: 1001 })))).toBe('ValidationException');
});
