/**
 * Targeted refresh end to end: the real event-processor handler (its own wiring: control-table lookup, customer
 * role with the tenant's ExternalId, describeAsset, DescribeAssetRefresher) on dynalite, reading the sandbox account.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { crawlService } from '../../../lambdas/discovery/service-crawler';
import { aliasIndexFromKeyAssets, resolveKmsKeyRef } from '../../../lambdas/inventory/key-references';
import { createCustomerClients } from '../../../lambdas/discovery/region-clients';
import type { CryptoService, DiscoveredAsset } from '../../../lambdas/inventory/asset';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { controlKeys, inventoryKeys } from '../../../lambdas/shared/table-schema';
import { startSandbox, type EventBridgeEnvelope, type Sandbox } from '../../../sandbox/sandbox';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { queuedEvent, sqsEvent as sqsEventOf } from '../../support/sqs-event';

jest.setTimeout(60_000);

const REGION = 'eu-west-1';
const TENANT = 'refresh-tenant';
let dynamo: LocalDynamo;
let sandbox: Sandbox;
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dynamo = await startDynalite();
  sandbox = await startSandbox({ seed: 11, regions: [REGION], estateSize: 45 });
  // The handler's environment as the local runtime sets it: platform tables on dynalite, customer clients on the
  // sandbox (AWS_ENDPOINT_URL), base credentials = the sandbox admin, who may assume the role with the ExternalId.
  Object.assign(process.env, {
    CONTROL_TABLE_NAME: dynamo.controlTable,
    INVENTORY_TABLE_NAME: dynamo.inventoryTable,
    PLATFORM_DYNAMODB_ENDPOINT: dynamo.endpoint,
    // Not reached here (no record of these tests fails for good or waits for ACM); required by the handler's schema.
    DEAD_LETTER_QUEUE_URL: 'http://127.0.0.1:9/000000000000/events-dlq',
    EVENTS_QUEUE_URL: 'http://127.0.0.1:9/000000000000/events',
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: sandbox.adminCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.adminCredentials.secretAccessKey,
  });
  delete process.env.PLATFORM_ACCESS_ROLE_ARN;
  jest.isolateModules(() => {
    handler = require('../../../lambdas/handlers/event-processor').handler;
  });
  const put = (Item: Record<string, unknown>) => dynamo.documentClient.send(new PutCommand({ TableName: dynamo.controlTable, Item }));
  await put({ ...controlKeys.tenant(TENANT), tenantId: TENANT, name: 'Refresh', externalId: sandbox.externalId, createdAt: '2024-01-01T00:00:00.000Z' });
  await put({
    ...controlKeys.account(TENANT, sandbox.accountId),
    tenantId: TENANT,
    accountId: sandbox.accountId,
    roleArn: sandbox.roleArn,
    status: 'LINKED',
    regions: null,
    linkedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  });
});

afterAll(async () => {
  process.env = savedEnv;
  await sandbox?.stop();
  await dynamo?.stop();
});

function sqsEvent(envelopes: readonly EventBridgeEnvelope[]): SQSEvent {
  return sqsEventOf(envelopes.map((envelope) => queuedEvent(TENANT, envelope, { receivedAt: new Date().toISOString() })));
}

const context = { getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

async function stored(arn: string): Promise<Record<string, any>> {
  const { Item } = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.inventoryTable, Key: inventoryKeys.asset(assetId(TENANT, arn)) }));
  expect(Item).toMatchObject({ arn, tenantId: TENANT });
  return Item!;
}

/** What a crawl of that service reads from the sandbox, through the same role. */
async function crawled(service: CryptoService): Promise<DiscoveredAsset[]> {
  const assets: DiscoveredAsset[] = [];
  const clients = createCustomerClients({ region: REGION, roleArn: sandbox.roleArn, externalId: sandbox.externalId, credentials: sandbox.adminCredentials });
  const outcome = await crawlService({ accountId: sandbox.accountId, region: REGION, service, clients, sink: async (a) => void assets.push(a) });
  expect(outcome.status).toBe('COMPLETE');
  return assets;
}

test('ImportCertificate: the refresh reads the certificate, so the inventory has its parsed properties', async () => {
  // GIVEN a certificate imported into the account (its CloudTrail record carries no PEM)
  const { record, events } = await sandbox.importCertificate({ region: REGION, domainName: 'refresh.example.com', keyAlgorithm: 'EC_prime256v1', validDays: 90 });
  expect(events.map((e) => e.detail.eventName)).toEqual(['ImportCertificate']);
  sandbox.resetStats();

  // WHEN the processor applies the event
  const response = await handler(sqsEvent(events), context);

  // THEN nothing failed, the certificate was described through the role, and the inventory holds what the crawl sees
  expect(response.batchItemFailures).toEqual([]);
  const calls = sandbox.stats().byRegion[REGION] ?? {};
  expect(calls).toMatchObject({ 'acm:DescribeCertificate': 1, 'acm:GetCertificate': 1, 'acm:ListTagsForCertificate': 1 });
  expect(Object.keys(calls).filter((api) => api.startsWith('acm:List') && api !== 'acm:ListTagsForCertificate')).toEqual([]);
  expect(sandbox.violations()).toEqual([]);

  const asset = await stored(record.arn);
  expect(asset).toMatchObject({
    deleted: false,
    name: 'refresh.example.com',
    crypto: { family: 'EC', curve: 'P-256' },
    lifecycle: { state: 'ISSUED', notAfter: record.notAfter },
    details: { subject: 'CN=refresh.example.com', keyAlgorithm: 'EC_prime256v1', certificateType: 'IMPORTED' },
  });
  const fromCrawl = (await crawled('acm')).find((a) => a.arn === record.arn)!;
  expect(fromCrawl).toMatchObject({ type: 'certificate', arn: record.arn, region: REGION });
  expect({ crypto: asset.crypto, details: asset.details, lifecycle: asset.lifecycle, tags: asset.tags }).toEqual({
    crypto: fromCrawl.crypto,
    details: fromCrawl.details,
    lifecycle: fromCrawl.lifecycle,
    tags: fromCrawl.tags,
  });
  const stats = await dynamo.documentClient.send(new GetCommand({ TableName: dynamo.controlTable, Key: controlKeys.eventStats(TENANT, sandbox.accountId) }));
  expect(stats.Item?.refresh_unavailable).toBeUndefined();
});

test('PutParameter SecureString without a key id: the refresh records the default aws/ssm key as the crawl does', async () => {
  // GIVEN a SecureString put without naming a key (the record does not say which key SSM used)
  const { record, events } = sandbox.putParameter({ region: REGION, name: '/refresh/db-password', type: 'SecureString' });
  expect(events[0]!.detail.requestParameters).not.toHaveProperty('keyId');

  // WHEN the processor applies the event
  const response = await handler(sqsEvent(events), context);

  // THEN the stored parameter has the relation the crawl reports (the alias reference before the Region's alias join)
  expect(response.batchItemFailures).toEqual([]);
  const arn = `arn:aws:ssm:${REGION}:${sandbox.accountId}:parameter/refresh/db-password`;
  const asset = await stored(arn);
  const fromCrawl = (await crawled('ssm')).find((a) => a.name === record.name)!;
  expect(fromCrawl.arn).toBe(arn);
  expect(asset.relations).toEqual(fromCrawl.relations);
  expect(asset.relations.kmsKeyRef).toBe('alias/aws/ssm');
  expect(asset).toMatchObject({ secure: true, crypto: fromCrawl.crypto, details: fromCrawl.details });
  // …which the crawl's Finalize join (alias index of the Region's keys) turns into the AWS managed key's ARN
  const keys = await crawled('kms');
  const index = aliasIndexFromKeyAssets({ partition: 'aws', region: REGION, accountId: sandbox.accountId }, keys);
  const ssmKey = keys.find((k) => k.relations.aliases?.includes('alias/aws/ssm'));
  expect(ssmKey).toMatchObject({ type: 'key', arn: expect.stringMatching(new RegExp(`^arn:aws:kms:${REGION}:${sandbox.accountId}:key/`)) });
  expect(resolveKmsKeyRef(asset.relations.kmsKeyRef, index)).toBe(ssmKey!.arn);
  expect(sandbox.violations()).toEqual([]);
});

test('a refresh for an asset the account no longer has leaves the event’s changes and fails nothing', async () => {
  // GIVEN a parameter put and deleted before its event is processed
  const { events: put } = sandbox.putParameter({ region: REGION, name: '/refresh/short-lived', type: 'SecureString' });
  sandbox.deleteParameter({ region: REGION, name: '/refresh/short-lived' });
  // WHEN only the PutParameter event is processed
  const response = await handler(sqsEvent(put), context);
  // THEN the record succeeds (describe found nothing: the next crawl decides) and the event's own fields stand
  expect(response.batchItemFailures).toEqual([]);
  const asset = await stored(`arn:aws:ssm:${REGION}:${sandbox.accountId}:parameter/refresh/short-lived`);
  expect(asset).toMatchObject({ name: '/refresh/short-lived', details: { parameterType: 'SecureString' } });
});
