import SwaggerParser from '@apidevtools/swagger-parser';
import { buildOpenApiDocument } from '../../../lambdas/api/openapi';
import { ROUTES } from '../../../lambdas/auth/route-permissions';
import { EVENTS_PATH } from '../../../lambdas/shared/protocol';

// The contracts table, written out independently of the route table so a dropped route is caught.
const CONTRACT_ROUTES: Array<[string, string, string | undefined]> = [
  ['GET', '/openapi.json', undefined],
  ['POST', '/tokens', 'admin'],
  ['GET', '/tokens', 'admin'],
  ['DELETE', '/tokens/{tokenId}', 'admin'],
  ['GET', '/audit-log', 'admin'],
  ['GET', '/data-sources/aws/template', 'admin'],
  ['POST', '/data-sources/aws/accounts', 'admin'],
  ['GET', '/data-sources/aws/accounts', 'reader'],
  ['GET', '/data-sources/aws/accounts/{accountId}', 'reader'],
  ['PATCH', '/data-sources/aws/accounts/{accountId}', 'admin'],
  ['DELETE', '/data-sources/aws/accounts/{accountId}', 'admin'],
  ['POST', '/data-sources/aws/accounts/{accountId}/ingestions', 'admin'],
  ['GET', '/data-sources/aws/accounts/{accountId}/ingestions', 'reader'],
  ['GET', '/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}', 'reader'],
  ['GET', '/data-sources/aws/accounts/{accountId}/health', 'reader'],
  ['GET', '/data-sources/aws/accounts/{accountId}/health/history', 'reader'],
  ['POST', '/data-sources/aws/accounts/{accountId}/health-checks', 'admin'],
  ['GET', '/data-sources/aws/accounts/{accountId}/health-checks/{runId}', 'reader'],
  ['GET', '/inventory', 'reader'],
  ['GET', '/inventory/cbom', 'reader'],
  ['GET', '/inventory/{assetId}', 'reader'],
  ['GET', '/findings', 'reader'],
  ['GET', '/findings/rules', 'reader'],
  ['GET', '/findings/summary', 'reader'],
  ['GET', '/findings/{findingId}', 'reader'],
  ['POST', '/findings/{findingId}/suppressions', 'admin'],
  ['DELETE', '/findings/{findingId}/suppressions', 'admin'],
  ['POST', '/findings/suppressions', 'admin'],
  ['GET', '/findings/suppressions', 'reader'],
  ['DELETE', '/findings/suppressions/{suppressionId}', 'admin'],
  ['POST', EVENTS_PATH, 'uploader'],
];

interface Operation {
  security: unknown[];
  'x-aqg-permission'?: string;
  parameters?: Array<{ name: string; in: string; description?: string; schema: Record<string, unknown> }>;
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface Doc {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, Record<string, unknown>> };
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://api.example.com/v1') as unknown as Doc;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toMatchObject({ openapi: '3.1.0' });
  });

  it.each(CONTRACT_ROUTES)('describes %s %s with its permission', (method, path, permission) => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op).toEqual(expect.objectContaining({ security: permission ? [{ apiKey: [] }] : [] }));
    expect(op['x-aqg-permission']).toBe(permission);
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
    const statuses = Object.keys(op.responses);
    if (permission) expect(statuses).toEqual(expect.arrayContaining(['401', '403', '429', '500']));
    else expect(statuses).toEqual(['200', '429', '500']);
  });

  it('has exactly the contract routes, the X-API-Key scheme and the error shape', () => {
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(CONTRACT_ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(CONTRACT_ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(doc.components.schemas.Error).toEqual({
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            code: expect.objectContaining({ type: 'string' }),
            message: { type: 'string' },
            field: expect.objectContaining({ type: 'string' }),
          },
          required: ['code', 'message'],
        },
      },
      required: ['error'],
    });
  });

  it('gives every response of every operation a schema: the real body for 2xx, the error shape otherwise', () => {
    for (const { path, method, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${method.toUpperCase()} ${path} ${status}`;
        const media = Object.values(response.content ?? {});
        expect({ where, count: media.length }).toEqual({ where, count: 1 });
        const schema = media[0].schema;
        if (status.startsWith('2')) {
          // A real schema: an object with named properties, or a reference to one.
          const named = schema.$ref ?? Object.keys((schema.properties ?? {}) as object).length;
          expect({ where, named: Boolean(named) }).toEqual({ where, named: true });
        } else {
          expect({ where, schema }).toEqual({ where, schema: ERROR_REF });
        }
      }
    }
  });

  it('documents the errors each route answers: 400 with input, 404 with an id, 413 with a body', () => {
    expect(Object.keys(doc.paths['/tokens/{tokenId}'].delete.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
    expect(Object.keys(doc.paths['/tokens'].post.responses).sort()).toEqual(['201', '400', '401', '403', '413', '429', '500', '503']);
    expect(Object.keys(doc.paths['/data-sources/aws/accounts'].post.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413', '422', '429', '500', '503']);
    expect(Object.keys(doc.paths['/inventory/cbom'].get.responses).sort()).toEqual(['200', '400', '401', '403', '422', '429', '500', '503']);
    expect(Object.keys(doc.paths[EVENTS_PATH].post.responses).sort()).toEqual(['202', '400', '401', '403', '413', '429', '500', '503']);
  });

  it('names the CBOM media type, documents limit bounds, and has no zod artefacts', () => {
    const inventory = doc.paths['/inventory'].get;
    expect(inventory.parameters?.map((p) => p.name)).toEqual(['type', 'region', 'accountId', 'arn', 'quantumVulnerable', 'expiresBefore', 'q', 'includeDeleted', 'hasFindings', 'severity', 'limit', 'cursor']);
    expect(inventory.parameters?.find((p) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      description: 'Page size: an integer from 1 to 1000 (default 100)',
      schema: { type: 'string', pattern: '^\\d+$' },
    });
    expect(inventory.parameters?.find((p) => p.name === 'arn')?.schema).toEqual({ type: 'string', pattern: '^arn:aws(-cn|-us-gov)?(:|$)', maxLength: 2048 }); // a real partition
    expect(JSON.stringify(doc)).not.toMatch(/starts_with|"format":"regex"/);
    const cbom = doc.paths['/inventory/cbom'].get;
    expect(cbom.parameters?.map((p) => p.name).sort()).toEqual(['accountId', 'region', 'type']);
    expect(Object.keys(cbom.responses['200'].content!)).toEqual(['application/vnd.cyclonedx+json; version=1.6']);
  });

  it('documents request bodies, including the EventBridge event of POST /data-sources/aws/events', () => {
    const events = doc.paths[EVENTS_PATH].post.requestBody!;
    expect(events.required).toBe(true);
    expect(events.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['id', 'detail-type', 'source', 'account', 'time', 'region', 'detail']),
    });
    expect(doc.paths['/tokens'].post.requestBody?.content['application/json'].schema).toMatchObject({
      required: ['name', 'permissions'],
      additionalProperties: false,
    });
    expect(doc.paths['/tokens'].get.requestBody).toBeUndefined();
  });

  it('takes its server from the configured URL, as given (the local runtime is http)', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.example.com/v1' }]);
    expect((buildOpenApiDocument('http://127.0.0.1:3000/v1') as unknown as Doc).servers).toEqual([{ url: 'http://127.0.0.1:3000/v1' }]);
    expect((buildOpenApiDocument() as unknown as Doc).servers).toEqual([{ url: '/v1' }]);
  });
});
