import { buildOpenApiDocument } from '../../../lambdas/api/openapi';
import { ROUTES } from '../../../lambdas/auth/route-permissions';
import { EVENTS_PATH } from '../../../lambdas/shared/protocol';

// The routes of the API, written out independently of ROUTES so a dropped route is caught.
const CONTRACT_ROUTES: Array<[string, string, string | undefined]> = [
  ['GET', '/openapi.json', undefined],
  ['POST', '/tokens', 'admin'],
  ['GET', '/tokens', 'admin'],
  ['DELETE', '/tokens/{tokenId}', 'admin'],
  ['GET', '/data-sources/aws/template', 'admin'],
  ['POST', '/data-sources/aws/accounts', 'admin'],
  ['GET', '/data-sources/aws/accounts', 'reader'],
  ['GET', '/data-sources/aws/accounts/{accountId}', 'reader'],
  ['PATCH', '/data-sources/aws/accounts/{accountId}', 'admin'],
  ['DELETE', '/data-sources/aws/accounts/{accountId}', 'admin'],
  ['POST', '/data-sources/aws/accounts/{accountId}/ingestions', 'admin'],
  ['GET', '/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}', 'reader'],
  ['GET', '/inventory', 'reader'],
  ['GET', '/inventory/cbom', 'reader'],
  ['GET', '/inventory/{assetId}', 'reader'],
  ['POST', EVENTS_PATH, 'uploader'],
];

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://api.example.com/v1') as {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown[]; 'x-aqg-permission'?: string; parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>;
    components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
  };

  it.each(CONTRACT_ROUTES)('describes %s %s with its permission', (method, path, permission) => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op).toBeDefined();
    expect(op['x-aqg-permission']).toBe(permission);
    expect(op.security).toEqual(permission ? [{ apiKey: [] }] : []);
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
    if (permission) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403', '500']));
  });

  it('has exactly the contract routes, the X-API-Key scheme and the error shape', () => {
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(CONTRACT_ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(doc.components.schemas.Error).toMatchObject({ required: ['error'] });
    const inventoryParams = doc.paths['/inventory'].get.parameters?.map((p) => p.name);
    const cbom = doc.paths['/inventory/cbom'].get as unknown as { parameters: Array<{ name: string }>; responses: Record<string, { content: Record<string, unknown> }> };
    expect(cbom.parameters.map((p) => p.name).sort()).toEqual(['accountId', 'region', 'type']);
    expect(Object.keys(cbom.responses['200'].content)).toEqual(['application/vnd.cyclonedx+json; version=1.6']);
    expect(inventoryParams).toEqual(expect.arrayContaining(['type', 'region', 'accountId', 'arn', 'quantumVulnerable', 'expiresBefore', 'q', 'limit', 'cursor']));
  });
});
