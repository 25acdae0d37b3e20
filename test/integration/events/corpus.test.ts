import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetRefresher, RefreshRequest } from '../../../lambdas/events/asset-refresher';
import { DynamoEventStore } from '../../../lambdas/events/dynamo-event-store';
import { processSqsBatch } from '../../../lambdas/events/process-batch';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { controlKeys, inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { queuedEvent, sqsEvent } from '../../support/sqs-event';

const FIXTURES = join(__dirname, '../../fixtures/cloudtrail');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
const PLATFORM_ROLE = 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db/password-AbCdEf';
const CERT = 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

let dynamo: LocalDynamo;
let store: DynamoEventStore;
const refreshes: RefreshRequest[] = [];
const refresher: AssetRefresher = { refresh: async (r) => void refreshes.push(r) };
let tenantCounter = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  store = new DynamoEventStore({ documentClient: dynamo.documentClient, inventoryTable: dynamo.inventoryTable, controlTable: dynamo.controlTable, dedupDays: 7, historyDays: 365 });
});
afterAll(async () => dynamo.stop());

async function newTenant(accounts: Record<string, 'LINKED' | 'UNLINKED'> = { '111122223333': 'LINKED', '123456789012': 'LINKED' }): Promise<string> {
  const tenantId = `tenant-${++tenantCounter}`;
  for (const [accountId, status] of Object.entries(accounts)) {
    await dynamo.documentClient.send(
      new PutCommand({ TableName: dynamo.controlTable, Item: { ...controlKeys.account(tenantId, accountId), tenantId, accountId, status, roleArn: PLATFORM_ROLE.replace('111122223333', accountId), regions: null } }),
    );
  }
  return tenantId;
}


const message = (tenantId: string, envelope: unknown) => queuedEvent(tenantId, envelope);

async function deliver(tenantId: string, names: string[]) {
  return processSqsBatch(sqsEvent(names.map((n) => message(tenantId, fixture(n)))), { store, refresher });
}

async function asset(tenantId: string, arn: string) {
  const { Item } = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.asset(assetId(tenantId, arn)) }));
  return Item;
}

async function usage(tenantId: string, assetArn: string) {
  const { Items } = await dynamo.documentClient.send(
    new QueryCommand({
      TableName: dynamo.inventoryTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inventoryKeys.usagesOf(assetId(tenantId, assetArn)) },
    }),
  );
  return Items ?? [];
}

async function history(tenantId: string, arn: string) {
  const { Items } = await dynamo.documentClient.send(
    new QueryCommand({
      TableName: dynamo.inventoryTable,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': `ASSET#${assetId(tenantId, arn)}`, ':sk': 'HISTORY#' },
    }),
  );
  return Items ?? [];
}

async function stats(tenantId: string, accountId = '111122223333') {
  const { Item } = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.controlTable, Key: controlKeys.eventStats(tenantId, accountId) }));
  return Item ?? {};
}

describe('fixture corpus applied to a dynalite inventory', () => {
  it('covers every fixture in the corpus with an expectation', () => {
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(names.filter((n) => !(n in EXPECTATIONS)).sort()).toEqual([]);
  });

  type Check = (tenantId: string) => Promise<void>;
  const EXPECTATIONS: Record<string, Check> = {
    'kms-create-key': async (t) => {
      const a = await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
      expect(a).toMatchObject({
        type: 'key',
        region: 'us-west-2',
        accountId: '111122223333',
        name: '1234abcd-12ab-34cd-56ef-1234567890ab',
        deleted: false,
        crypto: { family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false },
        lifecycle: { state: 'Enabled', rotation: { applicable: true, enabled: false } },
        details: { kind: 'key', keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS', keyManager: 'CUSTOMER' },
        observedAt: '2020-06-30T02:34:07.000Z',
        lastEventId: 'ba116326-1792-4784-87dd-a688d1cb42ec',
      });
      expect(await history(t, a!.arn)).toEqual([expect.objectContaining({ eventName: 'CreateKey', who: 'arn:aws:iam::111122223333:user/Alice', at: '2020-06-30T02:34:07.000Z' })]);
    },
    'kms-schedule-key-deletion': async (t) => {
      const a = await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
      expect(a?.lifecycle.state).toBe('PendingDeletion');
    },
    'kms-cancel-key-deletion': async (t) => expect((await asset(t, KEY))?.lifecycle).toEqual({ state: 'Disabled' }),
    'kms-disable-key': async (t) => expect((await asset(t, KEY))?.lifecycle.state).toBe('Disabled'),
    'kms-enable-key': async (t) => expect((await asset(t, KEY))?.lifecycle.state).toBe('Enabled'),
    'kms-enable-key-rotation': async (t) => expect((await asset(t, KEY))?.lifecycle.rotation).toEqual({ applicable: true, enabled: true, periodDays: 180 }),
    'kms-disable-key-rotation': async (t) => {
      expect((await asset(t, KEY))?.lifecycle.rotation).toEqual({ enabled: false });
      expect(await history(t, KEY)).toEqual([
        expect.objectContaining({ eventName: 'DisableKeyRotation', who: 'arn:aws:sts::111122223333:assumed-role/Admin/alice', changes: [{ op: 'set', path: 'lifecycle.rotation.enabled', value: false, applied: true }] }),
      ]);
    },
    'kms-rotate-key-on-demand': async (t) => expect((await asset(t, KEY))?.lifecycle.rotation.lastRotatedAt).toBe('2024-06-02T10:05:00.000Z'),
    'kms-put-key-policy': async (t) => {
      expect(refreshes).toContainEqual({ tenantId: t, type: 'key', arn: KEY, accountId: '111122223333', region: 'eu-west-1' });
      expect(await history(t, KEY)).toHaveLength(1);
    },
    'kms-create-alias': async (t) => expect((await asset(t, KEY))?.relations.aliases).toEqual(['alias/ExampleAlias']),
    'kms-update-alias': async (t) => expect((await asset(t, 'arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321'))?.relations.aliases).toEqual(['alias/ExampleAlias']),
    'kms-delete-alias': async (t) => expect((await asset(t, KEY))?.relations.aliases).toEqual([]),
    'kms-replicate-key': async (t) => {
      const replica = await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab');
      expect(replica).toMatchObject({ region: 'us-west-2', lifecycle: { state: 'Creating' }, details: { multiRegion: true, multiRegionKeyType: 'REPLICA' } });
      expect((await asset(t, 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab'))?.details.multiRegionKeyType).toBe('PRIMARY');
    },
    'kms-import-key-material': async (t) => {
      expect((await asset(t, KEY))?.details.origin).toBe('EXTERNAL');
      expect(refreshes.some((r) => r.tenantId === t && r.arn === KEY)).toBe(true);
    },
    'kms-delete-imported-key-material': async (t) => expect((await asset(t, KEY))?.lifecycle.state).toBe('PendingImport'),
    'kms-delete-key': async (t) =>
      expect(await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toMatchObject({
        region: 'us-west-2',
        deleted: true,
        deletedAt: '2020-07-31T00:07:00.000Z',
      }),
    'kms-rotate-key': async (t) =>
      expect((await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'))?.lifecycle.rotation).toEqual({ lastRotatedAt: '2021-01-14T01:41:59.000Z' }),
    'kms-delete-expired-key-material': async (t) => {
      const arn = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
      expect((await asset(t, arn))?.lifecycle.state).toBe('PendingImport');
      expect(refreshes).toContainEqual({ tenantId: t, type: 'key', arn, accountId: '111122223333', region: 'us-west-2' });
    },
    'kms-update-primary-region': async (t) => {
      expect((await asset(t, 'arn:aws:kms:us-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab'))?.details).toMatchObject({ multiRegion: true, multiRegionKeyType: 'REPLICA' });
      expect(await asset(t, 'arn:aws:kms:ap-northeast-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab')).toMatchObject({
        region: 'ap-northeast-1',
        details: { multiRegion: true, multiRegionKeyType: 'PRIMARY' },
      });
    },
    'kms-tag-resource': async (t) => expect((await asset(t, KEY))?.tags).toEqual({ env: 'prod' }), // aws: tags never ingested
    'kms-untag-resource': async (t) => expect((await asset(t, KEY))?.tags).toEqual({}),
    'kms-sign-by-ec2-instance': async (t) =>
      expect(await usage(t, KEY)).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234def567890', resourceType: 'ec2-instance', via: 'Sign', count: 1, firstSeen: '2024-06-02T10:15:00.000Z', lastSeen: '2024-06-02T10:15:00.000Z' }),
      ]),
    'kms-decrypt-by-lambda': async (t) =>
      expect(await usage(t, 'arn:aws:kms:eu-west-1:123456789012:key/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111')).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:lambda:eu-west-1:123456789012:function:sample-function', resourceType: 'lambda-function', via: 'Decrypt', count: 1 }),
      ]),
    'kms-decrypt-by-secretsmanager': async (t) =>
      expect(await usage(t, 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:secretsmanager:us-east-2:111122223333:secret:test-secret-a1b2c3', resourceType: 'other' }),
      ]),
    'kms-decrypt-failed': async (t) => expect(await stats(t, (fixture('kms-decrypt-failed').detail.recipientAccountId as string) ?? '111122223333')).toMatchObject({ 'dropped_failed-call': 1 }),
    'kms-describe-key': async (t) => expect(await stats(t, fixture('kms-describe-key').account)).toMatchObject({ 'dropped_unsupported-event': 1 }),
    'kms-decrypt-by-platform-role': async (t) => {
      expect(await stats(t)).toMatchObject({ 'dropped_platform-role': 1 });
      expect(await usage(t, KEY)).toEqual([]);
    },
    'kms-decrypt-connection-secret-by-secretsmanager': async (t) => expect(await stats(t)).toMatchObject({ 'dropped_secretsmanager-decrypt-loop': 1 }),
    'secretsmanager-get-secret-value-by-apidestinations': async (t) =>
      expect(await stats(t, fixture('secretsmanager-get-secret-value-by-apidestinations').detail.recipientAccountId ?? fixture('secretsmanager-get-secret-value-by-apidestinations').account)).toMatchObject({
        'dropped_source-ip-apidestinations': 1,
      }),
    'acm-import-certificate': async (t) => {
      const arn = 'arn:aws:acm:ap-southeast-2:111122223333:certificate/01234567-89ab-cdef-0123-456789abcdef';
      expect(await asset(t, arn)).toMatchObject({ type: 'certificate', deleted: false, details: { kind: 'certificate', certificateType: 'IMPORTED' } });
      expect(refreshes).toContainEqual({ tenantId: t, type: 'certificate', arn, accountId: '111122223333', region: 'ap-southeast-2' });
    },
    'acm-delete-certificate': async (t) => {
      const arn = fixture('acm-delete-certificate').detail.requestParameters.certificateArn;
      expect(await asset(t, arn)).toMatchObject({ deleted: true, deletedAt: '2016-03-18T00:00:26.000Z' });
    },
    'acm-request-certificate': async (t) =>
      expect(await asset(t, CERT)).toMatchObject({
        name: 'www.example.com',
        crypto: { family: 'EC', curve: 'P-256', quantumVulnerable: true },
        lifecycle: { state: 'PENDING_VALIDATION', createdAt: '2024-06-03T09:00:00.000Z' },
        details: { certificateType: 'AMAZON_ISSUED', keyAlgorithm: 'EC_prime256v1', subjectAlternativeNames: ['www.example.com', 'example.com'] },
      }),
    'acm-renew-certificate': async (t) => expect(refreshes.some((r) => r.tenantId === t && r.arn === CERT)).toBe(true),
    'acm-revoke-certificate': async (t) => {
      expect(await asset(t, CERT)).toMatchObject({ lifecycle: { state: 'REVOKED' }, details: { revocationReason: 'KEY_COMPROMISE' } });
      expect(refreshes.some((r) => r.tenantId === t && r.arn === CERT)).toBe(true);
    },
    'acm-export-certificate': async (t) =>
      expect(await usage(t, CERT)).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234def567890', resourceType: 'ec2-instance', via: 'ExportCertificate', count: 1 }),
      ]),
    'acm-add-tags-to-certificate': async (t) => expect((await asset(t, CERT))?.tags).toEqual({ owner: 'web' }),
    'acm-remove-tags-from-certificate': async (t) => expect((await asset(t, CERT))?.tags).toEqual({}),
    'acm-certificate-approaching-expiration': async (t) => {
      expect(refreshes.some((r) => r.tenantId === t && r.arn === CERT)).toBe(true);
      expect(await history(t, CERT)).toEqual([expect.objectContaining({ eventName: 'ACM Certificate Approaching Expiration' })]);
    },
    'secretsmanager-create-secret': async (t) =>
      expect(await asset(t, SECRET)).toMatchObject({
        name: 'prod/db/password',
        secure: true,
        tags: { team: 'payments' },
        crypto: { algorithm: 'AES-256-GCM' },
        relations: { kmsKeyArn: KEY },
        lifecycle: { state: 'Active', createdAt: '2024-06-01T10:05:00.000Z' },
      }),
    'secretsmanager-update-secret': async (t) =>
      expect(await asset(t, SECRET)).toMatchObject({ details: { description: 'rotated db password' }, relations: { kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321' } }),
    'secretsmanager-put-secret-value': async (t) => expect((await asset(t, SECRET))?.lifecycle.lastModifiedAt).toBe('2024-06-04T08:01:00.000Z'),
    'secretsmanager-rotate-secret': async (t) =>
      expect(await asset(t, SECRET)).toMatchObject({
        lifecycle: { rotation: { enabled: true, periodDays: 30 } },
        details: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db', rotationRules: { automaticallyAfterDays: 30 } },
      }),
    'secretsmanager-update-secret-version-stage': async (t) => {
      expect((await asset(t, SECRET))?.lifecycle.lastModifiedAt).toBe('2024-06-05T09:20:00.000Z');
      const rows = (await history(t, SECRET)).filter((h) => h.eventName === 'UpdateSecretVersionStage');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ sk: expect.stringMatching(/^HISTORY#2024-06-05T09:20:00/), who: 'arn:aws:sts::111122223333:assumed-role/Admin/alice' });
    },
    'secretsmanager-cancel-rotate-secret': async (t) => expect((await asset(t, SECRET))?.lifecycle.rotation).toMatchObject({ applicable: true, enabled: false, periodDays: 30 }),
    'secretsmanager-delete-secret': async (t) => expect((await asset(t, SECRET))?.lifecycle).toMatchObject({ state: 'PendingDeletion', deletionDate: '2024-06-11T08:03:00.000Z' }),
    'secretsmanager-delete-secret-legacy-arn-spelling': async (t) => expect(await asset(t, SECRET)).toMatchObject({ deleted: true }),
    'secretsmanager-restore-secret': async (t) => expect((await asset(t, SECRET))?.lifecycle.state).toBe('Active'),
    'secretsmanager-replicate-secret-to-regions': async (t) => {
      expect((await asset(t, SECRET))?.details.replicas).toEqual([{ region: 'eu-central-1', kmsKeyRef: 'alias/aws/secretsmanager', status: 'InProgress' }]);
      expect(await asset(t, SECRET.replace('eu-west-1', 'eu-central-1'))).toMatchObject({ region: 'eu-central-1', details: { primaryRegion: 'eu-west-1' } });
    },
    'secretsmanager-remove-regions-from-replication': async (t) => expect(await asset(t, SECRET.replace('eu-west-1', 'eu-central-1'))).toMatchObject({ deleted: true }),
    'secretsmanager-tag-resource': async (t) => expect((await asset(t, SECRET))?.tags).toEqual({ env: 'prod' }),
    'secretsmanager-untag-resource': async (t) => expect((await asset(t, SECRET))?.tags).toEqual({}),
    'secretsmanager-rotation-succeeded': async (t) =>
      expect((await asset(t, 'arn:aws:secretsmanager:us-west-2:111122223333:secret:Appuser-pyodbc-WoDpmU'))?.lifecycle.rotation.lastRotatedAt).toBe('2021-08-13T19:17:16.000Z'),
    // The session name and the exec-env user agent are the caller's to choose (lambdas/events/caller.ts): the edge names
    // the role CloudTrail recorded, the function's execution role.
    'secretsmanager-get-secret-value-by-lambda': async (t) =>
      expect(await usage(t, SECRET)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:iam::111122223333:role/orders-api-role', resourceType: 'iam-role', via: 'GetSecretValue' })]),
    'ssm-put-parameter': async (t) =>
      expect(await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/token')).toMatchObject({
        name: '/prod/api/token',
        secure: true,
        relations: { kmsKeyRef: 'alias/aws/ssm' },
        details: { parameterType: 'SecureString', version: 2, tier: 'Standard', lastModifiedUser: 'arn:aws:sts::111122223333:assumed-role/Admin/alice' },
      }),
    'ssm-delete-parameter': async (t) => expect(await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/old-token')).toMatchObject({ deleted: true }),
    'ssm-delete-parameters': async (t) => {
      expect(await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/a')).toMatchObject({ deleted: true });
      expect(await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/missing')).toBeUndefined();
    },
    'ssm-label-parameter-version': async (t) => expect(await history(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/token')).toHaveLength(1),
    'ssm-add-tags-to-resource': async (t) => expect((await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/token'))?.tags).toEqual({ owner: 'api' }),
    'ssm-remove-tags-from-resource': async (t) => expect((await asset(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/token'))?.tags).toEqual({}),
    'ssm-get-parameter-with-decryption': async (t) =>
      expect(await usage(t, 'arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api/token')).toEqual([expect.objectContaining({ resourceType: 'ec2-instance', via: 'GetParameter' })]),
    'tag-change-kms-key': async (t) => expect((await asset(t, 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'))?.tags).toEqual({ team: 'payments' }),
    'apigateway-create-domain-name': async (t) =>
      expect(await usage(t, CERT)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:apigateway:eu-west-1::/domainnames/api.example.com', resourceType: 'apigateway-domain' })]),
    'apigateway-update-domain-name': async (t) => expect(await usage(t, CERT)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:apigateway:eu-west-1::/domainnames/api2.example.com' })]),
    'elbv2-create-listener': async (t) =>
      expect(await usage(t, CERT)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188', resourceType: 'load-balancer' })]),
    'elbv2-add-listener-certificates': async (t) =>
      expect(await usage(t, CERT)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188', via: 'AddListenerCertificates' })]),
    'elb-set-load-balancer-listener-ssl-certificate': async (t) =>
      expect(await usage(t, CERT)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/classic-web' })]),
    'cloudfront-update-distribution': async (t) =>
      expect(await usage(t, 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555')).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE', resourceType: 'cloudfront-distribution' }),
      ]),
    'ec2-create-volume': async (t) =>
      expect(await usage(t, KEY)).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-0123456789abcdef0', resourceType: 'ebs-volume', via: 'CreateVolume', count: 1 }),
      ]),
    'cloudfront-create-distribution-with-tags': async (t) =>
      expect(await usage(t, 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555')).toEqual([
        expect.objectContaining({ resourceArn: 'arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE0WEB', resourceType: 'cloudfront-distribution', via: 'CreateDistributionWithTags' }),
      ]),
    'lambda-create-function-with-kms-key': async (t) =>
      expect(await usage(t, KEY)).toEqual([expect.objectContaining({ resourceArn: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-api', resourceType: 'lambda-function', via: 'CreateFunction' })]),
  };

  /** Events that need earlier state (the alias to delete, the secret named by name). */
  const SETUP: Record<string, string[]> = {
    'kms-delete-alias': ['kms-create-alias'],
    'secretsmanager-update-secret': ['secretsmanager-create-secret'],
    'secretsmanager-remove-regions-from-replication': ['secretsmanager-replicate-secret-to-regions'],
    'secretsmanager-untag-resource': ['secretsmanager-create-secret'],
    'ssm-remove-tags-from-resource': ['ssm-add-tags-to-resource'],
    'acm-remove-tags-from-certificate': ['acm-add-tags-to-certificate'],
    'kms-untag-resource': ['kms-tag-resource'],
    'secretsmanager-cancel-rotate-secret': ['secretsmanager-rotate-secret'],
  };

  it.each(Object.keys(EXPECTATIONS))('%s', async (name) => {
    const tenantId = await newTenant();
    for (const setup of SETUP[name] ?? []) await deliver(tenantId, [setup]);
    const response = await deliver(tenantId, [name]);
    expect(response.batchItemFailures).toEqual([]);
    await EXPECTATIONS[name]!(tenantId);
  });
});
