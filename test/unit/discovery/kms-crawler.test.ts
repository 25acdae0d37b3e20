import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { KeyDetails } from '../../../lambdas/inventory/asset';
import { ACCOUNT, awsError, crawl, keyArn } from './fixtures';

const kms = mockClient(KMSClient);

const ID = {
  cmk: '11111111-1111-1111-1111-111111111111',
  awsManaged: '22222222-2222-2222-2222-222222222222',
  rsa: '33333333-3333-3333-3333-333333333333',
  imported: '44444444-4444-4444-4444-444444444444',
  pending: '55555555-5555-5555-5555-555555555555',
  denied: '66666666-6666-6666-6666-666666666666',
};

const meta = (id: string, m: Partial<KeyMetadata>): KeyMetadata => ({
  KeyId: id,
  Arn: keyArn(id),
  AWSAccountId: ACCOUNT,
  KeySpec: 'SYMMETRIC_DEFAULT',
  KeyUsage: 'ENCRYPT_DECRYPT',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  KeyState: 'Enabled',
  Enabled: true,
  MultiRegion: false,
  CreationDate: new Date('2024-01-02T03:04:05Z'),
  ...m,
});

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
    { Sid: 'app', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/app`] }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    { Sid: 'admin-only', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/admin` }, Action: ['kms:Describe*', 'kms:Put*'], Resource: '*' },
    { Sid: 'svc', Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:Encrypt*', Resource: '*' },
    { Sid: 'deny', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' },
  ],
});

beforeEach(() => {
  kms.reset();
  // Two pages of aliases (Truncated), including a predefined alias with no target and one for the AWS managed key.
  kms
    .on(ListAliasesCommand)
    .resolvesOnce({
      Aliases: [
        { AliasName: 'alias/app', AliasArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/app`, TargetKeyId: ID.cmk },
        { AliasName: 'alias/aws/ebs', AliasArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/aws/ebs` },
      ],
      Truncated: true,
      NextMarker: 'aliases-2',
    })
    .resolvesOnce({
      Aliases: [{ AliasName: 'alias/aws/secretsmanager', TargetKeyId: ID.awsManaged }, { AliasName: 'alias/app-v2', TargetKeyId: ID.cmk }],
      Truncated: false,
    });
  // Three pages of keys: KMS says Truncated; the last page still carries a NextMarker-like leftover that must be ignored.
  kms
    .on(ListKeysCommand)
    .resolvesOnce({ Keys: [{ KeyId: ID.cmk, KeyArn: keyArn(ID.cmk) }, { KeyId: ID.awsManaged, KeyArn: keyArn(ID.awsManaged) }], Truncated: true, NextMarker: 'keys-2' })
    .resolvesOnce({ Keys: [{ KeyId: ID.rsa, KeyArn: keyArn(ID.rsa) }, { KeyId: ID.imported, KeyArn: keyArn(ID.imported) }], Truncated: true, NextMarker: 'keys-3' })
    .resolvesOnce({ Keys: [{ KeyId: ID.pending, KeyArn: keyArn(ID.pending) }, { KeyId: ID.denied, KeyArn: keyArn(ID.denied) }], Truncated: false, NextMarker: 'stale' });
  const metas: Record<string, KeyMetadata> = {
    [ID.cmk]: meta(ID.cmk, { Description: 'app key' }),
    [ID.awsManaged]: meta(ID.awsManaged, { KeyManager: 'AWS' }),
    [ID.rsa]: meta(ID.rsa, { KeySpec: 'RSA_3072', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['RSASSA_PSS_SHA_256'] }),
    [ID.imported]: meta(ID.imported, { Origin: 'EXTERNAL' }),
    [ID.pending]: meta(ID.pending, { KeyState: 'PendingDeletion', DeletionDate: new Date('2030-01-01T00:00:00Z') }),
  };
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
    const id = input.KeyId.split('/').pop()!;
    if (id === ID.denied) throw awsError('AccessDeniedException', 'not authorized by key policy');
    return { KeyMetadata: metas[id] };
  });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: POLICY });
  kms.on(GetKeyPolicyCommand, { KeyId: keyArn(ID.rsa) }).rejects(awsError('AccessDeniedException'));
  kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: 'team', TagValue: 'payments' }, { TagKey: 'aws:cloudformation:stack-name', TagValue: 'x' }], Truncated: false });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 180, NextRotationDate: new Date('2025-06-01T00:00:00Z') });
  kms.on(GetKeyRotationStatusCommand, { KeyId: keyArn(ID.awsManaged) }).rejects(awsError('AccessDeniedException'));
});

describe('KMS crawl', () => {
  test('walks every page of keys and aliases on Truncated, and describes each key once', async () => {
    const { outcome, assets } = await crawl('kms');
    expect(outcome.status).toBe('COMPLETE');
    expect(assets.map((a) => a.arn).sort()).toEqual(Object.values(ID).map((id) => keyArn(id)).sort());
    expect(kms).toHaveReceivedCommandTimes(ListKeysCommand, 3);
    expect(kms.commandCalls(ListKeysCommand).map((c) => c.args[0].input)).toEqual([
      { Limit: 1000, Marker: undefined },
      { Limit: 1000, Marker: 'keys-2' },
      { Limit: 1000, Marker: 'keys-3' },
    ]);
    expect(kms).toHaveReceivedCommandTimes(ListAliasesCommand, 2);
    expect(kms).toHaveReceivedCommandWith(ListAliasesCommand, { Limit: 100, Marker: 'aliases-2' });
    expect(kms).toHaveReceivedCommandTimes(DescribeKeyCommand, 6);
  });

  test('never calls DescribeKey with an alias (a predefined alias can create the AWS managed key)', async () => {
    await crawl('kms');
    for (const call of kms.commandCalls(DescribeKeyCommand)) expect(call.args[0].input.KeyId).toMatch(/^arn:aws:kms:eu-west-1:\d{12}:key\//);
  });

  test('makes exactly the minimum number of calls (formula in service-crawler.ts)', async () => {
    const { outcome } = await crawl('kms');
    // K=6 keys on 3 pages, aliases on 2 pages (as KMS chose to page them); GetKeyPolicy for the 5 describable keys;
    // tags for the 4 describable customer-managed keys (cmk, rsa, imported, pending).
    expect(outcome.calls).toEqual({
      'kms:ListKeys': 3,
      'kms:ListAliases': 2,
      'kms:DescribeKey': 6,
      'kms:GetKeyPolicy': 5,
      'kms:ListResourceTags': 4,
      // only the customer-managed symmetric AWS_KMS key not pending deletion
      'kms:GetKeyRotationStatus': 1,
    });
  });

  test('captures spec, usage, origin, manager, aliases, rotation, principals and user tags of a customer key', async () => {
    const { assets } = await crawl('kms');
    const cmk = assets.find((a) => a.arn === keyArn(ID.cmk))!;
    expect(cmk).toMatchObject({
      type: 'key',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      name: 'alias/app',
      tags: { team: 'payments' },
      crypto: { family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false, keyUsage: ['ENCRYPT_DECRYPT'] },
      lifecycle: { state: 'Enabled', createdAt: '2024-01-02T03:04:05.000Z', rotation: { applicable: true, enabled: true, periodDays: 180, nextRotationAt: '2025-06-01T00:00:00.000Z' } },
      relations: { aliases: ['alias/app', 'alias/app-v2'], inUseBy: [] },
      details: { kind: 'key', keyId: ID.cmk, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS', keyManager: 'CUSTOMER', multiRegion: false, description: 'app key' },
    });
    expect((cmk.details as KeyDetails).policyPrincipals).toEqual([
      `arn:aws:iam::${ACCOUNT}:role/app`,
      `arn:aws:iam::${ACCOUNT}:root`,
      'logs.amazonaws.com',
    ]);
    expect(cmk.tags).not.toHaveProperty('aws:cloudformation:stack-name');
    expect(cmk.coverageGaps).toBeUndefined();
  });

  test('AWS managed key: rotation is yearly by definition, never asked, no tags asked', async () => {
    const { assets } = await crawl('kms');
    const managed = assets.find((a) => a.arn === keyArn(ID.awsManaged))!;
    expect(managed.lifecycle.rotation).toEqual({ applicable: true, enabled: true, periodDays: 365 });
    expect(managed.relations.aliases).toEqual(['alias/aws/secretsmanager']);
    expect(kms).not.toHaveReceivedCommandWith(GetKeyRotationStatusCommand, { KeyId: keyArn(ID.awsManaged) });
    expect(kms).not.toHaveReceivedCommandWith(ListResourceTagsCommand, { KeyId: keyArn(ID.awsManaged) });
  });

  test('asymmetric and imported keys: rotation not applicable; pending deletion: unknown with deletion date', async () => {
    const { assets } = await crawl('kms');
    const byId = (id: string) => assets.find((a) => a.arn === keyArn(id))!;
    expect(byId(ID.rsa).lifecycle.rotation).toEqual({ applicable: false, enabled: null });
    expect(byId(ID.rsa).crypto).toMatchObject({ family: 'RSA', keySize: 3072, quantumVulnerable: true });
    expect(byId(ID.imported).lifecycle.rotation).toEqual({ applicable: false, enabled: null });
    expect(byId(ID.pending).lifecycle).toMatchObject({ state: 'PendingDeletion', deletionDate: '2030-01-01T00:00:00.000Z', rotation: { applicable: true, enabled: false } });
  });

  test('key policy that denies our role is a coverage gap on the asset, not a failure', async () => {
    const { outcome, assets } = await crawl('kms');
    expect(outcome.status).toBe('COMPLETE');
    expect(assets.find((a) => a.arn === keyArn(ID.rsa))!.coverageGaps).toEqual([expect.objectContaining({ api: 'kms:GetKeyPolicy', errorCode: 'AccessDeniedException' })]);
    const denied = assets.find((a) => a.arn === keyArn(ID.denied))!;
    expect(denied.coverageGaps).toEqual([expect.objectContaining({ api: 'kms:DescribeKey', errorCode: 'AccessDeniedException' })]);
    expect(denied.crypto.quantumVulnerable).toBeNull();
  });

  test.each([
    ['UnsupportedOperationException', { applicable: false, enabled: null }, undefined],
    ['AccessDeniedException', { applicable: true, enabled: null }, 'AccessDeniedException'],
  ])('GetKeyRotationStatus answering %s', async (code, rotation, gap) => {
    kms.on(GetKeyRotationStatusCommand).rejects(awsError(code));
    const { outcome, assets } = await crawl('kms');
    const cmk = assets.find((a) => a.arn === keyArn(ID.cmk))!;
    expect(outcome.status).toBe('COMPLETE');
    expect(cmk.lifecycle.rotation).toEqual(rotation);
    expect(cmk.coverageGaps?.[0]?.errorCode).toBe(gap);
  });

  test('GetKeyRotationStatus answering false for a non-rotatable key is accepted too', async () => {
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    const { assets } = await crawl('kms');
    expect(assets.find((a) => a.arn === keyArn(ID.cmk))!.lifecycle.rotation).toEqual({ applicable: true, enabled: false });
  });

  test('Truncated without NextMarker is a failure, not a silent stop', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [], Truncated: true });
    const { outcome } = await crawl('kms');
    expect(outcome).toMatchObject({ status: 'FAILED', error: { code: 'KmsPaginationError' } });
  });
});
