import { apiHandler } from '../../../lambdas/api/api-handler';
import { inventoryRoutes } from '../../../lambdas/api/inventory-routes';
import { templateRoutes } from '../../../lambdas/api/template-route';
import { tokensRoutes } from '../../../lambdas/api/tokens-routes';
import { authorize } from '../../../lambdas/auth/authorize';
import { DynamoAuditLog } from '../../../lambdas/auth/dynamo-audit-log';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import customerTemplate from '../../../templates/cloudformation-template.json';
import { TEMPLATE_PARAMETERS } from '../../../lambdas/shared/protocol';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { discovered } from '../repository/asset-fixtures';
import { adminCaller, apiEvent, bodyOf, silentLogger } from './api-event';

let dynamo: LocalDynamo;
const audit = () => new DynamoAuditLog(dynamo.documentClient, dynamo.controlTable);
let control: ControlStores;
let inventory: InventoryStores;
let tokens: ReturnType<typeof apiHandler>;
let inv: ReturnType<typeof apiHandler>;
let n = 0;
let tenantId: string;
let admin: Awaited<ReturnType<typeof adminCaller>>;

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  inventory = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable, { regions: ['us-east-1', 'eu-west-1'] });
  tokens = apiHandler(tokensRoutes({ tokens: control.tokens, audit: audit(), now: () => new Date() }), silentLogger);
  inv = apiHandler(inventoryRoutes({ accounts: control.accounts, ...inventory, findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable) }), silentLogger);
});
afterAll(async () => dynamo.stop());
beforeEach(async () => {
  tenantId = `tenant-${++n}`;
  await control.tenants.createTenant({ tenantId, name: 'Acme', externalId: `ExtId-${n}-abcdefgh`, createdAt: new Date().toISOString() });
  admin = await adminCaller(control.tokens, audit(), tenantId);
});

describe('tokens', () => {
  it('creates a token whose secret authorizes once stored, lists it without secrets, revokes it', async () => {
    const created = await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'ci', permissions: ['reader'] }, ...admin }));
    expect(created.statusCode).toBe(201);
    const { token, secret } = bodyOf(created) as { token: { tokenId: string }; secret: string };
    expect(secret).toMatch(/^aqg_/);
    const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:api/v1/GET/inventory';
    const deps = { findTokenByHash: (h: string) => control.tokens.findTokenByHash(h), now: () => new Date() };
    const decision = await authorize({ headers: { 'X-API-Key': secret }, httpMethod: 'GET', resource: '/inventory', methodArn }, deps);
    expect(decision.context.tenantId).toBe(tenantId);

    const listed = await tokens(apiEvent({ method: 'GET', resource: '/tokens', tenantId }));
    expect(listed.body).not.toContain(secret);
    expect(listed.body).not.toContain('secretHash');
    expect((bodyOf(listed).items as unknown[]).length).toBe(2); // the calling admin token and the new one

    const revoked = await tokens(apiEvent({ method: 'DELETE', resource: '/tokens/{tokenId}', pathParameters: { tokenId: token.tokenId }, ...admin }));
    expect(revoked.statusCode).toBe(200);
    await expect(authorize({ headers: { 'X-API-Key': secret }, httpMethod: 'GET', resource: '/inventory', methodArn }, deps)).rejects.toThrow('Unauthorized');
  });

  it.each([
    [{ name: '', permissions: ['admin'] }, 'name'],
    [{ name: 'x', permissions: [] }, 'permissions'],
    [{ name: 'x', permissions: ['root'] }, 'permissions.0'],
    [{ name: 'x', permissions: ['admin'], expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ name: 'x', permissions: ['admin'], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'x', permissions: ['admin'], secret: 'mine' }, 'secret'],
  ])('rejects %j naming %s', async (body, field) => {
    const res = await tokens(apiEvent({ method: 'POST', resource: '/tokens', body, ...admin }));
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe(field);
  });

  it('404 for an unknown or another tenant\'s token, 400 for a malformed id, 403 for a reader', async () => {
    const created = bodyOf(await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'ci', permissions: ['admin'] }, ...admin })));
    const tokenId = (created.token as { tokenId: string }).tokenId;
    const del = (id: string, extra: object = {}) => tokens(apiEvent({ method: 'DELETE', resource: '/tokens/{tokenId}', pathParameters: { tokenId: id }, ...admin, ...extra }));
    expect((await del(tokenId, await adminCaller(control.tokens, audit(), 'intruder'))).statusCode).toBe(404);
    expect((await del('0'.repeat(20))).statusCode).toBe(404);
    expect(bodyOf(await del('xyz')).error?.field).toBe('tokenId');
    expect((await tokens(apiEvent({ method: 'GET', resource: '/tokens', tenantId, permissions: 'reader' }))).statusCode).toBe(403);
  });

  it('a revoked admin token cannot mint or revoke tokens even while API Gateway still caches its decision', async () => {
    // GIVEN an admin token, revoked, whose authorizer context API Gateway still holds (a decision cached up to 1 s)
    const victim = bodyOf(await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'keep', permissions: ['reader'] }, ...admin })));
    const victimId = (victim.token as { tokenId: string }).tokenId;
    await control.tokens.revokeToken(tenantId, admin.tokenId, new Date().toISOString());
    const before = (bodyOf(await tokens(apiEvent({ method: 'GET', resource: '/tokens', tenantId }))).items as unknown[]).length;
    // WHEN it tries to mint an admin token, or to revoke another
    const minted = await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'backdoor', permissions: ['admin'] }, ...admin }));
    const revoked = await tokens(apiEvent({ method: 'DELETE', resource: '/tokens/{tokenId}', pathParameters: { tokenId: victimId }, ...admin }));
    // THEN both are 401 and nothing was written
    expect([minted.statusCode, revoked.statusCode]).toEqual([401, 401]);
    expect(minted.body).not.toContain('aqg_');
    const after = bodyOf(await tokens(apiEvent({ method: 'GET', resource: '/tokens', tenantId }))).items as Array<{ tokenId: string; revokedAt?: string }>;
    expect(after).toHaveLength(before);
    expect(after.find((t) => t.tokenId === victimId)?.revokedAt).toBeUndefined();
    // AND a secret of another tenant, or none, presented with this tenant's context is refused too
    const other = await adminCaller(control.tokens, audit(), 'another-tenant');
    expect((await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'x', permissions: ['reader'] }, ...other, tenantId }))).statusCode).toBe(401);
    expect((await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'x', permissions: ['reader'] }, tenantId, tokenId: admin.tokenId }))).statusCode).toBe(401);
  });

  it('a request without authorizer context is a generic 500, never a 401', async () => {
    const res = await tokens(apiEvent({ method: 'GET', resource: '/tokens', noAuthorizer: true }));
    expect(res.statusCode).toBe(500);
    expect(bodyOf(res).error?.code).toBe('InternalError');
  });
});

describe('inventory', () => {
  const list = (query: Record<string, string> = {}, extra: object = {}) =>
    inv(apiEvent({ method: 'GET', resource: '/inventory', query, tenantId, permissions: 'reader', ...extra }));

  it('lists the tenant\'s linked accounts\' assets page by page, and one asset with details', async () => {
    await control.accounts.linkAccount({ tenantId, accountId: '111122223333', roleArn: 'arn:aws:iam::111122223333:role/R', regions: null, now: new Date().toISOString() });
    const assets = [discovered('key'), discovered('secret', { region: 'eu-west-1' }), discovered('parameter')];
    for (const a of assets) await inventory.assets.upsertFromCrawl(a, { tenantId, ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });
    // Same account linked by another tenant: invisible here.
    await inventory.assets.upsertFromCrawl(discovered('key'), { tenantId: 'other', ingestionId: 'I', observedAt: '2026-01-01T00:00:00.000Z' });

    const first = bodyOf(await list({ limit: '2' }));
    expect((first.items as unknown[]).length).toBe(2);
    const second = bodyOf(await list({ limit: '2', cursor: first.nextCursor as string }));
    expect((second.items as unknown[]).length).toBe(1);
    expect(second.nextCursor).toBeNull();
    expect(bodyOf(await list({ type: 'secret' })).items).toEqual([expect.objectContaining({ arn: assets[1].arn })]);

    const one = await inv(apiEvent({ method: 'GET', resource: '/inventory/{assetId}', pathParameters: { assetId: assetId(tenantId, assets[0].arn) }, tenantId, permissions: 'reader' }));
    expect(one.statusCode).toBe(200);
    expect(bodyOf(one)).toMatchObject({ asset: { arn: assets[0].arn, relations: { inUseBy: [] } }, usages: [], history: [] });
    const foreign = await inv(apiEvent({ method: 'GET', resource: '/inventory/{assetId}', pathParameters: { assetId: assetId(tenantId, assets[0].arn) }, tenantId: 'other', permissions: 'reader' }));
    expect(foreign.statusCode).toBe(404);
  });

  it.each([
    [{ type: 'dog' }, 'type'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '1001' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ expiresBefore: '31/01/2026' }, 'expiresBefore'],
    [{ cursor: 'garbage!' }, 'cursor'],
    [{ cursor: 'eyJwIjo5OTksInMiOiJ4In0' }, 'cursor'],
    [{ region: 'moon-1' }, 'region'],
    [{ accountId: '12' }, 'accountId'],
    [{ quantumVulnerable: 'yes' }, 'quantumVulnerable'],
    [{ sort: 'name' }, 'sort'],
  ])('rejects %j naming %s', async (query, field) => {
    const res = await list(query);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe(field);
  });

  it('400 for a malformed asset id, 404 for an unknown one', async () => {
    const get = (id: string) => inv(apiEvent({ method: 'GET', resource: '/inventory/{assetId}', pathParameters: { assetId: id }, tenantId, permissions: 'reader' }));
    expect(bodyOf(await get('short')).error?.field).toBe('assetId');
    expect((await get('A'.repeat(22))).statusCode).toBe(404);
  });
});

describe('template', () => {
  it('serves the customer template with the tenant ExternalId, principal and events endpoint as an attachment', async () => {
    const handler = apiHandler(
      templateRoutes({
        tenants: control.tenants,
        template: customerTemplate,
        platformPrincipalArn: async () => 'arn:aws:iam::123456789012:role/PlatformAccessRole',
        baseUrl: (e) => `https://${e.requestContext.domainName}/${e.requestContext.stage}`,
      }),
      silentLogger,
    );
    const res = await handler(apiEvent({ method: 'GET', resource: '/data-sources/aws/template', tenantId }));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['Content-Disposition']).toBe('attachment; filename="cloudformation-template.json"');
    const params = (JSON.parse(res.body) as { Parameters: Record<string, { Default?: string }> }).Parameters;
    expect(params[TEMPLATE_PARAMETERS.externalId].Default).toBe(`ExtId-${n}-abcdefgh`);
    expect(params[TEMPLATE_PARAMETERS.platformPrincipal].Default).toBe('arn:aws:iam::123456789012:role/PlatformAccessRole');
    expect(params[TEMPLATE_PARAMETERS.eventsEndpoint].Default).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/v1/data-sources/aws/events');
    expect((await handler(apiEvent({ method: 'GET', resource: '/data-sources/aws/template', tenantId, query: { x: '1' } }))).statusCode).toBe(400);
    expect((await handler(apiEvent({ method: 'GET', resource: '/data-sources/aws/template', tenantId, permissions: 'reader' }))).statusCode).toBe(403);
  });
});
