import type { components, paths } from './schema';

/** Named shapes of the /v1 API, from the generated OpenAPI types (never written by hand). */
export type Asset = components['schemas']['Asset'];
export type Account = components['schemas']['Account'];
export type AccountDetails = components['schemas']['AccountDetails'];
export type Ingestion = components['schemas']['Ingestion'];
export type Token = components['schemas']['Token'];
export type ErrorBody = components['schemas']['Error'];
export type PipelineHealth = components['schemas']['PipelineHealth'];
export type PipelineHealthCheckRun = components['schemas']['PipelineHealthCheckRun'];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type InventoryPage = JsonOf<paths['/inventory']['get']['responses'][200]>;
export type InventoryQuery = NonNullable<paths['/inventory']['get']['parameters']['query']>;
export type AssetDetails = JsonOf<paths['/inventory/{assetId}']['get']['responses'][200]>;
export type AccountList = JsonOf<paths['/data-sources/aws/accounts']['get']['responses'][200]>;
export type AccountDetailsResponse = JsonOf<paths['/data-sources/aws/accounts/{accountId}']['get']['responses'][200]>;
export type LinkAccountBody = JsonOf<NonNullable<paths['/data-sources/aws/accounts']['post']['requestBody']>>;
export type LinkAccountResponse = JsonOf<paths['/data-sources/aws/accounts']['post']['responses'][201]>;
export type PatchAccountBody = JsonOf<NonNullable<paths['/data-sources/aws/accounts/{accountId}']['patch']['requestBody']>>;
export type StartedIngestion = JsonOf<paths['/data-sources/aws/accounts/{accountId}/ingestions']['post']['responses'][202]>;
export type IngestionDetails = JsonOf<paths['/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}']['get']['responses'][200]>;
export type TokenList = JsonOf<paths['/tokens']['get']['responses'][200]>;
export type CreateTokenBody = JsonOf<NonNullable<paths['/tokens']['post']['requestBody']>>;
export type CreatedToken = JsonOf<paths['/tokens']['post']['responses'][201]>;
export type Permission = Token['permissions'][number];
export type Finding = components['schemas']['Finding'];
export type Severity = Finding['severity'];
export type FindingStatus = Finding['status'];
export type BlastRadiusEntry = Finding['blastRadius'][number];
/** The JSON form of GET /findings (format=sarif answers a SARIF log instead, which the console does not ask for). */
export type FindingsPage = Extract<JsonOf<paths['/findings']['get']['responses'][200]>, { items: unknown }>;
export type FindingResponse = JsonOf<paths['/findings/{findingId}']['get']['responses'][200]>;
export type FindingsSummary = JsonOf<paths['/findings/summary']['get']['responses'][200]>;
export type RuleCatalogue = JsonOf<paths['/findings/rules']['get']['responses'][200]>;
export type SuppressionBody = JsonOf<NonNullable<paths['/findings/{findingId}/suppressions']['post']['requestBody']>>;
export type IngestionList = JsonOf<paths['/data-sources/aws/accounts/{accountId}/ingestions']['get']['responses'][200]>;
