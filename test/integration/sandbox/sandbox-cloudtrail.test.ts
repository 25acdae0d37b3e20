import { DescribeCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand } from '@aws-sdk/client-ssm';
import { startSandbox } from '../../../sandbox/sandbox';
import type { Sandbox } from '../../../sandbox/sandbox';
import { countAssets } from '../../../sandbox/estate/estate';
import { errorName, sandboxClients } from './sandbox-clients';

const REGION = 'us-east-1';
const NOW = new Date('2026-03-01T12:00:00Z');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, clock: () => NOW });
});
afterAll(() => sandbox.stop());

test('createKey changes the estate and returns the EventBridge envelope AWS would deliver', async () => {
  // WHEN
  const { record, events } = sandbox.createKey({ region: REGION, description: 'new key', alias: 'alias/new-key' });
  // THEN
  expect(events.map((e) => e.detail.eventName)).toEqual(['CreateKey', 'CreateAlias']);
  const [created] = events;
  expect(created).toMatchObject({
    version: '0',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.kms',
    account: sandbox.accountId,
    region: REGION,
    time: '2026-03-01T12:00:00Z',
    resources: [],
    detail: {
      eventSource: 'kms.amazonaws.com',
      eventName: 'CreateKey',
      awsRegion: REGION,
      eventTime: '2026-03-01T12:00:00Z',
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: sandbox.accountId,
      responseElements: { keyMetadata: { keyId: record.keyId, arn: record.arn, keySpec: 'SYMMETRIC_DEFAULT', keyManager: 'CUSTOMER' } },
      resources: [{ accountId: sandbox.accountId, type: 'AWS::KMS::Key', ARN: record.arn }],
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${sandbox.accountId}:user/sandbox-admin` },
    },
  });
  expect(created.detail.eventID).toMatch(/^[0-9a-f-]{36}$/);
  const { kms } = sandboxClients(sandbox, REGION);
  expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/new-key' }))).KeyMetadata?.Arn).toBe(record.arn);
});

test('rotation, deletion and tagging mutations are visible through the APIs', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  const { record } = sandbox.createKey({ region: REGION });
  const enabled = sandbox.enableKeyRotation({ keyArn: record.arn, rotationPeriodInDays: 90 });
  expect(enabled.events[0].detail).toMatchObject({ eventName: 'EnableKeyRotation', requestParameters: { keyId: record.keyId, rotationPeriodInDays: 90 }, responseElements: null });
  expect(await kms.send(new GetKeyRotationStatusCommand({ KeyId: record.keyId }))).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
  const tagged = sandbox.tagResource({ arn: record.arn, tags: [{ key: 'team', value: 'x' }] });
  expect(tagged.events[0].detail.requestParameters).toEqual({ keyId: record.keyId, tags: [{ tagKey: 'team', tagValue: 'x' }] });
  const deleted = sandbox.scheduleKeyDeletion({ keyArn: record.arn, pendingWindowInDays: 7 });
  expect(deleted.events[0].detail.responseElements).toMatchObject({ keyId: record.arn, keyState: 'PendingDeletion', pendingWindowInDays: 7 });
  expect((await kms.send(new DescribeKeyCommand({ KeyId: record.arn }))).KeyMetadata?.KeyState).toBe('PendingDeletion');
});

test('certificate, secret and parameter mutations', async () => {
  const c = sandboxClients(sandbox, REGION);
  const imported = await sandbox.importCertificate({ region: REGION, domainName: 'new.example.com', keyAlgorithm: 'EC_prime256v1' });
  expect(imported.events[0].detail).toMatchObject({ eventSource: 'acm.amazonaws.com', eventName: 'ImportCertificate', responseElements: { certificateArn: imported.record.arn } });
  expect(JSON.stringify(imported.events[0].detail.requestParameters)).not.toContain('BEGIN');
  expect((await c.acm.send(new DescribeCertificateCommand({ CertificateArn: imported.record.arn }))).Certificate?.KeyAlgorithm).toBe('EC-prime256v1');
  sandbox.deleteCertificate({ certificateArn: imported.record.arn });
  expect(await errorName(c.acm.send(new DescribeCertificateCommand({ CertificateArn: imported.record.arn })))).toBe('ResourceNotFoundException');

  const secret = sandbox.createSecret({ region: REGION, name: 'fresh/secret', kmsKeyId: 'alias/app-data' });
  expect(secret.events[0].detail).toMatchObject({ eventName: 'CreateSecret', responseElements: { arn: secret.record.arn, name: 'fresh/secret' } });
  sandbox.deleteSecret({ secretArn: secret.record.arn, recoveryWindowInDays: 7 });
  const listed = await c.secrets.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['fresh/'] }] }));
  expect(listed.SecretList).toEqual([]);

  const param = sandbox.putParameter({ region: REGION, name: '/fresh/param', type: 'SecureString' });
  expect(param.events[0].detail.requestParameters).toMatchObject({ name: '/fresh/param', type: 'SecureString', value: 'HIDDEN_DUE_TO_SECURITY_REASONS' });
  const described = await c.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['/fresh/param'] }] }));
  expect(described.Parameters?.[0]).toMatchObject({ KeyId: 'alias/aws/ssm', Version: 1 });
  expect(sandbox.deleteParameter({ region: REGION, name: '/fresh/param' }).events[0].detail.eventName).toBe('DeleteParameter');
});

test('usage events name the workload; loop events come from EventBridge and Secrets Manager', () => {
  const key = sandbox.estate.regions[REGION].kms.keys.find((k) => k.description === 'Application data key');
  const [decrypt] = sandbox.recordDecrypt({ keyArn: key?.arn ?? '', by: { kind: 'ec2', instanceId: 'i-0123456789abcdef0', roleName: 'app-ec2-role' } });
  expect(decrypt.detail).toMatchObject({ eventName: 'Decrypt', readOnly: true, requestParameters: { keyId: key?.arn } });
  expect(decrypt.detail.userIdentity).toMatchObject({ type: 'AssumedRole', arn: `arn:aws:sts::${sandbox.accountId}:assumed-role/app-ec2-role/i-0123456789abcdef0`, sessionContext: { ec2RoleDelivery: '2.0' } });

  const secret = sandbox.estate.regions[REGION].secretsmanager.secrets.find((s) => s.name === 'prod/stripe');
  const [get, smDecrypt] = sandbox.recordGetSecretValue({ secretArn: secret?.arn ?? '', by: { kind: 'lambda', functionName: 'orders-api', roleName: 'app-lambda-role' } });
  expect(get.detail).toMatchObject({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue', readOnly: true, requestParameters: { secretId: secret?.arn } });
  expect(smDecrypt.detail).toMatchObject({ eventName: 'Decrypt', sourceIPAddress: 'secretsmanager.amazonaws.com', userIdentity: { invokedBy: 'secretsmanager.amazonaws.com' }, requestParameters: { encryptionContext: { SecretARN: secret?.arn } }, resources: [{ ARN: key?.arn }] });

  const [loopGet, loopDecrypt] = sandbox.connectionSecretRead({ region: REGION });
  expect(loopGet.detail).toMatchObject({ eventName: 'GetSecretValue', sourceIPAddress: 'apidestinations.events.amazonaws.com' });
  expect(String((loopGet.detail.requestParameters as { secretId: string }).secretId)).toContain(':secret:events!connection/AQGAWSConnectionKey/');
  expect(loopDecrypt.detail).toMatchObject({ eventName: 'Decrypt', userIdentity: { invokedBy: 'secretsmanager.amazonaws.com' } });
});

test('burst(n) gives at least n events with unique ids, and the estate it leaves is what the APIs serve', async () => {
  const events = await sandbox.burst(80);
  expect(events.length).toBeGreaterThanOrEqual(80);
  expect(new Set(events.map((e) => e.detail.eventID)).size).toBe(events.length);
  expect(new Set(events.map((e) => e.source))).toEqual(new Set(['aws.kms', 'aws.acm', 'aws.secretsmanager', 'aws.ssm']));
  expect(events.every((e) => sandbox.regions.includes(e.region) && e.detail.awsRegion === e.region)).toBe(true);
  const keys = await sandboxClients(sandbox, REGION).kms.send(new ListKeysCommand({ Limit: 1000 }));
  expect(keys.Keys?.length).toBe(sandbox.estate.regions[REGION].kms.keys.length);
  expect(countAssets(sandbox.estate)).toBeGreaterThan(60);
});

test('bursts can follow each other: names a burst creates never collide with an earlier burst', async () => {
  const first = await sandbox.burst(40);
  const second = await sandbox.burst(40);
  const ids = new Set([...first, ...second].map((e) => e.id));
  expect(ids.size).toBe(first.length + second.length);
});
