import { z } from 'zod';
import { CbomQueryParams } from './cbom-query';
import { CBOM_MEDIA_TYPE } from '../cbom/cbom-media-type';
import type { Permission } from '../control/control-model';
import { eventEnvelopeSchema } from '../events/envelope';
import { EVENTS_PATH } from '../shared/protocol';
import {
  FindingIdParam,
  FindingResponse,
  FindingsListBody,
  FindingsQueryParams,
  FindingsSummaryBody,
  FindingsSummaryQuery,
  RuleCatalogueBody,
  ScopedSuppressionList,
  ScopedSuppressionRequest,
  ScopedSuppressionResponse,
  SuppressionBody,
  SuppressionIdParam,
} from './findings-schemas';
import { HealthCheckRun, HealthCheckRunIdParam, HealthHistoryPage, HealthHistoryQuery } from './health-schemas';
import {
  AcceptedEvent,
  AccountDetailsResponse,
  AccountList,
  AccountResponse,
  AssetDetailsResponse,
  AuditPage,
  CbomDocument,
  CloudFormationTemplate,
  CreatedToken,
  IngestionList,
  IngestionResponse,
  InventoryPage,
  LinkAccountResponse,
  OpenApiDocumentBody,
  PipelineHealth,
  StartedIngestion,
  TokenList,
  TokenResponse,
  UnlinkAccountResponse,
} from './response-schemas';
import {
  AccountIdParam,
  AssetIdParam,
  AuditLogQuery,
  CreateTokenBody,
  EmptyQuery,
  IngestionIdParam,
  IngestionListQuery,
  InventoryQueryParams,
  LinkAccountBody,
  LinkAccountQuery,
  PatchAccountBody,
  TokenIdParam,
  UnlinkAccountQuery,
} from './schemas';

/**
 * THE list of API routes. API Gateway's resources and methods (lib/constructs/platform-api.ts), the authorizer's
 * permission check (lambdas/auth/route-permissions.ts), request validation and dispatch in each function
 * (lambdas/api/api-handler.ts), the OpenAPI document (lambdas/api/openapi.ts) and so the local gateway (which reads
 * the synthesized template) all come from it. It names functions by handler file, never imports them, so CDK code
 * can import it cheaply.
 */

/** Files in lambdas/handlers/ that serve API routes. */
export type ApiFunctionName = 'openapi-api' | 'tokens-api' | 'template-api' | 'accounts-api' | 'ingestions-api' | 'inventory-api' | 'findings-api' | 'events-intake';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Error statuses a handler itself answers beyond those every route has (API Gateway's 401, 403, 413; the per-token
 * 429 with Retry-After of lambdas/api/api-handler.ts; 503) — added by lambdas/api/openapi.ts from the route's shape.
 */
export type RouteErrorStatus = 400 | 404 | 409 | 413 | 422 | 503;

export interface ApiResponseSpec {
  readonly description: string;
  readonly schema: z.ZodType;
  /** @default application/json */
  readonly mediaType?: string;
}

export interface ApiRoute {
  readonly method: HttpMethod;
  /** API Gateway resource path below the stage, e.g. `/inventory/{assetId}`. */
  readonly path: string;
  /** undefined = public: no authorizer. */
  readonly permission?: Permission;
  readonly function: ApiFunctionName;
  readonly summary: string;
  /** Validated in this order (query, path, body) before the route's handler runs: the first bad field is named. */
  readonly request: {
    readonly query?: z.ZodObject;
    readonly params?: z.ZodObject;
    readonly body?: z.ZodType;
  };
  /** Success answers by status. */
  readonly responses: Readonly<Partial<Record<200 | 201 | 202, ApiResponseSpec>>>;
  /** The error answers this route's handler gives besides 400 (bad input) and 500, with what they mean here. */
  readonly errors?: Readonly<Partial<Record<RouteErrorStatus, string>>>;
}

const json = (description: string, schema: z.ZodType): ApiResponseSpec => ({ description, schema });
const ACCOUNT = '/data-sources/aws/accounts/{accountId}';

export const ROUTE_TABLE = [
  {
    method: 'GET',
    path: '/openapi.json',
    function: 'openapi-api',
    summary: 'This document',
    request: {},
    responses: { 200: json('The OpenAPI document', OpenApiDocumentBody) },
  },
  {
    method: 'POST',
    path: '/tokens',
    permission: 'admin',
    function: 'tokens-api',
    summary: 'Create an API token; the secret is returned once and never again',
    request: { query: EmptyQuery, body: CreateTokenBody },
    responses: { 201: json('The token and its secret', CreatedToken) },
  },
  {
    method: 'GET',
    path: '/tokens',
    permission: 'admin',
    function: 'tokens-api',
    summary: 'List the tenant’s tokens (never their secrets)',
    request: { query: EmptyQuery },
    responses: { 200: json('The tenant’s tokens', TokenList) },
  },
  {
    method: 'DELETE',
    path: '/tokens/{tokenId}',
    permission: 'admin',
    function: 'tokens-api',
    summary: 'Revoke a token. Effective on the next request (the authorizer decision is not cached).',
    request: { query: EmptyQuery, params: z.object({ tokenId: TokenIdParam }) },
    responses: { 200: json('The token with revokedAt', TokenResponse) },
    errors: { 404: 'Unknown token' },
  },
  {
    method: 'GET',
    path: '/audit-log',
    permission: 'admin',
    function: 'tokens-api',
    summary: 'Token creations and revocations of this tenant, newest first: who (token id), what, when',
    request: { query: AuditLogQuery },
    responses: { 200: json('A page of the audit log', AuditPage) },
  },
  {
    method: 'GET',
    path: '/data-sources/aws/template',
    permission: 'admin',
    function: 'template-api',
    summary: 'Download cloudformation-template.json pre-filled with this tenant’s ExternalId, principal and events endpoint',
    request: { query: EmptyQuery },
    responses: { 200: json('The CloudFormation template (attachment)', CloudFormationTemplate) },
  },
  {
    method: 'POST',
    path: '/data-sources/aws/accounts',
    permission: 'admin',
    function: 'accounts-api',
    summary: 'Finish setup: assume the role with the tenant’s ExternalId, check its account, store the connection',
    request: { query: LinkAccountQuery, body: LinkAccountBody },
    responses: {
      201: json('Linked', LinkAccountResponse),
      200: json('The account was linked before: updated', LinkAccountResponse),
    },
    errors: {
      409: 'startNow=true and an ingestion is already running',
      422: 'The role could not be assumed or belongs to another account; the message says what to check',
    },
  },
  {
    method: 'GET',
    path: '/data-sources/aws/accounts',
    permission: 'reader',
    function: 'accounts-api',
    summary: 'List linked and unlinked accounts',
    request: { query: EmptyQuery },
    responses: { 200: json('The tenant’s accounts', AccountList) },
  },
  {
    method: 'GET',
    path: ACCOUNT,
    permission: 'reader',
    function: 'accounts-api',
    summary: 'Account details: role, status, regions, last ingestion, last event and template version per region, event counters',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam }) },
    responses: { 200: json('The account', AccountDetailsResponse) },
    errors: { 404: 'Unknown account' },
  },
  {
    method: 'PATCH',
    path: ACCOUNT,
    permission: 'admin',
    function: 'accounts-api',
    summary: 'Edit the role ARN (verified again), the regions and/or a custom setup’s EventBridge names (pipelineNames) the health checks use',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam }), body: PatchAccountBody },
    responses: { 200: json('The edited account', AccountResponse) },
    errors: { 404: 'Unknown account', 422: 'The new role could not be assumed or belongs to another account' },
  },
  {
    method: 'DELETE',
    path: ACCOUNT,
    permission: 'admin',
    function: 'accounts-api',
    summary:
      'Unlink: stop crawling and applying its events (they are still answered 2xx and dropped). purge=true deletes its inventory; otherwise assets are kept and marked unlinkedAt.',
    request: { query: UnlinkAccountQuery, params: z.object({ accountId: AccountIdParam }) },
    responses: { 200: json('The unlinked account and what happened to its assets', UnlinkAccountResponse) },
    errors: { 404: 'Unknown account' },
  },
  {
    method: 'GET',
    path: `${ACCOUNT}/health`,
    permission: 'reader',
    function: 'accounts-api',
    summary:
      'Pipeline health at the last check, per region: rule, target, API destination, connection and delivery, each pass | warn | fail | unknown with what was observed and the remedy',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam }) },
    responses: { 200: json('The last health check (status unknown and no regions before the first)', PipelineHealth) },
    errors: { 404: 'Unknown account' },
  },
  {
    method: 'GET',
    path: `${ACCOUNT}/health/history`,
    permission: 'reader',
    function: 'accounts-api',
    summary: 'When regions turned failing and recovered, newest first, with the checks that failed',
    request: { query: HealthHistoryQuery, params: z.object({ accountId: AccountIdParam }) },
    responses: { 200: json('A page of the account’s pipeline history', HealthHistoryPage) },
    errors: { 404: 'Unknown account' },
  },
  {
    method: 'POST',
    path: `${ACCOUNT}/health-checks`,
    permission: 'admin',
    function: 'accounts-api',
    summary:
      'Run the pipeline health checks now, through the account’s role, in every region of the data source: the result if it comes within 20 seconds, else 202 and the run to poll (Location)',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam }), body: z.strictObject({}) },
    responses: {
      200: json('The result, also stored as the latest; Location names the run', PipelineHealth),
      202: json('Still running: poll GET …/health-checks/{runId} (Location)', HealthCheckRun),
    },
    errors: { 404: 'Unknown account', 503: 'The checks failed (the run, at Location, says why); try again' },
  },
  {
    method: 'GET',
    path: `${ACCOUNT}/health-checks/{runId}`,
    permission: 'reader',
    function: 'accounts-api',
    summary: 'One on-demand health check run: RUNNING, SUCCEEDED with the result, or FAILED with why (never left running past its time limit)',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam, runId: HealthCheckRunIdParam }) },
    responses: { 200: json('The run', HealthCheckRun) },
    errors: { 404: 'Unknown account or run' },
  },
  {
    method: 'POST',
    path: `${ACCOUNT}/ingestions`,
    permission: 'admin',
    function: 'ingestions-api',
    summary: 'Start now: start an ingestion of the account',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam }), body: z.strictObject({}) },
    responses: { 202: json('Started; Location names the ingestion', StartedIngestion) },
    errors: { 404: 'Unknown account', 409: 'An ingestion is already running, or the account is unlinked' },
  },
  {
    method: 'GET',
    path: `${ACCOUNT}/ingestions`,
    permission: 'reader',
    function: 'ingestions-api',
    summary: 'Ingestion history: the account’s runs, newest first (status, start and end, counts, errors); page with `cursor` while `nextCursor` is not null',
    request: { query: IngestionListQuery, params: z.object({ accountId: AccountIdParam }) },
    responses: { 200: json('One page of runs', IngestionList) },
    errors: { 404: 'Unknown account' },
  },
  {
    method: 'GET',
    path: `${ACCOUNT}/ingestions/{ingestionId}`,
    permission: 'reader',
    function: 'ingestions-api',
    summary: 'Ingestion status (RUNNING | SUCCEEDED | PARTIAL | FAILED), per (region, service) outcome, counts, errors',
    request: { query: EmptyQuery, params: z.object({ accountId: AccountIdParam, ingestionId: IngestionIdParam }) },
    responses: { 200: json('The ingestion with its parts', IngestionResponse) },
    errors: { 404: 'Unknown account or ingestion' },
  },
  {
    method: 'GET',
    path: '/inventory',
    permission: 'reader',
    function: 'inventory-api',
    summary: 'List assets, filtered; page with `cursor` while `nextCursor` is not null (a page may be short)',
    request: { query: InventoryQueryParams },
    responses: { 200: json('One page of assets', InventoryPage) },
  },
  {
    method: 'GET',
    path: '/inventory/cbom',
    permission: 'reader',
    function: 'inventory-api',
    summary:
      'The inventory (optionally filtered by type, region, accountId) as a CycloneDX 1.6 CBOM. Bounded to one response: a 422 ExportTooLarge asks to narrow the filters.',
    request: { query: CbomQueryParams },
    responses: { 200: { description: 'CycloneDX 1.6 JSON', schema: CbomDocument, mediaType: CBOM_MEDIA_TYPE } },
    errors: { 422: 'Too many assets for one export: narrow the filters' },
  },
  {
    method: 'GET',
    path: '/inventory/{assetId}',
    permission: 'reader',
    function: 'inventory-api',
    summary: 'One asset with its relations, usages and recent changes',
    request: { query: EmptyQuery, params: z.object({ assetId: AssetIdParam }) },
    responses: { 200: json('The asset, its usages and its history', AssetDetailsResponse) },
    errors: { 404: 'Unknown asset' },
  },
  {
    method: 'GET',
    path: '/findings',
    permission: 'reader',
    function: 'findings-api',
    summary:
      'List findings, most urgent first (severity, then due date), filtered; page with `cursor` while `nextCursor` is not null. format=sarif answers a SARIF 2.1.0 log of the page.',
    request: { query: FindingsQueryParams },
    responses: { 200: json('One page of findings, or a SARIF 2.1.0 log (format=sarif)', FindingsListBody) },
  },
  {
    method: 'GET',
    path: '/findings/rules',
    permission: 'reader',
    function: 'findings-api',
    summary: 'The rule catalogue: ids, severities and their criteria, exclusions, remediation, compliance references, profiles',
    request: { query: EmptyQuery },
    responses: { 200: json('The catalogue', RuleCatalogueBody) },
  },
  {
    method: 'GET',
    path: '/findings/summary',
    permission: 'reader',
    function: 'findings-api',
    summary: 'Open findings by severity, rule and account; certificate expiry timeline; quantum-vulnerable share; the three most urgent',
    request: { query: FindingsSummaryQuery },
    responses: { 200: json('The summary', FindingsSummaryBody) },
  },
  {
    method: 'GET',
    path: '/findings/{findingId}',
    permission: 'reader',
    function: 'findings-api',
    summary: 'One finding, whatever its status: evidence, blast radius, remediation, compliance references, suppression',
    request: { query: EmptyQuery, params: z.object({ findingId: FindingIdParam }) },
    responses: { 200: json('The finding', FindingResponse) },
    errors: { 404: 'Unknown finding' },
  },
  {
    method: 'POST',
    path: '/findings/{findingId}/suppressions',
    permission: 'admin',
    function: 'findings-api',
    summary: 'Suppress one open finding with a reason and an optional expiry (recorded with the token and time); it reopens when the expiry passes',
    request: { query: EmptyQuery, params: z.object({ findingId: FindingIdParam }), body: SuppressionBody },
    responses: { 200: json('The suppressed finding', FindingResponse) },
    errors: { 404: 'Unknown finding' },
  },
  {
    method: 'DELETE',
    path: '/findings/{findingId}/suppressions',
    permission: 'admin',
    function: 'findings-api',
    summary: 'Lift the finding’s suppression: it is open again',
    request: { query: EmptyQuery, params: z.object({ findingId: FindingIdParam }) },
    responses: { 200: json('The finding', FindingResponse) },
    errors: { 404: 'Unknown finding' },
  },
  {
    method: 'POST',
    path: '/findings/suppressions',
    permission: 'admin',
    function: 'findings-api',
    summary:
      'Suppress a rule for one account or for every asset with a tag (key=value), with a reason and an optional expiry (recorded with the token and time): its matching findings become suppressed now and at every evaluation, until it is lifted or expires',
    request: { query: EmptyQuery, body: ScopedSuppressionRequest },
    responses: { 201: json('The suppression, and how many stored findings it suppressed', ScopedSuppressionResponse) },
  },
  {
    method: 'GET',
    path: '/findings/suppressions',
    permission: 'reader',
    function: 'findings-api',
    summary: 'The tenant’s rule × account / tag suppressions, oldest first; expired ones stay listed (active false) for 90 days',
    request: { query: EmptyQuery },
    responses: { 200: json('The suppressions', ScopedSuppressionList) },
  },
  {
    method: 'DELETE',
    path: '/findings/suppressions/{suppressionId}',
    permission: 'admin',
    function: 'findings-api',
    summary: 'Lift a rule × account / tag suppression: the findings it suppressed are open again (unless another suppression holds)',
    request: { query: EmptyQuery, params: z.object({ suppressionId: SuppressionIdParam }) },
    responses: { 200: json('The lifted suppression, and how many stored findings reopened', ScopedSuppressionResponse) },
    errors: { 404: 'Unknown suppression' },
  },
  {
    method: 'POST',
    path: EVENTS_PATH,
    permission: 'uploader',
    function: 'events-intake',
    summary: 'CloudTrail events from the customer’s EventBridge API destination (uploader). 401 only for an unknown or revoked token.',
    request: { body: eventEnvelopeSchema },
    responses: { 202: json('Accepted (queued durably)', AcceptedEvent) },
    errors: {
      413: 'The event is larger than 1 MiB',
      503: 'The event could not be queued; EventBridge retries',
    },
  },
] as const satisfies readonly ApiRoute[];

export type RouteEntry = (typeof ROUTE_TABLE)[number];
export type RouteKey<R extends ApiRoute = RouteEntry> = `${R['method']} ${R['path']}`;
/** The routes one function serves. */
export type RoutesOf<F extends ApiFunctionName> = Extract<RouteEntry, { readonly function: F }>;

export const routeKey = (route: Pick<ApiRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;

export function findRoute(method: string, resourcePath: string): (ApiRoute & RouteEntry) | undefined {
  return ROUTE_TABLE.find((r) => r.method === method && r.path === resourcePath);
}
