// The real handler modules, wired from their environment to dynalite (as the local runtime does).
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { DynamoTenantStore } from '../../../lambdas/control/dynamo-tenant-store';
import { DynamoAuditLog } from '../../../lambdas/auth/dynamo-audit-log';
import { DynamoTokenStore } from '../../../lambdas/control/dynamo-token-store';
import { adminCaller, apiEvent, bodyOf } from './api-event';

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startDynalite();
  Object.assign(process.env, {
    PLATFORM_DYNAMODB_ENDPOINT: dynamo.endpoint,
    CONTROL_TABLE_NAME: dynamo.controlTable,
    INVENTORY_TABLE_NAME: dynamo.inventoryTable,
  });
  await new DynamoTenantStore(dynamo.documentClient, dynamo.controlTable).createTenant({
    tenantId: 'wired',
    name: 'Wired',
    externalId: 'ext-wired-123',
    createdAt: new Date().toISOString(),
  });
});
afterAll(async () => {
  delete process.env.PLATFORM_DYNAMODB_ENDPOINT;
  await dynamo.stop();
});

describe('handler modules', () => {
  it('tokens-api and inventory-api answer through their own clients', async () => {
    const tokens = (await import('../../../lambdas/handlers/tokens-api')).handler;
    const admin = await adminCaller(new DynamoTokenStore(dynamo.documentClient, dynamo.controlTable), new DynamoAuditLog(dynamo.documentClient, dynamo.controlTable), 'wired');
    const created = await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'ci', permissions: ['reader'] }, ...admin }));
    expect(created.statusCode).toBe(201);
    const inventory = (await import('../../../lambdas/handlers/inventory-api')).handler;
    const page = await inventory(apiEvent({ method: 'GET', resource: '/inventory', tenantId: 'wired', permissions: 'reader' }));
    expect(page.statusCode).toBe(200);
    expect(bodyOf(page)).toEqual({ items: [], nextCursor: null });
  });

  it('openapi-api serves the document with the request-derived server URL', async () => {
    const openapi = (await import('../../../lambdas/handlers/openapi-api')).handler;
    const res = await openapi(apiEvent({ method: 'GET', resource: '/openapi.json', noAuthorizer: true }));
    expect(res.statusCode).toBe(200);
    expect((bodyOf(res).servers as Array<{ url: string }>)[0].url).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/v1');
  });
});
