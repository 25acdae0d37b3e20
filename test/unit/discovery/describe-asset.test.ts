import {
  ACMClient,
  DescribeCertificateCommand,
  GetCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
  type CertificateDetail,
  type KeyAlgorithm,
} from '@aws-sdk/client-acm';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, GetParameterCommand, ListTagsForResourceCommand, SSMClient, type ParameterMetadata } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CallContext } from '../../../lambdas/discovery/call-context';
import { describeAsset, parameterNames, UnsupportedAssetReferenceError, type DescribeAssetInput } from '../../../lambdas/discovery/describe-asset';
import { DescribeAssetRefresher } from '../../../lambdas/events/describe-asset-refresher';
import type { EventStore } from '../../../lambdas/events/event-store';
import type { AssetType } from '../../../lambdas/inventory/asset';
import { generateChain } from '../../support/certificates';
import { ACCOUNT, awsError, crawl, keyArn, plainClients } from './fixtures';

const kms = mockClient(KMSClient);
const acm = mockClient(ACMClient);
const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);

const REGION = 'eu-west-1';
const describe_ = (type: AssetType, arn: string, extra: Partial<DescribeAssetInput> = {}) =>
  describeAsset({ accountId: ACCOUNT, region: REGION, type, arn, clients: plainClients(REGION), ...extra });

beforeEach(() => {
  kms.reset();
  acm.reset();
  sm.reset();
  ssm.reset();
});

describe('KMS key', () => {
  const KEY_ID = '11111111-2222-3333-4444-555555555555';
  const ARN = keyArn(KEY_ID);
  const aliases = [
    { AliasName: 'alias/app', TargetKeyId: KEY_ID },
    { AliasName: 'alias/app-v2', TargetKeyId: KEY_ID },
  ];

  beforeEach(() => {
    kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: {
        KeyId: KEY_ID,
        Arn: ARN,
        AWSAccountId: ACCOUNT,
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        KeyState: 'Enabled',
        Enabled: true,
        MultiRegion: false,
        CreationDate: new Date('2024-01-02T03:04:05Z'),
        Description: 'app key',
      },
    });
    kms.on(GetKeyPolicyCommand).resolves({
      Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` }, Action: 'kms:Decrypt', Resource: '*' }] }),
    });
    kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: 'env', TagValue: 'prod' }], Truncated: false });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
  });

  test('found: the same asset the crawl reports, aliases listed for that key only, calls counted', async () => {
    // GIVEN KMS knows the key and two aliases point at it
    kms.on(ListAliasesCommand).resolves({ Aliases: aliases, Truncated: false });
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: KEY_ID, KeyArn: ARN }], Truncated: false });
    const call = new CallContext(REGION);
    // WHEN it is described by ARN
    const asset = await describe_('key', ARN, { call });
    // THEN it equals what the crawl makes of the same answers
    const { assets } = await crawl('kms');
    expect(assets).toHaveLength(1);
    expect(asset).toEqual(assets[0]);
    expect(asset).toMatchObject({ name: 'alias/app', relations: { aliases: ['alias/app', 'alias/app-v2'] }, tags: { env: 'prod' }, lifecycle: { rotation: { enabled: true, periodDays: 90 } } });
    expect(kms.commandCalls(ListAliasesCommand)[0]!.args[0].input).toMatchObject({ KeyId: ARN, Limit: 100 });
    expect(kms).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: ARN });
    expect(call.calls).toEqual({ 'kms:ListAliases': 1, 'kms:DescribeKey': 1, 'kms:GetKeyPolicy': 1, 'kms:ListResourceTags': 1, 'kms:GetKeyRotationStatus': 1 });
  });

  test('a bare key id is described by its ARN in the account and Region', async () => {
    kms.on(ListAliasesCommand).resolves({ Aliases: [], Truncated: false });
    const asset = await describe_('key', KEY_ID);
    expect(asset?.arn).toBe(ARN);
    expect(kms).toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: ARN });
  });

  test('ListAliases pages on Truncated', async () => {
    kms.on(ListAliasesCommand).resolvesOnce({ Aliases: [aliases[0]!], Truncated: true, NextMarker: 'm2' }).resolvesOnce({ Aliases: [aliases[1]!], Truncated: false });
    const asset = await describe_('key', ARN);
    expect(asset?.relations.aliases).toEqual(['alias/app', 'alias/app-v2']);
    expect(kms.commandCalls(ListAliasesCommand)[1]!.args[0].input).toMatchObject({ KeyId: ARN, Marker: 'm2' });
  });

  test('gone: NotFoundException from ListAliases or DescribeKey → undefined', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('NotFoundException'));
    expect(await describe_('key', ARN)).toBeUndefined();
    expect(kms).not.toHaveReceivedCommand(DescribeKeyCommand);

    kms.on(ListAliasesCommand).resolves({ Aliases: [], Truncated: false });
    kms.on(DescribeKeyCommand).rejects(awsError('NotFoundException'));
    expect(await describe_('key', ARN)).toBeUndefined();
  });

  test('other failures propagate (the refresh is retried)', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('AccessDeniedException'));
    await expect(describe_('key', ARN)).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  test('never an alias: DescribeKey on alias/aws/* may create the AWS managed key', async () => {
    await expect(describe_('key', 'alias/aws/ssm')).rejects.toBeInstanceOf(UnsupportedAssetReferenceError);
    await expect(describe_('key', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/ssm`)).rejects.toBeInstanceOf(UnsupportedAssetReferenceError);
    expect(kms.calls()).toHaveLength(0);
  });
});

describe('ACM certificate', () => {
  const ARN = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/abcd-1234`;
  let leafPem: string;
  let chainPem: string;
  beforeAll(async () => {
    const chain = await generateChain({ subject: 'CN=shop.example.com', dnsNames: ['shop.example.com'], key: { kind: 'EC', curve: 'P-256' }, serialNumber: '0abc' });
    leafPem = chain.leaf.pem;
    chainPem = chain.chainPem;
  });
  const detail = (d: Partial<CertificateDetail>): CertificateDetail => ({
    CertificateArn: ARN,
    DomainName: 'shop.example.com',
    Status: 'ISSUED',
    Type: 'IMPORTED',
    KeyAlgorithm: 'EC-prime256v1' as KeyAlgorithm,
    InUseBy: ['arn:aws:cloudfront::111122223333:distribution/E1'],
    CreatedAt: new Date('2024-05-01T00:00:00Z'),
    ...d,
  });

  beforeEach(() => {
    acm.on(GetCertificateCommand).callsFake(() => ({ Certificate: leafPem, CertificateChain: chainPem }));
    acm.on(ListTagsForCertificateCommand).resolves({ Tags: [{ Key: 'team', Value: 'web' }] });
  });

  test('found: DescribeCertificate, then the body and tags; the same asset the crawl reports', async () => {
    acm.on(DescribeCertificateCommand).resolves({ Certificate: detail({}) });
    acm.on(ListCertificatesCommand).resolves({ CertificateSummaryList: [{ CertificateArn: ARN, DomainName: 'shop.example.com', Status: 'ISSUED' }] });
    const call = new CallContext(REGION);
    const asset = await describe_('certificate', ARN, { call });
    const { assets } = await crawl('acm');
    expect(asset).toEqual(assets[0]);
    expect(asset).toMatchObject({
      tags: { team: 'web' },
      crypto: { family: 'EC', curve: 'P-256' },
      lifecycle: { state: 'ISSUED', rotation: { applicable: false } },
      details: { subject: 'CN=shop.example.com', serialNumber: '0abc', chainLength: 3, keyAlgorithm: 'EC_prime256v1' },
    });
    expect(asset!.lifecycle.notAfter).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(call.calls).toEqual({ 'acm:DescribeCertificate': 1, 'acm:GetCertificate': 1, 'acm:ListTagsForCertificate': 1 });
  });

  test('a certificate without a body (pending validation): GetCertificate is not asked', async () => {
    acm.on(DescribeCertificateCommand).resolves({ Certificate: detail({ Status: 'PENDING_VALIDATION', Type: 'AMAZON_ISSUED', KeyAlgorithm: 'RSA-2048' as KeyAlgorithm }) });
    const asset = await describe_('certificate', ARN);
    expect(asset).toMatchObject({ lifecycle: { state: 'PENDING_VALIDATION' }, crypto: { algorithm: 'RSA-2048' } });
    expect(acm).not.toHaveReceivedCommand(GetCertificateCommand);
  });

  test('gone (or not describable yet): ResourceNotFoundException → undefined', async () => {
    acm.on(DescribeCertificateCommand).rejects(awsError('ResourceNotFoundException'));
    expect(await describe_('certificate', ARN)).toBeUndefined();
    expect(acm).not.toHaveReceivedCommand(GetCertificateCommand);
  });

  test('not found yet, then found: each delivery describes once (no wait in the batch) and the redelivery applies it', async () => {
    // GIVEN ACM does not know a just-imported certificate for two attempts
    acm.on(DescribeCertificateCommand)
      .rejectsOnce(awsError('ResourceNotFoundException'))
      .rejectsOnce(awsError('ResourceNotFoundException'))
      .resolves({ Certificate: detail({}) });
    const applied: unknown[] = [];
    const store = { applyAssetChange: async (...args: unknown[]) => void applied.push(args) } as unknown as EventStore;
    const refresher = new DescribeAssetRefresher({
      describe: (r) => describeAsset({ ...r, clients: plainClients(r.region) }),
      store,
      now: () => new Date('2024-07-01T00:00:00Z'),
    });
    const request = { tenantId: 't', accountId: ACCOUNT, region: REGION, type: 'certificate' as const, arn: ARN };
    // WHEN SQS delivers the record three times (the first two fail the record alone)
    await expect(refresher.refresh(request)).rejects.toMatchObject({ name: 'CertificateNotYetVisibleError' });
    await expect(refresher.refresh(request)).rejects.toMatchObject({ name: 'CertificateNotYetVisibleError' });
    await refresher.refresh(request);
    // THEN one observation with the parsed certificate
    expect(applied).toHaveLength(1);
    const [tenant, change, stamp] = applied[0] as [string, { asset: { arn: string }; ops: { path: string[]; value?: unknown }[] }, unknown];
    expect(tenant).toBe('t');
    expect(stamp).toEqual({ time: '2024-07-01T00:00:00.000Z', eventId: 'refresh' });
    expect(change.asset.arn).toBe(ARN);
    expect(change.ops.find((o) => o.path.join('.') === 'details.subject')?.value).toBe('CN=shop.example.com');
  });
});

describe('Secrets Manager secret', () => {
  const ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf`;
  const KEY = '9d8e7f60-1111-2222-3333-444455556666';
  const fields = {
    ARN,
    Name: 'db',
    KmsKeyId: KEY,
    RotationEnabled: true,
    RotationRules: { AutomaticallyAfterDays: 30 },
    LastRotatedDate: new Date('2024-01-01T00:00:00Z'),
    CreatedDate: new Date('2023-01-01T00:00:00Z'),
    Tags: [{ Key: 'owner', Value: 'dba' }],
    PrimaryRegion: REGION,
  };

  test('found: one DescribeSecret (replication included); the same asset the crawl reports', async () => {
    const replication = [{ Region: 'us-east-1', Status: 'InSync' as const, KmsKeyId: 'alias/aws/secretsmanager' }];
    sm.on(DescribeSecretCommand).resolves({ ...fields, ReplicationStatus: replication, VersionIdsToStages: { v1: ['AWSCURRENT'] } });
    sm.on(ListSecretsCommand).resolves({ SecretList: [{ ...fields, SecretVersionsToStages: { v1: ['AWSCURRENT'] } }] });
    const call = new CallContext(REGION);
    const asset = await describe_('secret', ARN, { call });
    expect(call.calls).toEqual({ 'secretsmanager:DescribeSecret': 1 });
    const { assets } = await crawl('secretsmanager');
    expect(asset).toEqual(assets[0]);
    expect(asset).toMatchObject({
      name: 'db',
      relations: { kmsKeyArn: keyArn(KEY) },
      details: { replicas: [{ region: 'us-east-1', status: 'InSync', kmsKeyRef: 'alias/aws/secretsmanager' }] },
      lifecycle: { state: 'Active', rotation: { enabled: true, periodDays: 30 } },
    });
    expect(sm).not.toHaveReceivedCommand(GetSecretValueCommand);
  });

  test('default key and deletion scheduled: as the crawl records them', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, Name: 'db', DeletedDate: new Date('2024-06-01T00:00:00Z') });
    expect(await describe_('secret', ARN)).toMatchObject({
      relations: { kmsKeyRef: 'alias/aws/secretsmanager' },
      lifecycle: { state: 'PendingDeletion', deletionDate: '2024-06-01T00:00:00.000Z' },
    });
  });

  test('gone: ResourceNotFoundException → undefined', async () => {
    sm.on(DescribeSecretCommand).rejects(awsError('ResourceNotFoundException'));
    expect(await describe_('secret', ARN)).toBeUndefined();
  });
});

describe('SSM parameter', () => {
  const ARN = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/db-password`;
  const parameter: ParameterMetadata = { Name: '/app/db-password', Type: 'SecureString', KeyId: 'alias/aws/ssm', Tier: 'Standard', Version: 2, LastModifiedDate: new Date('2024-02-02T00:00:00Z') };

  beforeEach(() => {
    ssm.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: 'app', Value: 'shop' }] });
  });

  test('found after empty pages: Name Equals filter, tags by name; the same asset the crawl reports', async () => {
    // GIVEN SSM answers two empty pages before the match
    ssm.on(DescribeParametersCommand)
      .resolvesOnce({ Parameters: [], NextToken: 't2' })
      .resolvesOnce({ Parameters: [], NextToken: 't3' })
      .resolvesOnce({ Parameters: [parameter] })
      .resolves({ Parameters: [parameter] });
    const call = new CallContext(REGION);
    const asset = await describe_('parameter', ARN, { call });
    expect(ssm.commandCalls(DescribeParametersCommand).map((c) => c.args[0].input)).toEqual([
      { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ['/app/db-password'] }], MaxResults: 50, NextToken: undefined },
      { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ['/app/db-password'] }], MaxResults: 50, NextToken: 't2' },
      { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ['/app/db-password'] }], MaxResults: 50, NextToken: 't3' },
    ]);
    expect(ssm).toHaveReceivedCommandWith(ListTagsForResourceCommand, { ResourceType: 'Parameter', ResourceId: '/app/db-password' });
    expect(call.calls).toEqual({ 'ssm:DescribeParameters': 3, 'ssm:ListTagsForResource': 1 });
    const { assets } = await crawl('ssm');
    expect(asset).toEqual(assets[0]);
    // the default key stays an alias reference, as in the crawl before its alias join
    expect(asset).toMatchObject({ arn: ARN, secure: true, relations: { kmsKeyRef: 'alias/aws/ssm' }, tags: { app: 'shop' }, details: { version: 2 } });
    expect(ssm).not.toHaveReceivedCommand(GetParameterCommand);
  });

  test('a one-level name is looked up with and without its leading slash', async () => {
    expect(parameterNames(`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/plain`)).toEqual(['plain', '/plain']);
    expect(parameterNames(ARN)).toEqual(['/app/db-password']);
    expect(() => parameterNames('arn:aws:ssm:eu-west-1:1:document/x')).toThrow(UnsupportedAssetReferenceError);
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ Name: 'plain', Type: 'String' }] });
    const asset = await describe_('parameter', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/plain`);
    expect(asset).toMatchObject({ name: 'plain', secure: false, arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/plain` });
  });

  test('a bare key id becomes the key ARN', async () => {
    const KEY = '9d8e7f60-1111-2222-3333-444455556666';
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ ...parameter, KeyId: KEY }] });
    expect((await describe_('parameter', ARN))?.relations).toEqual({ inUseBy: [], kmsKeyArn: keyArn(KEY) });
  });

  test('gone: no match, or deleted before its tags were read → undefined', async () => {
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [] });
    expect(await describe_('parameter', ARN)).toBeUndefined();
    expect(ssm).not.toHaveReceivedCommand(ListTagsForResourceCommand);

    ssm.on(DescribeParametersCommand).resolves({ Parameters: [parameter] });
    ssm.on(ListTagsForResourceCommand).rejects(awsError('InvalidResourceId'));
    expect(await describe_('parameter', ARN)).toBeUndefined();
  });
});
