import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { API_KEY_HEADER, API_STAGE } from '../shared/protocol';
import { ErrorBody } from './response-schemas';
import { type ApiRoute, ROUTE_TABLE } from './route-table';

/** What each error status means, for every route that can answer it. */
const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad input; `field` names it',
  401: 'Missing, unknown, revoked or expired token (API Gateway’s answer)',
  403: 'The token lacks this route’s permission',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request body is too large',
  422: 'The request is well-formed but cannot be carried out',
  429: 'Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds',
  500: 'Internal error (generic body; details are logged)',
  503: 'Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds',
};

/** Statuses that tell the client when to come back (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
const RETRY_AFTER_HEADER = { 'Retry-After': { description: 'Seconds to wait before sending the request again', schema: { type: 'integer' as const, minimum: 1 } } };

/**
 * Every status a route can answer with an error body: its own (route table), bad input (400) when it takes any,
 * the authorizer's 401/403 when it needs a permission, API Gateway's 413 for a body and 429 when throttling, 500,
 * and 503 for every route behind the authorizer (each reads the platform's tables: lambdas/api/error-status.ts).
 */
export function errorStatuses(route: ApiRoute): number[] {
  const statuses = new Set<number>([429, 500]);
  const { query, params, body } = route.request;
  if (query || params || body) statuses.add(400);
  if (route.permission) [401, 403, 503].forEach((s) => statuses.add(s));
  if (body) statuses.add(413);
  for (const s of Object.keys(route.errors ?? {})) statuses.add(Number(s));
  return [...statuses].sort((a, b) => a - b);
}

const operationId = (route: ApiRoute) =>
  `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`;

function register(registry: OpenAPIRegistry, route: ApiRoute): void {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = { description: spec.description, content: { [spec.mediaType ?? 'application/json']: { schema: spec.schema } } };
  }
  const errors: Readonly<Record<number, string | undefined>> = route.errors ?? {};
  for (const status of errorStatuses(route)) {
    const description = status === 403 ? `The token lacks the ${route.permission} permission` : (errors[status] ?? ERROR_DESCRIPTIONS[status]);
    responses[status] = {
      description,
      ...(RETRY_AFTER_STATUSES.has(status) && { headers: RETRY_AFTER_HEADER }),
      content: { 'application/json': { schema: ErrorBody } },
    };
  }
  const { query, params, body } = route.request;
  registry.registerPath({
    method: route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete',
    path: route.path,
    operationId: operationId(route),
    summary: route.summary,
    security: route.permission ? [{ apiKey: [] }] : [],
    ...(route.permission && { 'x-aqg-permission': route.permission }),
    request: {
      ...(query && Object.keys(query.shape).length > 0 && { query }),
      ...(params && { params }),
      ...(body && { body: { required: true, content: { 'application/json': { schema: body } } } }),
    },
    responses,
  });
}

/**
 * The OpenAPI 3.1 document of the API, generated from the route table's zod schemas: the same ones that validate
 * requests, and that the end-to-end tests check every answer against.
 */
export function buildOpenApiDocument(serverUrl?: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: API_KEY_HEADER });
  for (const route of ROUTE_TABLE) register(registry, route);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'AQtive Guard AWS integration API',
      version: '1.0.0',
      description:
        `Every route but GET /openapi.json needs the ${API_KEY_HEADER} header. Permissions: admin (includes reader), ` +
        'reader, uploader (posts events only). Authorizer results are not cached by default ' +
        '(AUTHORIZER_CACHE_TTL_SECONDS = 0): a revoked token stops working on its next request.',
    },
    servers: [{ url: serverUrl ?? `/${API_STAGE}` }],
    security: [{ apiKey: [] }],
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
