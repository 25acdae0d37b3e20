import { formatArn, parseArn } from '../shared/arn';
import type { APIGatewayAuthorizerResult, PolicyDocument, Statement } from 'aws-lambda';
import type { StoredToken } from '../control/control-model';
import { API_KEY_HEADER } from '../shared/protocol';
import { headerValue } from '../shared/http';
import { ROUTES, effectivePermissions, findRoute } from './route-permissions';
import { hashTokenSecret, hashesEqual, parseTokenSecret } from './token-secret';

/**
 * API Gateway answers 401 only when a Lambda authorizer fails with exactly the message "Unauthorized"
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html).
 * We throw it ONLY for a missing/unknown/revoked/expired token: a 401 deauthorizes the customer's EventBridge
 * connection (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection-deauthorize.html), so a transient fault must never produce it.
 */
export class UnauthorizedError extends Error {
  constructor() {
    super('Unauthorized');
    this.name = 'UnauthorizedError';
  }
}

/** The token store could not be read: API Gateway answers 500 (never 401). */
export class TokenLookupError extends Error {
  constructor(cause: unknown) {
    super('Token lookup failed', { cause });
    this.name = 'TokenLookupError';
  }
}

export interface AuthorizerRequest {
  readonly headers: Readonly<Record<string, string | undefined>> | null;
  readonly httpMethod: string;
  /** Resource path template, e.g. `/inventory/{assetId}`. */
  readonly resource: string;
  /** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>` */
  readonly methodArn: string;
}

export interface AuthorizerDeps {
  findTokenByHash(secretHash: string): Promise<StoredToken | undefined>;
  now(): Date;
}

export interface AuthorizerContext {
  readonly tenantId: string;
  readonly tokenId: string;
  /** Comma-separated effective permissions (API Gateway context values must be primitives). */
  readonly permissions: string;
}

export type AuthorizerDecision = APIGatewayAuthorizerResult & { context: AuthorizerContext };

/**
 * The stored token behind the presented X-API-Key, if it is valid now: known, same id, not revoked, not expired.
 * Throws UnauthorizedError otherwise, TokenLookupError when the store cannot answer.
 */
export async function verifyPresentedToken(headers: AuthorizerRequest['headers'], deps: AuthorizerDeps): Promise<StoredToken> {
  const secret = headerValue(headers, API_KEY_HEADER);
  const parsed = secret ? parseTokenSecret(secret) : undefined;
  if (!secret || !parsed) throw new UnauthorizedError();

  const presentedHash = hashTokenSecret(secret);
  let token: StoredToken | undefined;
  try {
    token = await deps.findTokenByHash(presentedHash);
  } catch (err) {
    throw new TokenLookupError(err);
  }
  if (!token || !hashesEqual(token.secretHash, presentedHash) || token.tokenId !== parsed.tokenId) {
    throw new UnauthorizedError();
  }
  if (token.revokedAt) throw new UnauthorizedError();
  if (token.expiresAt && Date.parse(token.expiresAt) <= deps.now().getTime()) throw new UnauthorizedError();
  return token;
}

export async function authorize(request: AuthorizerRequest, deps: AuthorizerDeps): Promise<AuthorizerDecision> {
  const token = await verifyPresentedToken(request.headers, deps);
  const permissions = effectivePermissions(token.permissions);
  const route = findRoute(request.httpMethod, request.resource);
  const allowedHere = route?.permission !== undefined && permissions.has(route.permission);

  return {
    principalId: token.tokenId,
    policyDocument: policyFor(request.methodArn, permissions, allowedHere),
    context: { tenantId: token.tenantId, tokenId: token.tokenId, permissions: [...permissions].sort().join(',') },
  };
}

/**
 * The result is cached per token (identity source X-API-Key), so the policy covers every route the token may call,
 * not just this one; the current route is denied explicitly when the token lacks its permission (→ 403).
 */
function policyFor(methodArn: string, permissions: ReadonlySet<string>, allowedHere: boolean): PolicyDocument {
  const [arnPrefix, apiPath] = splitMethodArn(methodArn);
  const [apiId, stage] = apiPath.split('/');
  const base = `${arnPrefix}${apiId}/${stage}`;
  const allowed = ROUTES.filter((r) => r.permission !== undefined && permissions.has(r.permission)).map(
    (r) => `${base}/${r.method}${r.path.replace(/\{[^}]+\}/g, '*')}`,
  );
  const statements: Statement[] = [];
  if (allowed.length > 0) statements.push({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: allowed });
  if (!allowedHere) statements.push({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: [methodArn] });
  return { Version: '2012-10-17', Statement: statements };
}

/** `arn:aws:execute-api:region:account:` and `apiId/stage/METHOD/path`. */
function splitMethodArn(methodArn: string): [string, string] {
  const arn = parseArn(methodArn);
  if (arn?.service !== 'execute-api') throw new Error(`Unexpected methodArn: ${methodArn}`);
  return [formatArn({ ...arn, resource: '' }), arn.resource];
}
