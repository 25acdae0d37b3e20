// The per-token rate limit on every API route (lambdas/api/api-handler.ts), counted in RATE# windows on dynalite.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { apiHandler } from '../../../lambdas/api/api-handler';
import { inventoryRoutes } from '../../../lambdas/api/inventory-routes';
import { ErrorBody } from '../../../lambdas/api/response-schemas';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { DynamoRateCounter } from '../../../lambdas/events/dynamo-rate-counter';
import { DEFAULT_API_REQUESTS_PER_SECOND, TokenRateLimiter } from '../../../lambdas/events/rate-limit';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { apiEvent, bodyOf, silentLogger } from './api-event';

let dynamo: LocalDynamo;
let control: ControlStores;

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  for (const tenantId of ['flooder', 'quiet']) {
    await control.tenants.createTenant({ tenantId, name: tenantId, externalId: `ext-${tenantId}-123`, createdAt: new Date().toISOString() });
  }
});
afterAll(async () => {
  delete process.env.PLATFORM_DYNAMODB_ENDPOINT;
  await dynamo.stop();
});

/** A GET /inventory of `tenantId` with the token `tokenId`. */
function inventoryRequest(tenantId: string, tokenId: string): APIGatewayProxyEvent {
  const event = apiEvent({ method: 'GET', resource: '/inventory', tenantId, permissions: 'reader' });
  return { ...event, requestContext: { ...event.requestContext, authorizer: { ...event.requestContext.authorizer, tokenId, principalId: tokenId } } };
}

const statuses = (responses: APIGatewayProxyResult[]) => responses.map((r) => r.statusCode);

describe('per-token API rate limit', () => {
  it("answers one token's flood 429 with Retry-After in the error shape, and never delays or refuses another tenant", async () => {
    // GIVEN the inventory routes with a limit of 10 requests per second per token, in one shared second
    const nowMs = Date.parse('2026-12-03T16:00:00.100Z');
    const rateLimit = new TokenRateLimiter(new DynamoRateCounter(dynamo.documentClient, dynamo.controlTable, 'api'), 10, () => new Date(nowMs));
    const handler = apiHandler(
      inventoryRoutes({ accounts: control.accounts, ...dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable), findings: new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable) }),
      silentLogger,
      { rateLimit },
    );
    // WHEN the flooder's token sends 100 requests (10× its limit) while the quiet tenant's token sends 10
    const [flood, quiet] = await Promise.all([
      Promise.all(Array.from({ length: 100 }, () => handler(inventoryRequest('flooder', 'tok-flood')))),
      Promise.all(Array.from({ length: 10 }, () => handler(inventoryRequest('quiet', 'tok-quiet')))),
    ]);
    // THEN exactly 10 of the flood are served and 90 are 429 with Retry-After and the API's error body
    expect(statuses(flood).filter((s) => s === 200)).toHaveLength(10);
    const refused = flood.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(90);
    for (const r of refused) {
      expect(r.headers).toMatchObject({ 'Retry-After': '1' });
      expect(ErrorBody.parse(bodyOf(r))).toEqual({ error: { code: 'TooManyRequests', message: expect.stringContaining('limit') } });
    }
    // AND every request of the other tenant is served
    expect(statuses(quiet)).toEqual(Array(10).fill(200));
  });

  it.each([
    ['tokens-api', { method: 'GET', resource: '/tokens', permissions: 'admin' }],
    ['inventory-api', { method: 'GET', resource: '/inventory', permissions: 'reader' }],
    ['accounts-api', { method: 'GET', resource: '/data-sources/aws/accounts', permissions: 'reader' }],
    ['ingestions-api', { method: 'GET', resource: '/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}', permissions: 'reader', pathParameters: { accountId: '111122223333', ingestionId: 'ing-1' } }],
    ['template-api', { method: 'GET', resource: '/data-sources/aws/template', permissions: 'admin' }],
  ] as const)('%s, as deployed, limits each token to the default per-second rate', async (handlerName, request) => {
    // GIVEN the real handler module wired from its environment to dynalite
    Object.assign(process.env, {
      PLATFORM_DYNAMODB_ENDPOINT: dynamo.endpoint,
      CONTROL_TABLE_NAME: dynamo.controlTable,
      INVENTORY_TABLE_NAME: dynamo.inventoryTable,
      CRAWL_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:crawl',
      HEALTH_CHECK_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:health-check-runs',
      PLATFORM_ACCESS_ROLE_ARN: 'arn:aws:iam::000000000000:role/platform',
    });
    let handler!: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
    jest.isolateModules(() => {
      handler = require(`../../../lambdas/handlers/${handlerName}`).handler;
    });
    const event = apiEvent({ ...request, tenantId: 'flooder' });
    const tokenId = `tok-${handlerName}`;
    const withToken = { ...event, requestContext: { ...event.requestContext, authorizer: { ...event.requestContext.authorizer, tokenId, principalId: tokenId } } };
    // WHEN one token sends three times the default limit at once (within about a second: not all can be served)
    const responses = await Promise.all(Array.from({ length: DEFAULT_API_REQUESTS_PER_SECOND * 3 }, () => handler(withToken)));
    // THEN some are refused with 429 and Retry-After; none is a 5xx
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.headers).toMatchObject({ 'Retry-After': '1' });
    expect(responses.filter((r) => r.statusCode >= 500)).toEqual([]);
  });
});
