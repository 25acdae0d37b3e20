import { DescribeSecretCommand, ListSecretsCommand, paginateListSecrets } from '@aws-sdk/client-secrets-manager';
import type { SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, ListTagsForResourceCommand, paginateDescribeParameters } from '@aws-sdk/client-ssm';
import { startSandbox } from '../../../sandbox/sandbox';
import type { Sandbox } from '../../../sandbox/sandbox';
import { errorName, sandboxClients } from './sandbox-clients';

const REGION = 'us-east-1';
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, clock: () => new Date('2026-03-01T12:00:00Z') });
});
afterAll(() => sandbox.stop());

async function listSecrets(includePlannedDeletion: boolean): Promise<SecretListEntry[]> {
  const { secrets } = sandboxClients(sandbox, REGION);
  const out: SecretListEntry[] = [];
  for await (const page of paginateListSecrets({ client: secrets, pageSize: 2 }, { IncludePlannedDeletion: includePlannedDeletion })) out.push(...(page.SecretList ?? []));
  return out;
}

test('ListSecrets hides secrets scheduled for deletion unless IncludePlannedDeletion', async () => {
  const all = sandbox.estate.regions[REGION].secretsmanager.secrets;
  const scheduled = all.filter((s) => s.deletedDate);
  expect(scheduled.length).toBeGreaterThan(0);
  expect((await listSecrets(false)).map((s) => s.ARN)).toEqual(all.filter((s) => !s.deletedDate).map((s) => s.arn));
  const withPlanned = await listSecrets(true);
  expect(withPlanned.map((s) => s.ARN)).toEqual(all.map((s) => s.arn));
  expect(withPlanned.find((s) => s.ARN === scheduled[0].arn)?.DeletedDate).toEqual(new Date(scheduled[0].deletedDate ?? ''));
});

test('secret entries omit KmsKeyId for the default key and RotationEnabled when never configured, and keep key references as given', async () => {
  const listed = await listSecrets(true);
  const byName = (name: string) => listed.find((s) => s.Name === name);
  const defaultKey = byName('old/token');
  expect(defaultKey).toMatchObject({ Name: 'old/token', ARN: expect.stringMatching(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:old\/token-[A-Za-z0-9]{6}$/) });
  expect('KmsKeyId' in (defaultKey ?? {})).toBe(false);
  expect('RotationEnabled' in (defaultKey ?? {})).toBe(false);
  expect(byName('prod/stripe')?.KmsKeyId).toBe('alias/app-data');
  expect(byName('prod/api-key')?.KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
  expect(byName('prod/db/password')).toMatchObject({ RotationEnabled: true, RotationRules: { AutomaticallyAfterDays: 30 } });
  expect(listed.some((s) => s.Name?.startsWith('events!connection/AQGAWSConnectionKey/'))).toBe(true);
  expect(listed.find((s) => s.Name?.startsWith('rds!'))?.OwningService).toBe('rds');
  expect(byName('prod/db/password')?.Tags).toContainEqual({ Key: 'aws:cloudformation:logical-id', Value: 'DbSecret' });
});

test('DescribeSecret adds ReplicationStatus, which list entries lack; replicas name their primary region', async () => {
  const { secrets } = sandboxClients(sandbox, REGION);
  const listed = (await listSecrets(false)).find((s) => s.Name === 'shared/config');
  expect(listed && 'ReplicationStatus' in listed).toBe(false);
  const described = await secrets.send(new DescribeSecretCommand({ SecretId: 'shared/config' }));
  expect(described.ReplicationStatus).toEqual([expect.objectContaining({ Region: 'eu-west-1', Status: 'InSync' })]);
  const replica = await sandboxClients(sandbox, 'eu-west-1').secrets.send(new DescribeSecretCommand({ SecretId: 'shared/config' }));
  expect(replica.PrimaryRegion).toBe(REGION);
  expect(await errorName(secrets.send(new DescribeSecretCommand({ SecretId: 'nope' })))).toBe('ResourceNotFoundException');
  expect(await errorName(secrets.send(new ListSecretsCommand({ MaxResults: 101 })))).toBe('ValidationException');
  expect(await errorName(secrets.send(new ListSecretsCommand({ NextToken: 'forged' })))).toBe('InvalidNextTokenException');
});

test('DescribeParameters may answer an empty page with a NextToken; paging on lists every parameter once', async () => {
  const { ssm } = sandboxClients(sandbox, REGION);
  const expected = sandbox.estate.regions[REGION].ssm.parameters;
  const first = await ssm.send(new DescribeParametersCommand({ MaxResults: 2 }));
  expect(first.Parameters).toHaveLength(2);
  const second = await ssm.send(new DescribeParametersCommand({ MaxResults: 2, NextToken: first.NextToken }));
  expect(second.Parameters).toEqual([]);
  expect(second.NextToken).toEqual(expect.any(String));
  expect(second.NextToken).not.toBe(first.NextToken);
  const names: string[] = [];
  for await (const page of paginateDescribeParameters({ client: ssm, pageSize: 2 }, {})) names.push(...(page.Parameters ?? []).map((p) => p.Name ?? ''));
  expect(names).toEqual(expected.map((p) => p.name));
  expect(await errorName(ssm.send(new DescribeParametersCommand({ MaxResults: 51 })))).toBe('ValidationException');
});

test('parameter metadata: SecureString key aliases (alias/aws/ssm by default), tiers, data types; never a value', async () => {
  const { ssm } = sandboxClients(sandbox, REGION);
  const { Parameters = [] } = await ssm.send(new DescribeParametersCommand({ MaxResults: 50 }));
  const byName = (name: string) => Parameters.find((p) => p.Name === name);
  expect(byName('/app/db/password')).toMatchObject({ Type: 'SecureString', KeyId: 'alias/aws/ssm' });
  expect(byName('/app/api/token')).toMatchObject({ Type: 'SecureString', KeyId: 'alias/app-params' });
  expect(byName('/app/config/endpoint')?.KeyId).toBeUndefined();
  expect(byName('/app/large/policy')?.Tier).toBe('Advanced');
  expect(byName('/app/ami/latest')?.DataType).toBe('aws:ec2:image');
  expect(byName('/app/config/endpoint')?.ARN).toBe(`arn:aws:ssm:${REGION}:${sandbox.accountId}:parameter/app/config/endpoint`);
  expect(Parameters.every((p) => !('Value' in p))).toBe(true);
});

test('ListTagsForResource takes the parameter name', async () => {
  const { ssm } = sandboxClients(sandbox, REGION);
  const tags = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/app/api/token' }));
  expect(tags.TagList).toEqual([{ Key: 'team', Value: 'platform' }]);
  const arn = `arn:aws:ssm:${REGION}:${sandbox.accountId}:parameter/app/api/token`;
  expect(await errorName(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: arn })))).toBe('InvalidResourceId');
});
