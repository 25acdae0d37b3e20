import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './backend-template';
import type { RouteMatch } from './api-routes';

export const LOCAL_API_ID = 'aqglocal';

/** One HTTP request as the local API received it. */
export interface IncomingApiRequest {
  readonly httpMethod: string;
  /** Path below the stage, e.g. `/inventory/abc` (percent-encoded as received). */
  readonly path: string;
  readonly stage: string;
  /** Raw header pairs in the client's spelling (node's `rawHeaders`, flattened). */
  readonly rawHeaders: readonly string[];
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly domainName: string;
  readonly requestId?: string;
  readonly now?: Date;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `09/Apr/2015:12:34:56 +0000`, API Gateway's requestTime format. */
function requestTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>` with the request's actual path. */
export function methodArn(request: IncomingApiRequest): string {
  return `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${LOCAL_API_ID}/${request.stage}/${request.httpMethod}/${request.path.replace(/^\//, '')}`;
}

/** Single- and multi-value headers the way API Gateway passes them: client spelling, last value wins in `headers`. */
export function requestHeaders(request: IncomingApiRequest) {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    headers[existing] = value;
    (multiValueHeaders[existing] ??= []).push(value);
  };
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) add(request.rawHeaders[i], request.rawHeaders[i + 1]);
  // Headers API Gateway adds in front of every integration.
  add('X-Forwarded-For', request.sourceIp);
  add('X-Forwarded-Proto', 'http');
  add('X-Amzn-Trace-Id', `Root=1-${Math.floor((request.now ?? new Date()).getTime() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`);
  return { headers, multiValueHeaders };
}

function queryParameters(query: URLSearchParams) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of query) {
    single[k] = v;
    (multi[k] ??= []).push(v);
  }
  const empty = Object.keys(single).length === 0;
  // API Gateway sends null, not {}, when there are none.
  return { queryStringParameters: empty ? null : single, multiValueQueryStringParameters: empty ? null : multi };
}

function requestContext(request: IncomingApiRequest, match: RouteMatch, requestId: string) {
  const now = request.now ?? new Date();
  let userAgent: string | null = null;
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i].toLowerCase() === 'user-agent') userAgent = request.rawHeaders[i + 1];
  }
  return {
    accountId: LOCAL_ACCOUNT,
    apiId: LOCAL_API_ID,
    domainName: request.domainName,
    domainPrefix: request.domainName.split('.')[0],
    extendedRequestId: requestId,
    httpMethod: request.httpMethod,
    identity: {
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp,
      user: null,
      userAgent,
      userArn: null,
    },
    path: `/${request.stage}${request.path}`,
    protocol: 'HTTP/1.1',
    requestId,
    requestTime: requestTime(now),
    requestTimeEpoch: now.getTime(),
    resourceId: match.route.resourcePath,
    resourcePath: match.route.resourcePath,
    stage: request.stage,
  };
}

/** The REQUEST authorizer's event. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html */
export function authorizerEvent(request: IncomingApiRequest, match: RouteMatch, requestId: string): APIGatewayRequestAuthorizerEvent {
  return { type: 'REQUEST', methodArn: methodArn(request), ...requestFields(request, match, requestId) } as unknown as APIGatewayRequestAuthorizerEvent;
}

/** What the authorizer's event and the proxy event share. */
function requestFields(request: IncomingApiRequest, match: RouteMatch, requestId: string) {
  return {
    resource: match.route.resourcePath,
    path: request.path,
    httpMethod: request.httpMethod,
    ...requestHeaders(request),
    ...queryParameters(request.query),
    pathParameters: match.pathParameters,
    stageVariables: null,
    requestContext: requestContext(request, match, requestId),
  };
}

/**
 * The Lambda proxy integration event, built as API Gateway builds it (REST API, payload 1.0): `null` for absent
 * query/path parameters and stage variables, the body as text (no binary media types are configured), the
 * authorizer's context (values as strings) plus `principalId` under `requestContext.authorizer`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function proxyEvent(
  request: IncomingApiRequest,
  match: RouteMatch,
  authorizer: Record<string, string> | null,
  requestId: string = request.requestId ?? randomUUID(),
): APIGatewayProxyEvent {
  const fields = requestFields(request, match, requestId);
  return {
    ...fields,
    requestContext: { ...fields.requestContext, authorizer },
    body: request.body.length > 0 ? request.body.toString('utf8') : null,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEvent;
}
