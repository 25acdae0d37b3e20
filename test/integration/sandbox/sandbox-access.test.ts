import { DescribeCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { DecryptCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, GetParameterCommand, GetParametersByPathCommand } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { COMMERCIAL_REGIONS } from '../../../lambdas/shared/regions';
import { startSandbox } from '../../../sandbox/sandbox';
import type { Sandbox } from '../../../sandbox/sandbox';
import { errorName, sandboxClients } from './sandbox-clients';

const REGION = 'eu-west-1';
let now = new Date('2026-03-01T12:00:00Z');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, clock: () => now, quotas: { 'acm:DescribeCertificate': 2 }, accessDenied: [{ region: 'ap-southeast-2', service: 'ssm' }] });
});
afterAll(() => sandbox.stop());

async function assumeRole(externalId: string, roleArn = sandbox.roleArn) {
  const { sts } = sandboxClients(sandbox, REGION);
  return sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'AQtiveGuardInventory', ExternalId: externalId }));
}

test('AssumeRole with the right ExternalId gives temporary credentials that work everywhere the role may read', async () => {
  const { Credentials, AssumedRoleUser } = await assumeRole(sandbox.externalId);
  expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
  expect(Credentials?.Expiration?.getTime()).toBe(now.getTime() + 3600_000);
  expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${sandbox.accountId}:assumed-role/AQtiveGuardReadOnlyAccessRole/AQtiveGuardInventory`);
  const role = sandboxClients(sandbox, REGION, { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken });
  expect((await role.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(AssumedRoleUser?.Arn);
  expect((await role.kms.send(new ListKeysCommand({}))).Keys?.length).toBe(sandbox.estate.regions[REGION].kms.keys.length);
  // A session key without its token is not a credential.
  const noToken = sandboxClients(sandbox, REGION, { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '' });
  expect(await errorName(noToken.kms.send(new ListKeysCommand({})))).toBe('UnrecognizedClientException');
});

test('AssumeRole with a wrong ExternalId, or on an unknown role, is AccessDenied with AWS wording', async () => {
  const wrong = await assumeRole('not-the-external-id').catch((e: Error) => e);
  expect(wrong).toMatchObject({ name: 'AccessDenied', message: expect.stringMatching(/is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\d{12}:role\/AQtiveGuardReadOnlyAccessRole$/) });
  expect((wrong as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
  expect(await errorName(assumeRole(sandbox.externalId, `arn:aws:iam::${sandbox.accountId}:role/SomeOtherRole`))).toBe('AccessDenied');
  expect(await errorName(assumeRole(sandbox.externalId, 'arn:aws:iam::999999999999:role/AQtiveGuardReadOnlyAccessRole'))).toBe('AccessDenied');
});

test('expired session credentials answer ExpiredTokenException', async () => {
  const { Credentials } = await assumeRole(sandbox.externalId);
  const role = sandboxClients(sandbox, REGION, { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken });
  const start = now;
  now = new Date(start.getTime() + 3601_000);
  try {
    expect(await errorName(role.kms.send(new ListKeysCommand({})))).toBe('ExpiredTokenException');
    expect(await errorName(role.sts.send(new GetCallerIdentityCommand({})))).toBe('ExpiredToken');
  } finally {
    now = start;
  }
});

test('unknown access keys answer UnrecognizedClientException (JSON) and InvalidClientTokenId (STS)', async () => {
  const stranger = sandboxClients(sandbox, REGION, { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' });
  expect(await errorName(stranger.kms.send(new ListKeysCommand({})))).toBe('UnrecognizedClientException');
  expect(await errorName(stranger.acm.send(new ListCertificatesCommand({})))).toBe('UnrecognizedClientException');
  expect(await errorName(stranger.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
});

test('a known access key with the wrong secret key fails the signature check as in AWS (InvalidSignatureException / SignatureDoesNotMatch)', async () => {
  // GIVEN the admin's access key id signed with another secret, and a role session signed with the admin's secret
  const wrongSecret = sandboxClients(sandbox, REGION, { accessKeyId: sandbox.adminCredentials.accessKeyId, secretAccessKey: `${sandbox.adminCredentials.secretAccessKey}x` });
  const { Credentials } = await assumeRole(sandbox.externalId);
  const swapped = sandboxClients(sandbox, REGION, { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: sandbox.adminCredentials.secretAccessKey, sessionToken: Credentials?.SessionToken });
  // THEN the JSON services answer InvalidSignatureException (HTTP 400), STS SignatureDoesNotMatch (HTTP 403)
  const kmsError = await wrongSecret.kms.send(new ListKeysCommand({})).catch((e: Error) => e);
  expect(kmsError).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 }, message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided/) });
  expect(await errorName(wrongSecret.secrets.send(new ListSecretsCommand({})))).toBe('InvalidSignatureException');
  const stsError = await wrongSecret.sts.send(new GetCallerIdentityCommand({})).catch((e: Error) => e);
  expect(stsError).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
  expect(await errorName(swapped.kms.send(new ListKeysCommand({})))).toBe('InvalidSignatureException');
});

test('disabledRegions lists every commercial Region the account rejects: each opt-in Region it holds nothing in', () => {
  const rejected = COMMERCIAL_REGIONS.map((r) => r.name).filter((r) => !sandbox.isRegionEnabled(r));
  expect(sandbox.disabledRegions).toEqual(rejected);
  expect(sandbox.disabledRegions).toEqual(expect.arrayContaining(['af-south-1', 'me-south-1', 'ap-east-1', 'il-central-1']));
  expect(sandbox.disabledRegions).not.toContain('us-east-1');
  for (const populated of sandbox.regions) expect(sandbox.disabledRegions).not.toContain(populated);
});

test('a disabled opt-in region rejects valid credentials like AWS does; enabled default regions answer empty', async () => {
  expect(sandbox.isRegionEnabled('me-south-1')).toBe(false);
  const disabled = sandboxClients(sandbox, 'me-south-1');
  expect(await errorName(disabled.kms.send(new ListKeysCommand({})))).toBe('UnrecognizedClientException');
  expect(await errorName(disabled.secrets.send(new ListSecretsCommand({})))).toBe('UnrecognizedClientException');
  expect(await errorName(disabled.sts.send(new GetCallerIdentityCommand({})))).toBe('InvalidClientTokenId');
  // af-south-1 is opt-in and not populated: disabled too, like in a real account.
  expect(await errorName(sandboxClients(sandbox, 'af-south-1').kms.send(new ListKeysCommand({})))).toBe('UnrecognizedClientException');
  const empty = await sandboxClients(sandbox, 'us-west-2').kms.send(new ListKeysCommand({}));
  expect(empty).toMatchObject({ Keys: [], Truncated: false });
});

test('every call that reads secret material is refused and recorded as a violation', async () => {
  const c = sandboxClients(sandbox, REGION);
  const before = sandbox.violations().length;
  expect(await errorName(c.secrets.send(new GetSecretValueCommand({ SecretId: 'prod/db/password' })))).toBe('AccessDeniedException');
  expect(await errorName(c.ssm.send(new GetParameterCommand({ Name: '/app/db/password', WithDecryption: true })))).toBe('AccessDeniedException');
  expect(await errorName(c.ssm.send(new GetParametersByPathCommand({ Path: '/app' })))).toBe('AccessDeniedException');
  expect(await errorName(c.kms.send(new DecryptCommand({ CiphertextBlob: new Uint8Array([1, 2, 3]) })))).toBe('AccessDeniedException');
  const recorded = sandbox.violations().slice(before);
  expect(recorded.map((v) => [v.kind, v.api])).toEqual([
    ['secret-read', 'secretsmanager:GetSecretValue'],
    ['secret-read', 'ssm:GetParameter'],
    ['secret-read', 'ssm:GetParametersByPath'],
    ['secret-read', 'kms:Decrypt'],
  ]);
  expect(recorded[0].principalArn).toBe(`arn:aws:iam::${sandbox.accountId}:user/sandbox-admin`);
});

test('past a quota the sandbox answers ThrottlingException, per (region, API)', async () => {
  const c = sandboxClients(sandbox, REGION);
  const arn = sandbox.estate.regions[REGION].acm.certificates[0].arn;
  const results = [];
  for (let i = 0; i < 4; i++) results.push(await errorName(c.acm.send(new DescribeCertificateCommand({ CertificateArn: arn }))));
  // Two tokens in the bucket; the refill between back-to-back calls is far below one request.
  expect(results.slice(0, 2)).toEqual(['none', 'none']);
  expect(results.slice(2)).toContain('ThrottlingException');
  // Another region has its own bucket; another API is not limited.
  const other = sandboxClients(sandbox, 'us-east-1');
  expect(await errorName(other.acm.send(new DescribeCertificateCommand({ CertificateArn: sandbox.estate.regions['us-east-1'].acm.certificates[0].arn })))).toBe('none');
  expect(await errorName(c.acm.send(new ListCertificatesCommand({})))).toBe('none');
  expect(sandbox.stats().throttledByApi['acm:DescribeCertificate']).toBeGreaterThanOrEqual(1);
});

test('the SDK retries throttling on its own until the bucket refills', async () => {
  // GIVEN a region whose DescribeCertificate bucket is still full (2 requests)
  const region = 'ap-southeast-2';
  const c = sandboxClients(sandbox, region, sandbox.adminCredentials, 10);
  const arn = sandbox.estate.regions[region].acm.certificates[0].arn;
  const throttledBefore = sandbox.stats().throttledByApi['acm:DescribeCertificate'] ?? 0;
  // WHEN five calls go out back to back, THEN all succeed, some only after the SDK's retries
  for (let i = 0; i < 5; i++) expect((await c.acm.send(new DescribeCertificateCommand({ CertificateArn: arn }))).Certificate?.CertificateArn).toBe(arn);
  expect(sandbox.stats().throttledByApi['acm:DescribeCertificate']).toBeGreaterThan(throttledBefore);
});

test('accessDenied rules deny one service in one region', async () => {
  expect(await errorName(sandboxClients(sandbox, 'ap-southeast-2').ssm.send(new DescribeParametersCommand({})))).toBe('AccessDeniedException');
  expect(await errorName(sandboxClients(sandbox, 'ap-southeast-2').kms.send(new ListKeysCommand({})))).toBe('none');
  expect(await errorName(sandboxClients(sandbox, REGION).ssm.send(new DescribeParametersCommand({})))).toBe('none');
});

test('denyAccess and allowAccess switch a (region, service) rule while the sandbox runs', async () => {
  const kms = () => errorName(sandboxClients(sandbox, REGION).kms.send(new ListKeysCommand({})));
  expect(await kms()).toBe('none');
  sandbox.denyAccess(REGION, 'kms');
  expect(await kms()).toBe('AccessDeniedException');
  sandbox.allowAccess(REGION, 'kms');
  expect(await kms()).toBe('none');
  // the starting rule can be lifted too
  sandbox.allowAccess('ap-southeast-2', 'ssm');
  expect(await errorName(sandboxClients(sandbox, 'ap-southeast-2').ssm.send(new DescribeParametersCommand({})))).toBe('none');
  sandbox.denyAccess('ap-southeast-2', 'ssm');
});

test('stats() counts every request per (region, API)', async () => {
  sandbox.resetStats();
  const c = sandboxClients(sandbox, 'us-east-1');
  await c.kms.send(new ListKeysCommand({}));
  await c.kms.send(new ListKeysCommand({}));
  await errorName(sandboxClients(sandbox, 'me-south-1').kms.send(new ListKeysCommand({})));
  expect(sandbox.stats()).toEqual({ total: 3, byRegion: { 'us-east-1': { 'kms:ListKeys': 2 }, 'me-south-1': { 'kms:ListKeys': 1 } }, byApi: { 'kms:ListKeys': 3 }, throttledByApi: {} });
});
