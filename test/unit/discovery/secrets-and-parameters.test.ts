import { DescribeSecretCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, ListTagsForResourceCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ACCOUNT, crawl, keyArn } from './fixtures';

const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
const secretArn = (name: string) => `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}-AbCdEf`;
const KEY = '9d8e7f60-1111-2222-3333-444455556666';

beforeEach(() => {
  sm.reset();
  ssm.reset();
});

describe('Secrets Manager crawl', () => {
  beforeEach(() => {
    sm.on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [
          { ARN: secretArn('db'), Name: 'db', CreatedDate: new Date('2023-01-01T00:00:00Z'), RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 }, LastRotatedDate: new Date('2024-01-01T00:00:00Z'), Tags: [{ Key: 'owner', Value: 'dba' }, { Key: 'aws:secretsmanager:owningService', Value: 'rds' }], OwningService: 'rds' },
          { ARN: secretArn('replicated'), Name: 'replicated', KmsKeyId: keyArn(KEY), PrimaryRegion: 'eu-west-1' },
        ],
        NextToken: 's-2',
      })
      .resolvesOnce({
        SecretList: [
          { ARN: secretArn('events!connection/AQGAWSConnectionKey/uuid'), Name: 'events!connection/AQGAWSConnectionKey/uuid', KmsKeyId: 'alias/custom' },
          { ARN: secretArn('old'), Name: 'old', DeletedDate: new Date('2024-06-01T00:00:00Z'), RotationEnabled: false },
        ],
      });
    sm.on(DescribeSecretCommand).resolves({ ReplicationStatus: [{ Region: 'us-east-1', Status: 'InSync', KmsKeyId: 'alias/aws/secretsmanager' }] });
  });

  test('lists planned-deletion secrets too, pages with NextToken, never reads a value', async () => {
    const { outcome, assets } = await crawl('secretsmanager');
    expect(outcome.status).toBe('COMPLETE');
    expect(assets).toHaveLength(4);
    for (const call of sm.commandCalls(ListSecretsCommand)) expect(call.args[0].input).toMatchObject({ IncludePlannedDeletion: true, MaxResults: 100 });
    expect(sm.commandCalls(ListSecretsCommand)[1]!.args[0].input.NextToken).toBe('s-2');
    // DescribeSecret only for the primary of a replicated secret (the list entry lacks ReplicationStatus)
    expect(outcome.calls).toEqual({ 'secretsmanager:ListSecrets': 2, 'secretsmanager:DescribeSecret': 1 });
  });

  test('fields, default key, rotation, deletion, EventBridge flag, replicas', async () => {
    const { assets } = await crawl('secretsmanager');
    const by = (name: string) => assets.find((a) => a.name === name)!;
    expect(by('db')).toMatchObject({
      type: 'secret',
      secure: true,
      tags: { owner: 'dba' },
      crypto: { family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false },
      lifecycle: { state: 'Active', createdAt: '2023-01-01T00:00:00.000Z', rotation: { applicable: true, enabled: true, periodDays: 30, lastRotatedAt: '2024-01-01T00:00:00.000Z' } },
      // no KmsKeyId = the AWS managed aws/secretsmanager key: needs the alias index to become an ARN
      relations: { kmsKeyRef: 'alias/aws/secretsmanager' },
      details: { owningService: 'rds', managedByEventBridge: false },
    });
    expect(by('db').relations.kmsKeyArn).toBeUndefined();
    expect(by('replicated').relations).toEqual({ inUseBy: [], kmsKeyArn: keyArn(KEY) });
    expect(by('replicated').details).toMatchObject({ replicas: [{ region: 'us-east-1', status: 'InSync', kmsKeyRef: 'alias/aws/secretsmanager' }] });
    expect(by('events!connection/AQGAWSConnectionKey/uuid').details).toMatchObject({ managedByEventBridge: true });
    expect(by('old').lifecycle).toMatchObject({ state: 'PendingDeletion', deletionDate: '2024-06-01T00:00:00.000Z', rotation: { enabled: false } });
  });

  test('a secret never configured for rotation: unknown, not disabled', async () => {
    const { assets } = await crawl('secretsmanager');
    expect(assets.find((a) => a.name === 'replicated')!.lifecycle.rotation).toEqual({ applicable: true, enabled: false });
  });
});

describe('SSM Parameter Store crawl', () => {
  beforeEach(() => {
    // SSM may answer EMPTY pages that still carry a NextToken: keep paging.
    ssm.on(DescribeParametersCommand)
      .resolvesOnce({ Parameters: [{ Name: '/app/db-password', Type: 'SecureString', KeyId: 'alias/aws/ssm', Tier: 'Standard', DataType: 'text', Version: 3, LastModifiedDate: new Date('2024-02-02T00:00:00Z') }], NextToken: 't2' })
      .resolvesOnce({ Parameters: [], NextToken: 't3' })
      .resolvesOnce({ Parameters: [], NextToken: 't4' })
      .resolvesOnce({
        Parameters: [
          { Name: 'plain', Type: 'String', ARN: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/plain` },
          { Name: '/app/api-key', Type: 'SecureString', KeyId: keyArn(KEY), Tier: 'Advanced' },
          { Name: '/app/other', Type: 'SecureString' },
        ],
      });
    ssm.on(ListTagsForResourceCommand).resolves({ TagList: [{ Key: 'app', Value: 'shop' }, { Key: 'aws:cloudformation:logical-id', Value: 'P' }] });
  });

  test('pages through empty pages; tags asked by parameter NAME', async () => {
    const { outcome, assets } = await crawl('ssm');
    expect(outcome.status).toBe('COMPLETE');
    expect(assets.map((a) => a.name)).toEqual(['/app/db-password', 'plain', '/app/api-key', '/app/other']);
    expect(ssm.commandCalls(DescribeParametersCommand).map((c) => c.args[0].input)).toEqual([
      { MaxResults: 50, NextToken: undefined },
      { MaxResults: 50, NextToken: 't2' },
      { MaxResults: 50, NextToken: 't3' },
      { MaxResults: 50, NextToken: 't4' },
    ]);
    expect(ssm).toHaveReceivedCommandWith(ListTagsForResourceCommand, { ResourceType: 'Parameter', ResourceId: '/app/db-password' });
    expect(outcome.calls).toEqual({ 'ssm:DescribeParameters': 4, 'ssm:ListTagsForResource': 4 });
  });

  test('SecureString vs String, key references, ARNs', async () => {
    const { assets } = await crawl('ssm');
    const by = (name: string) => assets.find((a) => a.name === name)!;
    expect(by('/app/db-password')).toMatchObject({
      type: 'parameter',
      secure: true,
      arn: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/db-password`,
      tags: { app: 'shop' },
      crypto: { family: 'AES', quantumVulnerable: false },
      lifecycle: { state: 'Active', lastModifiedAt: '2024-02-02T00:00:00.000Z' },
      relations: { kmsKeyRef: 'alias/aws/ssm' },
      details: { kind: 'parameter', parameterType: 'SecureString', tier: 'Standard', dataType: 'text', version: 3 },
    });
    expect(by('plain')).toMatchObject({ secure: false, crypto: { algorithm: 'none' }, relations: { inUseBy: [] } });
    expect(by('plain').relations.kmsKeyRef).toBeUndefined();
    expect(by('/app/api-key').relations).toEqual({ inUseBy: [], kmsKeyArn: keyArn(KEY) });
    // a SecureString naming no key uses SSM's AWS managed key
    expect(by('/app/other').relations.kmsKeyRef).toBe('alias/aws/ssm');
    expect(by('/app/db-password').tags).not.toHaveProperty('aws:cloudformation:logical-id');
  });
});
