import type { APIGatewayProxyEvent } from 'aws-lambda';

/** A REST API proxy event as API Gateway builds it after our authorizer (context values are strings). */
export function apiEvent(input: {
  method: string;
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  tenantId?: string;
  permissions?: string;
  noAuthorizer?: boolean;
}): APIGatewayProxyEvent {
  let path = input.resource;
  for (const [k, v] of Object.entries(input.pathParameters ?? {})) path = path.replace(`{${k}}`, v);
  return {
    httpMethod: input.method,
    resource: input.resource,
    path,
    pathParameters: input.pathParameters ?? null,
    queryStringParameters: input.query ?? null,
    multiValueQueryStringParameters: null,
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    body: input.rawBody ?? (input.body === undefined ? null : JSON.stringify(input.body)),
    isBase64Encoded: false,
    stageVariables: null,
    requestContext: {
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      stage: 'v1',
      authorizer: input.noAuthorizer
        ? null
        : { tenantId: input.tenantId ?? 'tenant-a', tokenId: 'tok', permissions: input.permissions ?? 'admin,reader', principalId: 'tok' },
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

export const silentLogger = { error: () => undefined };

export function bodyOf(result: { body: string }): Record<string, unknown> & { error?: { code: string; message: string; field?: string } } {
  return JSON.parse(result.body);
}
