import { X509Certificate } from 'node:crypto';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startSandbox } from '../../../sandbox/sandbox';
import type { Sandbox } from '../../../sandbox/sandbox';
import type { KmsKeyRecord } from '../../../sandbox/estate/estate';
import { errorName, sandboxClients } from './sandbox-clients';

const REGION = 'us-east-1';
let sandbox: Sandbox;
let keys: KmsKeyRecord[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, clock: () => new Date('2026-03-01T12:00:00Z') });
  keys = sandbox.estate.regions[REGION].kms.keys;
});
afterAll(() => sandbox.stop());

function key(predicate: (k: KmsKeyRecord) => boolean): KmsKeyRecord {
  const found = keys.find(predicate);
  if (!found) throw new Error('estate lacks the key this test needs');
  return found;
}

test('ListKeys pages on Truncated/NextMarker and lists every key of the region exactly once', async () => {
  // GIVEN
  const { kms } = sandboxClients(sandbox, REGION);
  // WHEN
  const listed: string[] = [];
  let pages = 0;
  for await (const page of paginateListKeys({ client: kms, pageSize: 4 }, {})) {
    pages += 1;
    listed.push(...(page.Keys ?? []).map((k) => k.KeyArn ?? ''));
  }
  // THEN
  expect(listed).toEqual(keys.map((k) => k.arn));
  expect(pages).toBe(Math.ceil(keys.length / 4));
  const last = await kms.send(new ListKeysCommand({ Limit: 1000 }));
  expect(last.Truncated).toBe(false);
  expect(last.NextMarker).toBeUndefined();
});

test('ListKeys rejects a Limit above 1000 and a forged marker', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  expect(await errorName(kms.send(new ListKeysCommand({ Limit: 1001 })))).toBe('ValidationException');
  expect(await errorName(kms.send(new ListKeysCommand({ Marker: 'bm90LWEtbWFya2Vy' })))).toBe('InvalidMarkerException');
});

test('ListAliases lists customer aliases and predefined aws/* aliases without a TargetKeyId', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  const aliases = [];
  for await (const page of paginateListAliases({ client: kms, pageSize: 1000 }, {})) aliases.push(...(page.Aliases ?? []));
  expect(aliases.map((a) => a.AliasName)).toEqual(sandbox.estate.regions[REGION].kms.aliases.map((a) => a.aliasName));
  const predefined = aliases.filter((a) => a.AliasName === 'alias/aws/ebs');
  expect(predefined).toHaveLength(1);
  expect(predefined[0].TargetKeyId).toBeUndefined();
  const managed = aliases.find((a) => a.AliasName === 'alias/aws/secretsmanager');
  expect(managed?.TargetKeyId).toBe(key((k) => k.keyManager === 'AWS' && k.description.includes('Secrets Manager')).keyId);
});

test('DescribeKey returns the key metadata KMS returns, with dates as timestamps', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  const mlDsa = key((k) => k.keySpec === 'ML_DSA_65');
  const { KeyMetadata: md } = await kms.send(new DescribeKeyCommand({ KeyId: mlDsa.arn }));
  expect(md).toMatchObject({ KeyId: mlDsa.keyId, Arn: mlDsa.arn, KeySpec: 'ML_DSA_65', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ML_DSA_SHAKE_256'], KeyManager: 'CUSTOMER', Origin: 'AWS_KMS', KeyState: 'Enabled' });
  expect(md?.CustomerMasterKeySpec).toBeUndefined();
  expect(md?.CreationDate).toEqual(new Date(mlDsa.creationDate));

  const pending = key((k) => k.keyState === 'PendingDeletion');
  const byAlias = await kms.send(new DescribeKeyCommand({ KeyId: pending.keyId }));
  expect(byAlias.KeyMetadata?.DeletionDate).toEqual(new Date(pending.deletionDate ?? ''));

  const mrk = key((k) => k.multiRegion);
  const multi = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/global' }));
  expect(multi.KeyMetadata?.KeyId).toBe(mrk.keyId);
  expect(multi.KeyMetadata?.MultiRegionConfiguration?.ReplicaKeys?.[0]?.Region).toBe('eu-west-1');
  expect(await errorName(kms.send(new DescribeKeyCommand({ KeyId: 'alias/does-not-exist' })))).toBe('NotFoundException');
});

test('DescribeKey on a predefined alias/aws/* alias creates the AWS managed key and is recorded as a violation', async () => {
  const local = await startSandbox({ seed: 11, regions: [REGION] });
  try {
    const { kms } = sandboxClients(local, REGION);
    expect(local.violations()).toEqual([]);
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    expect(KeyMetadata?.KeyManager).toBe('AWS');
    expect(local.violations()).toEqual([expect.objectContaining({ kind: 'predefined-alias-describe', api: 'kms:DescribeKey', region: REGION })]);
    expect(local.estate.regions[REGION].kms.aliases.find((a) => a.aliasName === 'alias/aws/ebs')?.targetKeyId).toBe(KeyMetadata?.KeyId);
  } finally {
    await local.stop();
  }
});

test('GetKeyRotationStatus answers per key type as KMS documents', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  const status = (k: KmsKeyRecord) => kms.send(new GetKeyRotationStatusCommand({ KeyId: k.arn }));
  const on = await status(key((k) => k.description === 'Application data key'));
  expect(on).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  expect(on.NextRotationDate).toBeInstanceOf(Date);
  expect((await status(key((k) => k.description.startsWith('Legacy')))).KeyRotationEnabled).toBe(false);
  expect((await status(key((k) => k.keyManager === 'AWS'))).KeyRotationEnabled).toBe(true);
  expect((await status(key((k) => k.keyState === 'PendingDeletion'))).KeyRotationEnabled).toBe(false);
  expect(await errorName(status(key((k) => k.keySpec === 'RSA_2048')))).toBe('UnsupportedOperationException');
  expect(await errorName(status(key((k) => k.keySpec === 'HMAC_256')))).toBe('UnsupportedOperationException');
  expect(await errorName(status(key((k) => k.origin === 'EXTERNAL')))).toBe('UnsupportedOperationException');
});

test('GetKeyPolicy: a policy that denies the role answers AccessDeniedException to role sessions only', async () => {
  const admin = sandboxClients(sandbox, REGION);
  const restricted = key((k) => k.policyDeniesRole);
  const { Credentials } = await admin.sts.send(new AssumeRoleCommand({ RoleArn: sandbox.roleArn, RoleSessionName: 'kms-test', ExternalId: sandbox.externalId }));
  const role = sandboxClients(sandbox, REGION, { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken });
  expect(await errorName(role.kms.send(new GetKeyPolicyCommand({ KeyId: restricted.keyId, PolicyName: 'default' })))).toBe('AccessDeniedException');
  const policy = await admin.kms.send(new GetKeyPolicyCommand({ KeyId: restricted.keyId }));
  expect(JSON.parse(policy.Policy ?? '{}').Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Principal: { AWS: sandbox.roleArn } }));
  const open = await role.kms.send(new GetKeyPolicyCommand({ KeyId: key((k) => k.description === 'Application data key').arn }));
  expect(open.PolicyName).toBe('default');
});

test('ListResourceTags pages at most 50 tags and keeps aws: tags as AWS stores them', async () => {
  const { kms } = sandboxClients(sandbox, REGION);
  const appData = key((k) => k.description === 'Application data key');
  const first = await kms.send(new ListResourceTagsCommand({ KeyId: appData.keyId, Limit: 1 }));
  expect(first.Truncated).toBe(true);
  const second = await kms.send(new ListResourceTagsCommand({ KeyId: appData.keyId, Limit: 1, Marker: first.NextMarker }));
  expect([...(first.Tags ?? []), ...(second.Tags ?? [])]).toEqual([
    { TagKey: 'team', TagValue: 'payments' },
    { TagKey: 'aws:cloudformation:stack-name', TagValue: 'payments-prod' },
  ]);
  expect(second.Truncated).toBe(false);
});

test('the estate certificates are real X.509 (sanity check of the shared generator)', () => {
  const cert = sandbox.estate.regions[REGION].acm.certificates.find((c) => c.certificatePem);
  expect(new X509Certificate(cert?.certificatePem ?? '').subject).toContain(`CN=${cert?.domainName}`);
});
