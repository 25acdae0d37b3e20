import { request } from 'node:http';
import { startLocalApiGateway } from '../../../local/local-api-gateway';

// The Host header is the client's to choose: it must never become the URL the platform hands out (templates, OpenAPI).
it('the local gateway names its own address as domainName, whatever Host the client sends', async () => {
  const seen: unknown[] = [];
  const gateway = await startLocalApiGateway({
    routes: [{ httpMethod: 'GET', resourcePath: '/openapi.json', authorizationType: 'NONE', handlerName: 'openapi' }],
    authorizer: { handlerName: 'authorizer', type: 'REQUEST', identityHeaders: ['X-API-Key'], resultTtlSeconds: 0 },
    gatewayResponses: {},
    stage: 'v1',
    port: 0,
    invoke: async (_name, event) => {
      seen.push(event);
      return { statusCode: 200, body: '{}' };
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: gateway.port, path: '/v1/openapi.json', headers: { Host: 'evil.example.com' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    expect((seen[0] as { requestContext: { domainName: string } }).requestContext.domainName).toBe(`127.0.0.1:${gateway.port}`);
  } finally {
    await gateway.stop();
  }
});
