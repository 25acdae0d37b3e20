import fc from 'fast-check';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { accountsRoutes } from '../../../lambdas/api/accounts-routes';
import { apiHandler } from '../../../lambdas/api/api-handler';
import { ingestionsRoutes } from '../../../lambdas/api/ingestions-routes';
import { findingsRoutes } from '../../../lambdas/api/findings-routes';
import { inventoryRoutes } from '../../../lambdas/api/inventory-routes';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { templateRoutes } from '../../../lambdas/api/template-route';
import { tokensRoutes } from '../../../lambdas/api/tokens-routes';
import { DynamoAuditLog } from '../../../lambdas/auth/dynamo-audit-log';
import { ROUTE_TABLE } from '../../../lambdas/api/route-table';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { newIngestionId } from '../../../lambdas/control/ids';
import { DynamoHealthStore } from '../../../lambdas/health/dynamo-health-store';
import type { HealthCheckRunStore } from '../../../lambdas/health/health-check-run';
import type { PipelineHealthDeps } from '../../../lambdas/health/pipeline-health-service';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import customerTemplate from '../../../templates/cloudformation-template.json';
import { EVENTS_PATH } from '../../../lambdas/shared/protocol';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { InProcessHealthCheckRunner } from '../../support/in-process-health-runs';
import { apiEvent } from './api-event';

// Property: no client input makes any route answer ≥ 500, and a refused request (4xx) writes nothing.
const TENANT = 'fuzz-tenant';
let dynamo: LocalDynamo;
let writes = 0;
let handlers: Record<string, (event: APIGatewayProxyEvent) => Promise<{ statusCode: number; body: string }>>;

beforeAll(async () => {
  dynamo = await startDynalite();
  // Count every write the handlers send (the repositories share this client).
  const send = dynamo.documentClient.send.bind(dynamo.documentClient) as (c: unknown) => Promise<unknown>;
  // Count every write that took effect (a conditional write DynamoDB refused changed nothing).
  (dynamo.documentClient as unknown as { send: (c: unknown) => Promise<unknown> }).send = async (command: unknown) => {
    const result = await send(command);
    if (/^(Put|Update|Delete|BatchWrite|TransactWrite)/.test((command as object).constructor.name)) writes++;
    return result;
  };
  const control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  const inventory = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable, { regions: ['us-east-1', 'eu-west-1'] });
  await control.tenants.createTenant({ tenantId: TENANT, name: 'Fuzz', externalId: 'ext-fuzz-123456', createdAt: new Date().toISOString() });
  // A 500 fails loudly, with its cause.
  const log = { error: (_m: string, { error }: { error: Error }) => { throw error; } };
  const healthStore = new DynamoHealthStore(dynamo.documentClient, dynamo.controlTable);
  const deps = {
    ...control,
    assets: inventory.assets,
    verifier: { verify: async (roleArn: string) => ({ accountId: roleArn.split(':')[4] ?? '' }) },
    starter: { start: async ({ ingestionId }: { ingestionId: string }) => `arn:aws:states:eu-west-1:000000000000:execution:crawl:${ingestionId}` },
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
    health: {
      store: healthStore,
      runs: healthStore,
      runner: new InProcessHealthCheckRunner((): PipelineHealthDeps & { runs: HealthCheckRunStore } => ({ ...deps.health, control: control.accounts })),
      newRunId: () => newIngestionId(),
      // No customer account here: every read is unknown, which the checks must answer without a 5xx.
      readerFor: () => ({
        read: async (region: string) => {
          const unknown = { outcome: 'unknown' as const, reason: 'AccessDeniedException: fuzz' };
          return { region, rule: unknown, targets: unknown, apiDestination: unknown, connection: unknown };
        },
      }),
      tenantExternalId: async () => 'ext-fuzz-123456',
      now: () => new Date(),
      currentTemplateVersion: '1.0.0',
      baseUrl: () => 'https://api.example.com/v1',
    },
  };
  const tokens = apiHandler(tokensRoutes({ tokens: control.tokens, audit: new DynamoAuditLog(dynamo.documentClient, dynamo.controlTable), now: () => new Date() }), log);
  const accounts = apiHandler(accountsRoutes(deps), log);
  const ingestions = apiHandler(ingestionsRoutes(deps), log);
  const inventoryApi = apiHandler(inventoryRoutes({ accounts: control.accounts, ...inventory, findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable) }), log);
  const findingsApi = apiHandler(findingsRoutes({ accounts: control.accounts, assets: inventory.assets, findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable) }), log);
  const template = apiHandler(
    templateRoutes({
      tenants: control.tenants,
      template: customerTemplate,
      platformPrincipalArn: async () => 'arn:aws:iam::123456789012:role/PlatformAccessRole',
      baseUrl: () => 'https://api.example.com/v1',
    }),
    log,
  );
  const byFunction: Record<string, ReturnType<typeof apiHandler>> = {
    'tokens-api': tokens,
    'accounts-api': accounts,
    'ingestions-api': ingestions,
    'inventory-api': inventoryApi,
    'findings-api': findingsApi,
    'template-api': template,
  };
  const all = (event: APIGatewayProxyEvent) => {
    const route = ROUTE_TABLE.find((r) => r.method === event.httpMethod && r.path === event.resource)!;
    return byFunction[route.function]!(event);
  };
  handlers = { all };
});
afterAll(async () => dynamo.stop());

const nasty = fc.oneof(
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'null', 'undefined', '0', '-1', '1e309', 'NaN', '%00', '..', '{}', '[]'),
  fc.constantFrom('arn:aws-evil:kms:eu-west-1:111122223333:key/k', 'arn:', 'arn:aws:iam::111122223333:role/x', 'arn:aws-cn:iam::1:role/r', 'x'.repeat(3000)),
  fc.constantFrom('111122223333', '01HZZZZZZZZZZZZZZZZZZZZZZZ', 'AAAAAAAAAAAAAAAAAAAAAA', '0123456789abcdef0123', 'eu-west-1', 'true', 'false', '5000', '\ud800'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const queryKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'cursor', 'limit', 'region', 'arn', 'type', 'accountId', 'q', 'before', 'purge', 'startNow', 'expiresBefore', 'ruleId', 'severity', 'profile', 'status', 'tag', 'format'), fc.string({ maxLength: 10 }));
const bodyOf = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ name: nasty, permissions: fc.array(nasty, { maxLength: 3 }), expiresAt: nasty }, { requiredKeys: [] }),
  fc.record({ roleArn: nasty, regions: fc.oneof(fc.constant(null), fc.array(nasty, { maxLength: 3 })) }, { requiredKeys: [] }),
  fc.string({ maxLength: 50 }).map((raw) => ({ raw })),
);
const routes = ROUTE_TABLE.filter((r) => r.path !== EVENTS_PATH && r.path !== '/openapi.json');
const request = fc.record({
  route: fc.constantFrom(...routes),
  params: fc.array(nasty, { minLength: 2, maxLength: 2 }),
  query: fc.array(fc.tuple(queryKey, nasty), { maxLength: 4 }),
  body: bodyOf,
  permissions: fc.constantFrom('admin,reader', 'reader'),
});

function toEvent(r: { route: (typeof routes)[number]; params: string[]; query: [string, string][]; body: unknown; permissions: string }): APIGatewayProxyEvent {
  const names = [...r.route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathParameters = Object.fromEntries(names.map((n, i) => [n, r.params[i]!]));
  const raw = r.body !== null && typeof r.body === 'object' && 'raw' in (r.body as object) ? String((r.body as { raw: unknown }).raw) : undefined;
  const event = apiEvent({
    method: r.route.method,
    resource: r.route.path,
    ...(names.length > 0 ? { pathParameters } : {}),
    ...(raw !== undefined ? { rawBody: raw } : r.body !== undefined ? { body: r.body } : {}),
    tenantId: TENANT,
    permissions: r.permissions,
  });
  // Own properties, so a `__proto__` parameter is a parameter (as API Gateway's JSON would make it).
  event.queryStringParameters = r.query.length > 0 ? Object.fromEntries(r.query) : null;
  return event;
}

it('every route answers client garbage with < 500, and refused requests write nothing', async () => {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const before = writes;
      const res = await handlers.all!(toEvent(r));
      expect(res.statusCode).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(writes - before).toBe(0);
        const body = JSON.parse(res.body);
        if (res.statusCode === 400) expect(typeof body.error.field).toBe('string'); // a 400 names the field
      }
    }),
    { numRuns: 300 },
  );
});

it.each([
  ['an empty cursor', { cursor: '' }],
  ['a malformed cursor', { cursor: 'eyJrIjp7fX0' }],
  ['a cursor of JSON garbage', { cursor: Buffer.from('{"k":{"pk":1}}').toString('base64url') }],
  ['an unknown query name', { bogus: '1' }],
  ['__proto__ as a query name', JSON.parse('{"__proto__":"x"}')],
  ['an ARN of an invented partition', { arn: 'arn:aws-evil:kms:eu-west-1:111122223333:key/k' }],
  ['a 3,000-character ARN', { arn: `arn:aws:kms:eu-west-1:111122223333:key/${'k'.repeat(3000)}` }],
])('GET /inventory with %s is a 400 naming the field', async (_label, query) => {
  const event = apiEvent({ method: 'GET', resource: '/inventory', tenantId: TENANT });
  event.queryStringParameters = query;
  const res = await handlers.all!(event);
  expect(res.statusCode).toBe(400);
  expect(JSON.parse(res.body).error.field).toEqual(expect.any(String));
});

it('a 3,000-character path parameter is a 400 naming it', async () => {
  for (const [resource, name] of [['/inventory/{assetId}', 'assetId'], ['/data-sources/aws/accounts/{accountId}', 'accountId'], ['/tokens/{tokenId}', 'tokenId']] as const) {
    const method = resource.startsWith('/tokens') ? 'DELETE' : 'GET';
    const res = await handlers.all!(apiEvent({ method, resource, pathParameters: { [name]: 'x'.repeat(3000) }, tenantId: TENANT }));
    expect({ resource, status: res.statusCode, field: JSON.parse(res.body).error.field }).toEqual({ resource, status: 400, field: name });
  }
});
