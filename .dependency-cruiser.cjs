/**
 * Import rules of this repository, checked by test/unit/dependency-rules.test.ts (part of `npm test`).
 * docs/architecture.md explains them; adjust the three lists below, not the rules.
 */

/**
 * The folders of lambdas/, highest first: a folder may import only folders after it, never one before it
 * (handlers wire everything; shared imports nothing else). A new folder must be placed here.
 */
const LAMBDA_FOLDERS = [
  'handlers',
  'api',
  'auth',
  'ingestion',
  'health',
  'control',
  'events',
  'cbom',
  'findings',
  'discovery',
  'crypto',
  'inventory',
  'shared',
];

/**
 * Adapters: the files that build or wrap AWS SDK v3 clients (stores, STS, Step Functions, client factories).
 * Domain code takes them as injected interfaces and never imports them; handlers construct them.
 */
const ADAPTER_FILES = '^lambdas/[^/]+/(?:(?:dynamo|sts|sfn|sqs)-[^/]+|[^/]+-clients|verify-credentials)\\.ts$';

/**
 * Besides adapters and handlers, only the discovery engine's per-service readers send SDK commands, and they do
 * it on clients injected through `RegionClients` (lambdas/discovery/region-clients.ts).
 */
const SDK_COMMAND_FILES = '^lambdas/discovery/(?:acm|kms|ssm|secrets-manager)-crawler\\.ts$';

/**
 * What the CDK code (lib/) may import from lambdas/: the route table, the environment schemas, and the few
 * constants both sides must agree on (resource names, table keys, Regions, the event names the customer
 * template's rule matches). Zod schemas these modules import come along; business logic does not.
 */
const LIB_MAY_IMPORT_FROM_LAMBDAS = [
  '^lambdas/[^/]+/route[^/]*\\.ts$',
  '^lambdas/.+/[^/]*environment[^/]*\\.ts$',
  '^lambdas/.+/[^/]*-env[^/]*\\.ts$',
  '^lambdas/api/schemas\\.ts$',
  '^lambdas/shared/(?:protocol|regions|table-schema)\\.ts$',
  '^lambdas/events/mappers/event-names\\.ts$',
];

/**
 * The route table: the one declarative list (method, path, permission, schemas) that the API handlers, the
 * authorizer, the OpenAPI document, the local gateway and the CDK API all derive from. Any folder may read it.
 */
const ROUTE_TABLE_FILES = '^lambdas/[^/]+/route-table[^/]*\\.ts$';

const folderOrderRules = LAMBDA_FOLDERS.slice(1).map((folder, i) => ({
  name: `lambdas-order-${folder}`,
  severity: 'error',
  comment: `lambdas/${folder}/ may import only folders listed after it in LAMBDA_FOLDERS (and the route table)`,
  from: { path: `^lambdas/${folder}/` },
  to: { path: `^lambdas/(?:${LAMBDA_FOLDERS.slice(0, i + 1).join('|')})/`, pathNot: ROUTE_TABLE_FILES },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make the order of initialization (and the reading order) undefined.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lambdas-not-to-tooling',
      severity: 'error',
      comment: 'Lambda code never imports the CDK app, the local runtime, the sandbox account, the CLI, the console or tests.',
      from: { path: '^lambdas/' },
      to: { path: '^(?:lib|local|sandbox|cli|bin|test|console)/' },
    },
    {
      name: 'lib-only-contracts-from-lambdas',
      severity: 'error',
      comment: 'lib/ (CDK) imports from lambdas/ only the route table, environment schemas and shared constants.',
      from: { path: '^lib/' },
      to: { path: '^lambdas/', pathNot: LIB_MAY_IMPORT_FROM_LAMBDAS },
    },
    {
      name: 'domain-without-aws-sdk',
      severity: 'error',
      comment: 'Domain code is pure: only handlers and adapters import the AWS SDK.',
      from: { path: '^lambdas/', pathNot: ['^lambdas/handlers/', ADAPTER_FILES, SDK_COMMAND_FILES] },
      to: { path: '@aws-sdk/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-not-to-adapters',
      severity: 'error',
      comment: 'Domain code takes adapters as injected interfaces; only handlers (and adapters) construct them.',
      from: { path: '^lambdas/', pathNot: ['^lambdas/handlers/', ADAPTER_FILES] },
      to: { path: ADAPTER_FILES, dependencyTypesNot: ['type-only'] },
    },
    ...folderOrderRules,
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:node_modules|cdk\\.out|\\.aqg|templates)/' },
    moduleSystems: ['cjs', 'es6'],
  },
};
