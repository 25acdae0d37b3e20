import { ACMClient, DescribeCertificateCommand, GetCertificateCommand, ListCertificatesCommand, ListTagsForCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, ListTagsForResourceCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import type { CbomDocument } from '../../../lambdas/cbom/cbom-types';
import { UNPACED } from '../../../lambdas/discovery/request-pacer';
import { EXIT, runScan, SCAN_USAGE, type ScanDependencies } from '../../../cli/scan-cli';
import { generateCertificate } from '../../support/certificates';
import { cbomSchemaErrors } from '../../support/official-schemas';

// `scan --format cbom` end to end over mocked AWS APIs (the style of test/integration/scan.test.ts).
const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const kms = mockClient(KMSClient);
const acm = mockClient(ACMClient);
const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
const keyArn = (id: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
const certArn = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/c1`;

let pem: string;
beforeAll(async () => {
  pem = (await generateCertificate({ key: { kind: 'EC', curve: 'P-256' }, subject: 'CN=shop.example.com', notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2026-01-01T00:00:00Z') })).pem;
});

beforeEach(() => {
  for (const m of [kms, acm, sm, ssm]) m.reset();
  kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/app', TargetKeyId: 'cmk-1111' }], Truncated: false });
  kms.on(ListKeysCommand).resolves({ Keys: ['cmk-1111', 'sig-2222'].map((id) => ({ KeyId: id, KeyArn: keyArn(id) })), Truncated: false });
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }) => {
    const id = input.KeyId.split('/').pop()!;
    const sign = id === 'sig-2222';
    return { KeyMetadata: { KeyId: id, Arn: keyArn(id), KeySpec: sign ? 'ML_DSA_87' : 'SYMMETRIC_DEFAULT', KeyUsage: sign ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', KeyState: 'Enabled', CreationDate: new Date('2024-02-01T00:00:00Z') } };
  });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Statement: [] }) });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [{ CertificateArn: certArn, Status: 'ISSUED', DomainName: 'shop.example.com' }] });
  acm.on(DescribeCertificateCommand).resolves({ Certificate: { CertificateArn: certArn, Status: 'ISSUED', Type: 'IMPORTED', DomainName: 'shop.example.com', InUseBy: [`arn:aws:cloudfront::${ACCOUNT}:distribution/E1`] } });
  acm.on(GetCertificateCommand).resolves({ Certificate: pem });
  acm.on(ListTagsForCertificateCommand).resolves({ Tags: [] });
  sm.on(ListSecretsCommand).resolves({ SecretList: [{ ARN: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-x`, Name: 'db', KmsKeyId: 'alias/app', RotationEnabled: false }] });
  ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ Name: '/p', Type: 'SecureString', KeyId: 'alias/app' }] });
  ssm.on(ListTagsForResourceCommand).resolves({ TagList: [] });
});

function harness() {
  const out: string[] = [];
  const err: string[] = [];
  const files: Record<string, string> = {};
  const deps: ScanDependencies = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    verify: async () => ({ accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/S` }),
    clientsFor: (o) => ({ kms: new KMSClient({ region: o.region }), acm: new ACMClient({ region: o.region }), secretsManager: new SecretsManagerClient({ region: o.region }), ssm: new SSMClient({ region: o.region }) }),
    pacer: UNPACED,
    writeFile: async (path, text) => {
      files[path] = text;
    },
    isDirectory: async (path) => path === '.',
    now: () => new Date('2025-01-10T00:00:00Z'),
  };
  return { deps, stdout: () => out.join(''), files };
}

describe('scan --format cbom', () => {
  it('writes a valid CycloneDX 1.6 CBOM of the scanned inventory', async () => {
    const h = harness();
    expect(await runScan(['--regions', REGION, '--format', 'cbom', '--out', 'cbom.json'], h.deps)).toBe(EXIT.OK);
    expect(h.stdout()).toBe('');
    const doc = JSON.parse(h.files['cbom.json']!) as CbomDocument;
    expect(await cbomSchemaErrors(doc)).toBeNull();
    expect(doc.metadata).toMatchObject({ component: { name: `AWS account ${ACCOUNT}` }, properties: expect.arrayContaining([{ name: 'aqg:aws:accountId', value: ACCOUNT }]) });
    const types = doc.components.flatMap((c) => c.properties?.filter((p) => p.name === 'aqg:assetType').map((p) => p.value) ?? []);
    expect(types.sort()).toEqual(['certificate', 'key', 'key', 'parameter', 'secret']);
    // the secret's key reference (alias/app) resolved through the alias list, so the dependency is real
    const secretArn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-x`;
    expect(doc.dependencies).toContainEqual({ ref: secretArn, dependsOn: [keyArn('cmk-1111'), 'crypto/algorithm/aes-256-gcm/ae'] });
    const mlDsa = doc.components.find((c) => c.name === 'ML-DSA-87');
    expect(mlDsa?.cryptoProperties).toMatchObject({ assetType: 'algorithm', algorithmProperties: { nistQuantumSecurityLevel: 5 } });
    const cert = doc.components.find((c) => c['bom-ref'] === certArn)!;
    expect(cert.cryptoProperties).toMatchObject({ assetType: 'certificate', certificateProperties: { subjectName: 'CN=shop.example.com', signatureAlgorithmRef: 'crypto/algorithm/sha256withecdsa/signature' } });
    expect(cert.properties).toContainEqual({ name: 'aqg:aws:inUseBy', value: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1` });
  });

  it('to standard output without --out; the help names the format; an unknown format is a bad argument', async () => {
    const h = harness();
    expect(await runScan(['--regions', REGION, '--format', 'cbom'], h.deps)).toBe(EXIT.OK);
    expect(JSON.parse(h.stdout())).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(SCAN_USAGE).toContain('cbom');
    expect(await runScan(['--format', 'spdx'], harness().deps)).toBe(EXIT.BAD_ARGUMENTS);
  });
});
