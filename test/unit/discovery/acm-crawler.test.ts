import {
  ACMClient,
  DescribeCertificateCommand,
  GetCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
  type KeyAlgorithm,
} from '@aws-sdk/client-acm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { generateChain } from '../../support/certificates';
import { ACCOUNT, awsError, crawl } from './fixtures';

const acm = mockClient(ACMClient);
const arn = (id: string) => `arn:aws:acm:eu-west-1:${ACCOUNT}:certificate/${id}`;

const LEAF_NOT_AFTER = new Date('2031-06-30T12:00:00Z');
let leafPem: string;
let chainPem: string;
beforeAll(async () => {
  const chain = await generateChain({ subject: 'CN=shop.example.com', dnsNames: ['shop.example.com', '*.shop.example.com'], key: { kind: 'EC', curve: 'P-384' }, serialNumber: '0c0ffee0', notAfter: LEAF_NOT_AFTER });
  leafPem = chain.leaf.pem;
  chainPem = chain.chainPem;
});

beforeEach(() => {
  acm.reset();
  acm
    .on(ListCertificatesCommand)
    .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: arn('issued'), DomainName: 'shop.example.com', Status: 'ISSUED', KeyAlgorithm: 'EC_secp384r1' }], NextToken: 'page-2' })
    .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: arn('pending'), DomainName: 'new.example.com', Status: 'PENDING_VALIDATION', KeyAlgorithm: 'RSA_2048' }] });
  acm.on(DescribeCertificateCommand, { CertificateArn: arn('issued') }).resolves({
    Certificate: {
      CertificateArn: arn('issued'),
      DomainName: 'shop.example.com',
      Status: 'ISSUED',
      Type: 'AMAZON_ISSUED',
      // DescribeCertificate really answers with a hyphen, outside the SDK's enum type
      KeyAlgorithm: 'EC-secp384r1' as KeyAlgorithm,
      SignatureAlgorithm: 'SHA256WITHECDSA',
      InUseBy: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/abc', 'arn:aws:cloudfront::111122223333:distribution/E1'],
      RenewalEligibility: 'ELIGIBLE',
      KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }],
      CertificateKeyPairOrigin: 'AWS_MANAGED',
      CreatedAt: new Date('2024-05-01T00:00:00Z'),
    },
  });
  acm.on(DescribeCertificateCommand, { CertificateArn: arn('pending') }).resolves({
    Certificate: { CertificateArn: arn('pending'), DomainName: 'new.example.com', Status: 'PENDING_VALIDATION', Type: 'AMAZON_ISSUED', KeyAlgorithm: 'RSA-2048' as KeyAlgorithm },
  });
  acm.on(GetCertificateCommand, { CertificateArn: arn('issued') }).callsFake(() => ({ Certificate: leafPem, CertificateChain: chainPem }));
  acm.on(GetCertificateCommand, { CertificateArn: arn('pending') }).rejects(awsError('RequestInProgressException'));
  acm.on(ListTagsForCertificateCommand).resolves({ Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'aws:cloudformation:stack-id', Value: 'x' }] });
});

describe('ACM crawl', () => {
  test('asks for every key type and every key-pair origin (ACM lists only RSA and non-ACME by default)', async () => {
    await crawl('acm');
    const inputs = acm.commandCalls(ListCertificatesCommand).map((c) => c.args[0].input);
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect([...(input.Includes?.keyTypes ?? [])].sort()).toEqual(
        ['EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1', 'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096'].sort(),
      );
      expect([...(input.CertificateKeyPairOrigins ?? [])].sort()).toEqual(['ACME', 'AWS_MANAGED', 'CUSTOMER_PROVIDED']);
      expect(input.MaxItems).toBe(1000);
    }
    expect(inputs[1]!.NextToken).toBe('page-2');
  });

  test('an issued certificate: PEM parsed, chain counted, InUseBy related, user tags only', async () => {
    const { assets } = await crawl('acm');
    const cert = assets.find((a) => a.arn === arn('issued'))!;
    expect(cert).toMatchObject({
      type: 'certificate',
      name: 'shop.example.com',
      tags: { env: 'prod' },
      crypto: { family: 'EC', curve: 'P-384', quantumVulnerable: true, signatureAlgorithm: 'SHA256withECDSA', keyUsage: ['DIGITAL_SIGNATURE'] },
      lifecycle: { state: 'ISSUED', createdAt: '2024-05-01T00:00:00.000Z', rotation: { applicable: true, enabled: true } },
      relations: { inUseBy: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/abc', 'arn:aws:cloudfront::111122223333:distribution/E1'] },
      details: {
        kind: 'certificate',
        certificateType: 'AMAZON_ISSUED',
        subject: 'CN=shop.example.com',
        issuer: 'CN=Test Intermediate CA',
        subjectAlternativeNames: ['DNS:shop.example.com', 'DNS:*.shop.example.com'],
        serialNumber: '0c0ffee0',
        chainLength: 3,
        keyAlgorithm: 'EC_secp384r1',
        renewalEligibility: 'ELIGIBLE',
        keyPairOrigin: 'AWS_MANAGED',
      },
    });
    expect((cert.details as { fingerprintSha256: string }).fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.lifecycle.notAfter).toBe(LEAF_NOT_AFTER.toISOString()); // from the certificate body
    expect(cert.tags).not.toHaveProperty('aws:cloudformation:stack-id');
  });

  test('a certificate pending validation has no body: recorded from DescribeCertificate, GetCertificate not even asked', async () => {
    const { outcome, assets } = await crawl('acm');
    expect(outcome.status).toBe('COMPLETE');
    const pending = assets.find((a) => a.arn === arn('pending'))!;
    expect(pending).toMatchObject({ lifecycle: { state: 'PENDING_VALIDATION' }, crypto: { algorithm: 'RSA-2048', quantumVulnerable: true }, details: { keyAlgorithm: 'RSA_2048' } });
    expect(acm).not.toHaveReceivedCommandWith(GetCertificateCommand, { CertificateArn: arn('pending') });
    expect(outcome.calls).toEqual({ 'acm:ListCertificates': 2, 'acm:DescribeCertificate': 2, 'acm:GetCertificate': 1, 'acm:ListTagsForCertificate': 2 });
  });

  test('GetCertificate answering RequestInProgressException (listed as ISSUED a moment ago) is not a failure', async () => {
    acm.on(GetCertificateCommand, { CertificateArn: arn('issued') }).rejects(awsError('RequestInProgressException'));
    const { outcome, assets } = await crawl('acm');
    expect(outcome.status).toBe('COMPLETE');
    expect(assets.find((a) => a.arn === arn('issued'))!.crypto).toMatchObject({ family: 'EC', curve: 'P-384', signatureAlgorithm: 'SHA256WITHECDSA' });
  });

  test('imported certificates: ACM does not renew them, so renewal is not applicable', async () => {
    acm.on(DescribeCertificateCommand, { CertificateArn: arn('issued') }).resolves({ Certificate: { CertificateArn: arn('issued'), Status: 'ISSUED', Type: 'IMPORTED', RenewalEligibility: 'INELIGIBLE' } });
    const { assets } = await crawl('acm');
    expect(assets.find((a) => a.arn === arn('issued'))!.lifecycle.rotation).toEqual({ applicable: false, enabled: null });
  });
});
