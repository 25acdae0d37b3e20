import { ACMClient, DescribeCertificateCommand, GetCertificateCommand, ListCertificatesCommand, ListTagsForCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, ListTagsForResourceCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { EXIT, runScan, SCAN_USAGE, type ScanDependencies } from '../../cli/scan-cli';
import { UNPACED } from '../../lambdas/discovery/request-pacer';
import { CredentialsError } from '../../lambdas/discovery/verify-credentials';
import type { CustomerClientOptions } from '../../lambdas/discovery/region-clients';
import { generateCertificate } from '../support/certificates';
import { sarifSchemaErrors } from '../support/official-schemas';

const ACCOUNT = '111122223333';
const NOW = new Date('2025-01-10T00:00:00Z');
const kms = mockClient(KMSClient);
const acm = mockClient(ACMClient);
const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);

/** Region of the client a mocked call was sent through. */
async function regionOf(client: { config: { region: () => Promise<string> } }) {
  return client.config.region();
}

let pem: string;
beforeAll(async () => {
  pem = (await generateCertificate({ key: { kind: 'RSA', bits: 2048 }, notAfter: new Date('2025-01-25T00:00:00Z'), notBefore: new Date('2024-01-01T00:00:00Z') })).pem;
});

const keyArn = (region: string, id: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;

/** A Region the account never enabled answers every JSON-protocol call with UnrecognizedClientException. */
async function regionChecked(getClient: () => unknown): Promise<string> {
  const region = await regionOf(getClient() as { config: { region: () => Promise<string> } });
  if (region === 'af-south-1') throw Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException' });
  return region;
}

beforeEach(() => {
  for (const m of [kms, acm, sm, ssm]) m.reset();
  // Each mocked call looks at the Region of the client it was sent through.
  kms.on(ListAliasesCommand).callsFake(async (_input, getClient) => {
    await regionChecked(getClient);
    return { Aliases: [{ AliasName: 'alias/aws/secretsmanager', TargetKeyId: 'managed-0000' }, { AliasName: 'alias/app', TargetKeyId: 'cmk-1111' }], Truncated: false };
  });
  kms.on(ListKeysCommand).callsFake(async (_i, getClient) => {
    const region = await regionOf(getClient());
    return { Keys: ['managed-0000', 'cmk-1111'].map((id) => ({ KeyId: id, KeyArn: keyArn(region, id) })), Truncated: false };
  });
  kms.on(DescribeKeyCommand).callsFake(async (input: { KeyId: string }) => {
    const id = input.KeyId.split('/').pop()!;
    return { KeyMetadata: { KeyId: id, Arn: input.KeyId, KeySpec: id === 'cmk-1111' ? 'RSA_2048' : 'SYMMETRIC_DEFAULT', KeyUsage: id === 'cmk-1111' ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT', Origin: 'AWS_KMS', KeyManager: id === 'cmk-1111' ? 'CUSTOMER' : 'AWS', KeyState: 'Enabled' } };
  });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Statement: [] }) });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
  acm.on(ListCertificatesCommand).callsFake(async (_i, getClient) => {
    const region = await regionChecked(getClient);
    if (region === 'eu-west-1') throw Object.assign(new Error('User is not authorized to perform acm:ListCertificates'), { name: 'AccessDeniedException' });
    return { CertificateSummaryList: [{ CertificateArn: `arn:aws:acm:${region}:${ACCOUNT}:certificate/c1`, Status: 'ISSUED', DomainName: 'shop.example.com' }] };
  });
  acm.on(DescribeCertificateCommand).callsFake((input: { CertificateArn: string }) => ({ Certificate: { CertificateArn: input.CertificateArn, Status: 'ISSUED', Type: 'IMPORTED', DomainName: 'shop.example.com' } }));
  acm.on(GetCertificateCommand).callsFake(() => ({ Certificate: pem }));
  acm.on(ListTagsForCertificateCommand).resolves({ Tags: [] });
  sm.on(ListSecretsCommand).callsFake(async (_i, getClient) => {
    const region = await regionChecked(getClient);
    return { SecretList: [{ ARN: `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:db-x`, Name: 'db', RotationEnabled: false }] };
  });
  ssm.on(DescribeParametersCommand).callsFake(async (_i, getClient) => {
    await regionChecked(getClient);
    return { Parameters: [{ Name: '/p', Type: 'SecureString', KeyId: 'alias/app' }] };
  });
  ssm.on(ListTagsForResourceCommand).resolves({ TagList: [] });
});

function harness(overrides: Partial<ScanDependencies> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files: Record<string, string> = {};
  const clientOptions: CustomerClientOptions[] = [];
  const deps: ScanDependencies = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    verify: async () => ({ accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AQtiveGuardReadOnlyAccessRole/AQtiveGuardInventory` }),
    clientsFor: (o) => {
      clientOptions.push(o);
      return { kms: new KMSClient({ region: o.region }), acm: new ACMClient({ region: o.region }), secretsManager: new SecretsManagerClient({ region: o.region }), ssm: new SSMClient({ region: o.region }) };
    },
    pacer: UNPACED,
    writeFile: async (path, text) => {
      files[path] = text;
    },
    isDirectory: async (path) => path === '.' || path === 'reports',
    now: () => NOW,
    ...overrides,
  };
  return { deps, stdout: () => out.join(''), stderr: () => err.join(''), files, clientOptions };
}

describe('scan end to end (mocked AWS)', () => {
  test('all good: summary table, exit 0, not-enabled opt-in Region is not a failure', async () => {
    const h = harness();
    const code = await runScan(['--regions', 'us-east-1,af-south-1'], h.deps);
    expect(code).toBe(EXIT.OK);
    const table = h.stdout();
    expect(table).toMatch(/key\s+2/);
    expect(table).toMatch(/certificate\s+1/);
    expect(table).toMatch(/secret\s+1/);
    expect(table).toMatch(/parameter\s+1/);
    expect(table).toMatch(/total\s+5/);
    expect(table).toMatch(/RSA-2048\s+2/); // the RSA key and the certificate
    expect(table).toMatch(/quantum-vulnerable\s+2/);
    expect(table).toMatch(/expiring within 30 days\s+1/);
    expect(table).toMatch(/rotation disabled\s+1/); // the secret (the RSA key cannot rotate; the AWS key always does)
    expect(table).toContain('Regions not enabled: af-south-1');
    // progress per Region and service on stderr
    expect(h.stderr()).toMatch(/us-east-1\s+kms\s+COMPLETE\s+2 assets/);
    expect(h.stderr()).toMatch(/us-east-1\s+acm\s+COMPLETE\s+1 asset\n/);
    expect(h.stderr()).toContain(`scan: account ${ACCOUNT} as arn:aws:sts::${ACCOUNT}:assumed-role/AQtiveGuardReadOnlyAccessRole/AQtiveGuardInventory; 2 Regions\n`);
    expect(h.stderr()).toMatch(/af-south-1\s+kms\s+NOT_ENABLED/);
  });

  test('--format json --out FILE: full inventory, key references resolved through the Region alias list', async () => {
    const h = harness();
    const code = await runScan(['--regions', 'us-east-1', '--format', 'json', '--out', 'inv.json', '--role-arn', `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole`, '--external-id', 'ext-123'], h.deps);
    expect(code).toBe(EXIT.OK);
    expect(h.stdout()).toBe('');
    const inventory = JSON.parse(h.files['inv.json']!);
    expect(inventory).toMatchObject({ accountId: ACCOUNT, regions: ['us-east-1'] });
    expect(inventory.crawls).toHaveLength(4);
    const secret = inventory.assets.find((a: { type: string }) => a.type === 'secret');
    expect(secret.relations.kmsKeyArn).toBe(keyArn('us-east-1', 'managed-0000')); // implicit aws/secretsmanager
    const param = inventory.assets.find((a: { type: string }) => a.type === 'parameter');
    expect(param.relations.kmsKeyArn).toBe(keyArn('us-east-1', 'cmk-1111')); // alias/app
    expect(h.clientOptions[0]).toMatchObject({ region: 'us-east-1', roleArn: `arn:aws:iam::${ACCOUNT}:role/AQtiveGuardReadOnlyAccessRole`, externalId: 'ext-123' });
  });

  test('access denied in one Region: everything else is reported, exit 4 names the Region and service', async () => {
    const h = harness();
    const code = await runScan(['--regions', 'us-east-1,eu-west-1'], h.deps);
    expect(code).toBe(EXIT.PARTIAL);
    expect(h.stdout()).toMatch(/total\s+9/);
    expect(h.stderr()).toMatch(/eu-west-1\s+acm\s+ACCESS_DENIED\s+0 assets AccessDeniedException: User is not authorized/);
    // the error is told once (as the crawl finished); the closing line only names the crawl
    expect(h.stderr().split('AccessDeniedException')).toHaveLength(2);
    expect(h.stderr()).toContain('scan: finished with 1 failed crawl: eu-west-1/acm ACCESS_DENIED\n');
  });

  test.each([
    [['--regions', 'mars-1'], '--regions'],
    [['--format', 'yaml'], '--format'],
    [['--fail-on', 'urgent'], '--fail-on'],
    [['--role-arn', 'not-an-arn', '--external-id', 'x1'], '--role-arn'],
    [['--role-arn', `arn:aws:iam::${ACCOUNT}:role/R`], '--external-id'],
    [['--unknown'], '--unknown'],
  ])('bad arguments %j → exit 2 naming %s', async (argv, named) => {
    const h = harness();
    expect(await runScan(argv, h.deps)).toBe(EXIT.BAD_ARGUMENTS);
    const [firstLine] = h.stderr().split('\n');
    expect(firstLine).toMatch(/^scan: /);
    expect(firstLine).toContain(named);
    expect(firstLine).not.toContain(`${named}: ${named}`);
    expect(h.stderr()).toContain('Usage: npm run scan');
  });

  test('findings: top findings in the table, --format findings and sarif, --fail-on exits 5 (documented)', async () => {
    const table = harness();
    expect(await runScan(['--regions', 'us-east-1'], table.deps)).toBe(EXIT.OK);
    expect(table.stdout()).toMatch(/Findings: \d+ \(critical \d+, high \d+, medium \d+, low \d+\)/);
    expect(table.stdout()).toMatch(/secret-rotation-disabled/);

    const json = harness();
    expect(await runScan(['--regions', 'us-east-1', '--format', 'findings', '--out', 'findings.json'], json.deps)).toBe(EXIT.OK);
    const { findings } = JSON.parse(json.files['findings.json']!) as { findings: Array<{ ruleId: string; severity: string; status: string }> };
    expect(findings.map((f) => f.ruleId)).toContain('secret-rotation-disabled');
    expect(findings.every((f) => f.status === 'open')).toBe(true);

    const sarif = harness();
    expect(await runScan(['--regions', 'us-east-1', '--format', 'sarif'], sarif.deps)).toBe(EXIT.OK);
    const log = JSON.parse(sarif.stdout()) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarifSchemaErrors(log)).toBeNull(); // the official SARIF 2.1.0 schema (test/fixtures/schemas)
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r) => r.ruleId).sort()).toEqual(findings.map((f) => f.ruleId).sort());

    const worst = ['critical', 'high', 'medium', 'low'].find((s) => findings.some((f) => f.severity === s))!;
    const gate = harness();
    expect(await runScan(['--regions', 'us-east-1', '--fail-on', worst], gate.deps)).toBe(EXIT.FINDINGS);
    expect(gate.stderr()).toMatch(new RegExp(`scan: \\d+ findings? at or above ${worst} \\(--fail-on\\)`));
    expect(SCAN_USAGE).toContain('5 findings at or above --fail-on');
    if (worst !== 'critical') expect(await runScan(['--regions', 'us-east-1', '--fail-on', 'critical'], harness().deps)).toBe(EXIT.OK);
  });

  test('--out into a directory that does not exist → exit 2 naming --out, before credentials or any crawl', async () => {
    const verify = jest.fn(harness().deps.verify);
    const h = harness({ verify });
    expect(await runScan(['--regions', 'us-east-1', '--out', 'missing/inv.json'], h.deps)).toBe(EXIT.BAD_ARGUMENTS);
    expect(h.stderr()).toBe('scan: --out missing/inv.json: directory missing does not exist\n');
    expect(verify).not.toHaveBeenCalled();
    expect(kms.calls()).toHaveLength(0);
    // an existing directory is fine
    expect(await runScan(['--regions', 'us-east-1', '--format', 'json', '--out', 'reports/inv.json'], harness().deps)).toBe(EXIT.OK);
  });

  test('credentials AWS does not accept → exit 3 with the reason, nothing crawled', async () => {
    const h = harness({
      verify: async () => {
        throw new CredentialsError('INVALID_CREDENTIALS', 'base-credentials', 'InvalidClientTokenId', 'AWS does not accept these credentials (InvalidClientTokenId): The security token included in the request is invalid.');
      },
    });
    expect(await runScan(['--regions', 'us-east-1'], h.deps)).toBe(EXIT.CREDENTIALS);
    expect(h.stderr()).toContain('AWS credentials are not usable [INVALID_CREDENTIALS]');
    expect(kms.calls()).toHaveLength(0);
  });

  test.each([['--help'], ['-h']])('%s → usage on stdout, exit 0, nothing crawled', async (flag) => {
    const h = harness();
    expect(await runScan([flag], h.deps)).toBe(EXIT.OK);
    expect(h.stdout()).toBe(`${SCAN_USAGE}\n`);
    expect(h.stderr()).toBe('');
    expect(kms.calls()).toHaveLength(0);
  });
});
