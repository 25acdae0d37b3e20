/**
 * An authorizer that fails (throws, times out, or answers something unusable) is API Gateway's AUTHORIZER_FAILURE /
 * AUTHORIZER_CONFIGURATION_ERROR: with the backend's own gateway responses (synthesized from lib/), the local gateway
 * answers 503 with Retry-After, never a 401 (which would deauthorize a customer's EventBridge connection) or a 500.
 */
import { readBackendTemplate } from '../../../local/backend-template';
import { startLocalApiGateway, type LocalApiGateway } from '../../../local/local-api-gateway';
import { synthesizeBackendTemplate } from '../../../local/synthesized-backend';

jest.setTimeout(120_000);

let gateway: LocalApiGateway;
let authorizerAnswer: () => Promise<unknown>;

beforeAll(async () => {
  // GIVEN the local gateway built from the backend the local runtime synthesizes, whose authorizer fails as each test says
  const backend = readBackendTemplate(synthesizeBackendTemplate());
  gateway = await startLocalApiGateway({
    routes: backend.routes,
    authorizer: backend.authorizer,
    gatewayResponses: backend.gatewayResponses,
    stage: 'v1',
    port: 0,
    onError: () => undefined,
    invoke: async (handlerName) => {
      if (handlerName === backend.authorizer.handlerName) return authorizerAnswer();
      return { statusCode: 200, body: '{}' };
    },
  });
});
afterAll(async () => gateway?.stop());

const call = (path: string, method = 'GET') =>
  fetch(`${gateway.url}${path}`, { method, headers: { 'X-API-Key': 'aqg_tok_secret', 'Content-Type': 'application/json' }, ...(method === 'POST' && { body: '{}' }) });

describe.each([
  ['throws', () => Promise.reject(new Error('DynamoDB is unreachable'))],
  ['answers an unusable policy', () => Promise.resolve({ principalId: 'x' })],
])('when the authorizer %s', (_what, answer) => {
  it.each([
    ['GET', '/inventory'],
    ['POST', '/data-sources/aws/events'],
  ])('%s %s is a 503 with Retry-After in the API error shape', async (method, path) => {
    authorizerAnswer = answer;
    const response = await call(path, method);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { code: 'ServiceUnavailable', message: expect.stringContaining('Retry-After') } });
  });
});
