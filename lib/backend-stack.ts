import { CfnOutput, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiFunctions } from './constructs/api-functions';
import { CrawlWorkflow } from './constructs/crawl-workflow';
import { EventPipeline } from './constructs/event-pipeline';
import { InventoryTables } from './constructs/inventory-tables';
import { PlatformAccessRole } from './constructs/platform-access-role';
import { PlatformApi, PlatformApiRoute } from './constructs/platform-api';
import { PlatformFunction } from './constructs/platform-function';
import { EVENTS_PATH } from '../lambdas/shared/protocol';
import { ROUTES } from '../lambdas/auth/route-permissions';

export interface BackendStackProps extends StackProps {
  /** How long the authorizer's decision is cached per token (also how long a revoked token keeps working). @default 60 s */
  readonly authorizerCacheTtl?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly tableRemovalPolicy?: RemovalPolicy;
}

/**
 * The platform backend: the DynamoDB inventory, the API (API Gateway + its functions), the event pipeline (SQS
 * between the HTTP intake and the processor), the `crawl` workflow and the principal customers trust. Every function
 * has its own role with only the table actions, queue and state machine it uses.
 */
export class BackendStack extends Stack {
  constructor(scope: Construct, id: string, props: BackendStackProps = {}) {
    super(scope, id, props);
    const tables = new InventoryTables(this, 'Tables', { removalPolicy: props.tableRemovalPolicy });
    const apiFunctions = new ApiFunctions(this, 'ApiFunctions', { tables });
    const events = new EventPipeline(this, 'Events', { tables });
    const crawl = new CrawlWorkflow(this, 'Crawl', { tables });
    crawl.grantStart(apiFunctions.accounts);
    crawl.grantStart(apiFunctions.ingestions);
    const platformAccessRole = new PlatformAccessRole(this, 'PlatformAccessRole', {
      callers: [apiFunctions.accounts, crawl.prepare, crawl.crawlService, events.processor],
      namedBy: [apiFunctions.template],
    });

    // --- the API ---------------------------------------------------------------------------------------------
    // The routes and their permissions are one table (lambdas/auth/route-permissions.ts) that the authorizer and the
    // OpenAPI document also read; here each route only gets the function that serves it.
    const handlerOf = (path: string): PlatformFunction => {
      if (path === '/openapi.json') return apiFunctions.openapi;
      if (path.startsWith('/tokens')) return apiFunctions.tokens;
      if (path === '/data-sources/aws/template') return apiFunctions.template;
      if (path === EVENTS_PATH) return events.intake;
      if (path.includes('/ingestions')) return apiFunctions.ingestions;
      if (path.startsWith('/data-sources/aws/accounts')) return apiFunctions.accounts;
      if (path.startsWith('/inventory')) return apiFunctions.inventory;
      throw new Error(`No function serves the route ${path}: add it to handlerOf in lib/backend-stack.ts`);
    };
    const routes: PlatformApiRoute[] = ROUTES.map((r) => ({
      method: r.method,
      path: r.path,
      handler: handlerOf(r.path).function,
      authenticated: r.permission !== undefined,
    }));
    const api = new PlatformApi(this, 'Api', {
      authorizer: apiFunctions.authorizer.function,
      routes,
      authorizerCacheTtl: props.authorizerCacheTtl ?? Duration.seconds(60),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.api.url, description: 'Base URL of the API (stage v1)' });
    new CfnOutput(this, 'EventsEndpointUrl', {
      value: api.api.urlForPath(EVENTS_PATH),
      description: 'Where customer API destinations deliver CloudTrail events',
    });
    new CfnOutput(this, 'PlatformAccessRoleArn', {
      value: platformAccessRole.role.roleArn,
      description: 'The principal customer roles trust (filled into each tenant template)',
    });
    new CfnOutput(this, 'CrawlStateMachineArn', { value: crawl.stateMachine.stateMachineArn });
  }
}
