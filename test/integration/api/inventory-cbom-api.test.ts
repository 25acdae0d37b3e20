import { apiHandler } from '../../../lambdas/api/api-handler';
import { inventoryRoutes } from '../../../lambdas/api/inventory-routes';
import type { CbomDocument } from '../../../lambdas/cbom/cbom-types';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { acmCertificate, kmsKey, parameter, secret } from '../../unit/cbom/cbom-fixtures';
import { cbomSchemaErrors } from '../../support/official-schemas';
import { discovered } from '../repository/asset-fixtures';
import { apiEvent, bodyOf, silentLogger } from './api-event';

const NOW = new Date('2025-02-01T12:00:00.000Z');
let dynamo: LocalDynamo;
let control: ControlStores;
let inventory: InventoryStores;
let n = 0;
let tenantId: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  inventory = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable, { regions: ['us-east-1', 'eu-west-1'] });
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `tenant-${++n}`;
  await control.tenants.createTenant({ tenantId, name: 'Acme', externalId: `ExtId-${n}-abcdefgh`, createdAt: NOW.toISOString() });
  await control.accounts.linkAccount({ tenantId, accountId: '111122223333', roleArn: 'arn:aws:iam::111122223333:role/R', regions: null, now: NOW.toISOString() });
});

const handler = (limits?: { maxAssets?: number; maxBodyBytes?: number }) =>
  apiHandler(inventoryRoutes({ accounts: control.accounts, ...inventory, findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable), now: () => NOW, ...(limits ? { cbomLimits: limits } : {}) }), silentLogger);
const get = (query: Record<string, string> = {}, extra: { permissions?: string; tenantId?: string } = {}, limits?: { maxAssets?: number; maxBodyBytes?: number }) =>
  handler(limits)(apiEvent({ method: 'GET', resource: '/inventory/cbom', query, tenantId, permissions: 'reader', ...extra }));

async function seed() {
  const key = kmsKey('cmk', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
  const assets = [key, kmsKey('sign', 'RSA_3072', 'SIGN_VERIFY'), await acmCertificate('shop', { kind: 'EC', curve: 'P-256' }), secret('db', key.arn), parameter('/app/token', true, key.arn)];
  for (const a of assets) await inventory.assets.upsertFromCrawl(a, { tenantId, ingestionId: 'I', observedAt: NOW.toISOString() });
  // Another tenant's copy of the same account: never exported here.
  await inventory.assets.upsertFromCrawl(discovered('key', { region: 'eu-west-1' }), { tenantId: 'someone-else', ingestionId: 'I', observedAt: NOW.toISOString() });
  return { key, assets };
}

describe('GET /inventory/cbom', () => {
  it('exports the tenant\'s whole inventory as a valid CycloneDX 1.6 CBOM', async () => {
    const { key, assets } = await seed();
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['Content-Type']).toBe('application/vnd.cyclonedx+json; version=1.6');
    const doc = JSON.parse(res.body) as CbomDocument;
    expect(await cbomSchemaErrors(doc)).toBeNull();
    const assetRefs = doc.components.filter((c) => c.properties?.some((p) => p.name === 'aqg:assetType')).map((c) => c['bom-ref']);
    expect(assetRefs.sort()).toEqual(assets.map((a) => a.arn).sort());
    expect(doc.metadata).toMatchObject({ timestamp: NOW.toISOString(), properties: expect.arrayContaining([{ name: 'aqg:tenantId', value: tenantId }, { name: 'aqg:assetCount', value: '5' }]) });
    // the stored asset (with its id) went through the repository and back
    const stored = doc.components.find((c) => c['bom-ref'] === key.arn)!;
    expect(stored.properties).toContainEqual(expect.objectContaining({ name: 'aqg:assetId' }));
    expect(doc.dependencies).toContainEqual({ ref: assets[3]!.arn, dependsOn: [key.arn, 'crypto/algorithm/aes-256-gcm/ae'] });
  });

  it('applies the type / region / accountId filters and records them', async () => {
    await seed();
    const doc = bodyOf(await get({ type: 'certificate' })) as unknown as CbomDocument;
    const types = doc.components.flatMap((c) => c.properties?.filter((p) => p.name === 'aqg:assetType').map((p) => p.value) ?? []);
    expect(types).toEqual(['certificate']);
    expect(doc.metadata.properties).toContainEqual({ name: 'aqg:filter:type', value: 'certificate' });
    const none = bodyOf(await get({ region: 'us-east-1' })) as unknown as CbomDocument;
    expect(none.components).toEqual([]);
    expect(await cbomSchemaErrors(none)).toBeNull();
  });

  it('403 for an uploader token', async () => {
    const res = await get({}, { permissions: 'uploader' });
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res).error?.code).toBe('Forbidden');
  });

  it.each([
    [{ type: 'dog' }, 'type'],
    [{ region: 'moon-1' }, 'region'],
    [{ accountId: '12' }, 'accountId'],
    [{ limit: '10' }, 'limit'],
    [{ cursor: 'abc' }, 'cursor'],
  ])('400 for %j naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe(field);
  });

  it('422 ExportTooLarge past the asset or byte bound, never a truncated document', async () => {
    await seed();
    const byCount = await get({}, {}, { maxAssets: 4 });
    expect(byCount.statusCode).toBe(422);
    expect(bodyOf(byCount).error).toMatchObject({ code: 'ExportTooLarge', message: expect.stringContaining('narrow') });
    const byBytes = await get({}, {}, { maxBodyBytes: 2000 });
    expect(byBytes.statusCode).toBe(422);
    expect((await get({}, {}, { maxAssets: 5 })).statusCode).toBe(200);
  });
});
