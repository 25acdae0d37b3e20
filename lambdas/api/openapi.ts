import { z } from 'zod';
import { ROUTES, type RouteSpec } from '../auth/route-permissions';
import { CbomQueryParams } from './cbom-query';
import { CBOM_MEDIA_TYPE } from '../cbom/cbom-media-type';
import { API_KEY_HEADER, API_STAGE, EVENTS_PATH } from '../shared/protocol';
import {
  AccountIdParam,
  AssetIdParam,
  CreateTokenBody,
  IngestionIdParam,
  InventoryQueryParams,
  LinkAccountBody,
  LinkAccountQuery,
  PatchAccountBody,
  TokenIdParam,
  UnlinkAccountQuery,
} from './schemas';

type Json = Record<string, unknown>;

interface Operation {
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodObject;
  readonly responses: Readonly<Record<number, string>>;
  /** Media type of the 2xx answer. @default application/json */
  readonly mediaType?: string;
}

const OPERATIONS: Readonly<Record<string, Operation>> = {
  'GET /openapi.json': { summary: 'This document', responses: { 200: 'The OpenAPI document' } },
  'POST /tokens': {
    summary: 'Create an API token; the secret is returned once and never again',
    body: CreateTokenBody,
    responses: { 201: '`{token, secret}`' },
  },
  'GET /tokens': { summary: 'List the tenant’s tokens (never their secrets)', responses: { 200: '`{items}`' } },
  'DELETE /tokens/{tokenId}': {
    summary: 'Revoke a token. Effective within the authorizer cache TTL (60 seconds by default).',
    responses: { 200: '`{token}` with revokedAt', 404: 'Unknown token' },
  },
  'GET /data-sources/aws/template': {
    summary: 'Download cloudformation-template.json pre-filled with this tenant’s ExternalId, principal and events endpoint',
    responses: { 200: 'The CloudFormation template (attachment)' },
  },
  'POST /data-sources/aws/accounts': {
    summary: 'Finish setup: assume the role with the tenant’s ExternalId, check its account, store the connection',
    body: LinkAccountBody,
    query: LinkAccountQuery,
    responses: { 201: 'Linked: `{account, ingestion?}`', 200: 'The account was linked before: updated', 422: 'The role could not be assumed; the message says what to check' },
  },
  'GET /data-sources/aws/accounts': { summary: 'List linked and unlinked accounts', responses: { 200: '`{items}`' } },
  'GET /data-sources/aws/accounts/{accountId}': {
    summary: 'Account details: role, status, regions, last ingestion, last event and template version per region, event counters',
    responses: { 200: '`{account}`', 404: 'Unknown account' },
  },
  'PATCH /data-sources/aws/accounts/{accountId}': {
    summary: 'Edit the role ARN (verified again) and/or the regions',
    body: PatchAccountBody,
    responses: { 200: '`{account}`', 404: 'Unknown account', 422: 'The new role could not be assumed' },
  },
  'DELETE /data-sources/aws/accounts/{accountId}': {
    summary:
      'Unlink: stop crawling and applying its events (they are still answered 2xx and dropped). purge=true deletes its inventory; otherwise assets are kept and marked unlinkedAt.',
    query: UnlinkAccountQuery,
    responses: { 200: '`{account, assetsPurged?|assetsMarked?}`', 404: 'Unknown account' },
  },
  'POST /data-sources/aws/accounts/{accountId}/ingestions': {
    summary: 'Start now: start an ingestion of the account',
    responses: { 202: '`{ingestionId, status}`', 404: 'Unknown account', 409: 'An ingestion is already running, or the account is unlinked' },
  },
  'GET /data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}': {
    summary: 'Ingestion status (RUNNING | SUCCEEDED | PARTIAL | FAILED), per (region, service) outcome, counts, errors',
    responses: { 200: '`{ingestion}`', 404: 'Unknown ingestion' },
  },
  'GET /inventory': {
    summary: 'List assets, filtered; page with `cursor` while `nextCursor` is not null (a page may be short)',
    query: InventoryQueryParams,
    responses: { 200: '`{items, nextCursor}`' },
  },
  'GET /inventory/cbom': {
    summary:
      'The inventory (optionally filtered by type, region, accountId) as a CycloneDX 1.6 CBOM. Bounded to one response: a 422 ExportTooLarge asks to narrow the filters.',
    query: CbomQueryParams,
    responses: { 200: 'CycloneDX 1.6 JSON (`application/vnd.cyclonedx+json; version=1.6`)', 422: 'Too many assets for one export: narrow the filters' },
    mediaType: CBOM_MEDIA_TYPE,
  },
  'GET /inventory/{assetId}': {
    summary: 'One asset with its relations, usages and recent changes',
    responses: { 200: '`{asset, usages, history}`', 404: 'Unknown asset' },
  },
  [`POST ${EVENTS_PATH}`]: {
    summary:
      'CloudTrail events from the customer’s EventBridge API destination (uploader). 401 only for an unknown or revoked token.',
    responses: { 202: 'Accepted (queued durably)' },
  },
};

const PATH_PARAMS: Readonly<Record<string, z.ZodType>> = {
  accountId: AccountIdParam,
  ingestionId: IngestionIdParam,
  tokenId: TokenIdParam,
  assetId: AssetIdParam,
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string', description: 'The offending input field (400 only)' },
      },
    },
  },
} as const;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

function operation(route: RouteSpec, op: Operation): Json {
  const parameters: Json[] = [];
  for (const [, name] of route.path.matchAll(/\{([^}]+)\}/g)) {
    parameters.push({ name, in: 'path', required: true, schema: jsonSchema(PATH_PARAMS[name] ?? z.string()) });
  }
  if (op.query) {
    for (const [name, schema] of Object.entries(op.query.shape)) {
      parameters.push({ name, in: 'query', required: false, schema: jsonSchema(schema as z.ZodType) });
    }
  }
  const responses: Json = {};
  for (const [status, description] of Object.entries(op.responses)) {
    const mediaType = status.startsWith('2') ? (op.mediaType ?? 'application/json') : 'application/json';
    responses[status] = { description, content: { [mediaType]: { schema: { type: 'object' } } } };
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  if (op.body || parameters.length > 0) responses['400'] ??= error('Bad input; `field` names it');
  if (route.permission) {
    responses['401'] = { description: 'Missing, unknown, revoked or expired token' };
    responses['403'] = { description: `The token lacks the ${route.permission} permission` };
  }
  responses['500'] = error('Internal error (generic body; details are logged)');
  return {
    summary: op.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(route.permission ? { security: [{ apiKey: [] }], 'x-aqg-permission': route.permission } : { security: [] }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }),
    responses,
  };
}

/** The OpenAPI 3 document of the API, built from the route table and the request schemas the handlers use. */
export function buildOpenApiDocument(serverUrl?: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const op = OPERATIONS[`${route.method} ${route.path}`];
    if (!op) throw new Error(`No OpenAPI operation for ${route.method} ${route.path}`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, op);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'AQtive Guard AWS integration API',
      version: '1.0.0',
      description:
        `Every route but GET /openapi.json needs the ${API_KEY_HEADER} header. Permissions: admin (includes reader), ` +
        'reader, uploader (posts events only). Authorizer results are cached for 60 seconds by default ' +
        '(AUTHORIZER_CACHE_TTL_SECONDS): a revoked token stops working within that time.',
    },
    servers: [{ url: serverUrl ?? `/${API_STAGE}` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: API_KEY_HEADER } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
