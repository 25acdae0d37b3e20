import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuditLog } from '../../../lambdas/auth/audit-log';
import { issueToken } from '../../../lambdas/auth/issue-token';
import type { TokenStore } from '../../../lambdas/control/token-store';

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
  /** The presented X-API-Key and the token id the authorizer put in the context. @default none, and `tok` */
  apiKey?: string;
  tokenId?: string;
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
    headers: { 'Content-Type': 'application/json', ...(input.apiKey !== undefined && { 'X-API-Key': input.apiKey }) },
    multiValueHeaders: {},
    body: input.rawBody ?? (input.body === undefined ? null : JSON.stringify(input.body)),
    isBase64Encoded: false,
    stageVariables: null,
    requestContext: {
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      stage: 'v1',
      authorizer: input.noAuthorizer
        ? null
        : { tenantId: input.tenantId ?? 'tenant-a', tokenId: input.tokenId ?? 'tok', permissions: input.permissions ?? 'admin,reader', principalId: input.tokenId ?? 'tok' },
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

export const silentLogger = { error: () => undefined };

/**
 * A stored admin token of the tenant, as `apiEvent` options: the token routes read their caller's token again
 * (lambdas/api/tokens-routes.ts), so their callers must present a real one.
 */
export async function adminCaller(tokens: Pick<TokenStore, 'putToken' | 'revokeToken'>, audit: Pick<AuditLog, 'append'>, tenantId: string) {
  const { token, secret } = await issueToken(tokens, audit, { tenantId, name: 'test admin', permissions: ['admin'], createdBy: 'admin-cli', now: new Date() });
  return { tenantId, apiKey: secret, tokenId: token.tokenId };
}

export function bodyOf(result: { body: string }): Record<string, unknown> & { error?: { code: string; message: string; field?: string } } {
  return JSON.parse(result.body);
}
