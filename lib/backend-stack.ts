import { CfnOutput, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ApiFunctions } from './constructs/api-functions';
import { ConsoleHosting } from './constructs/console-hosting';
import { CrawlWorkflow } from './constructs/crawl-workflow';
import { EventPipeline } from './constructs/event-pipeline';
import { FindingsSchedule } from './constructs/findings-schedule';
import { InventoryTables } from './constructs/inventory-tables';
import { PlatformAccessRole } from './constructs/platform-access-role';
import { PipelineHealthChecks } from './constructs/pipeline-health-checks';
import { PlatformApi } from './constructs/platform-api';
import { API_STAGE, EVENTS_PATH } from '../lambdas/shared/protocol';

/**
 * How long API Gateway caches the authorizer's decision per token: one second. A revoked token keeps working for at
 * most that long on the read and events routes (the token routes re-read the caller's token, so it can never mint or
 * revoke after revocation), and a flood of one token's requests costs one authorizer invocation and one GetItem per
 * second, not one per request. API Gateway cannot drop one token's entry sooner (SECURITY.md).
 */
export const AUTHORIZER_CACHE_TTL = Duration.seconds(1);

export interface BackendStackProps extends StackProps {
  /** How long API Gateway caches the authorizer's decision per token, and so how long a revoked token keeps working. @default AUTHORIZER_CACHE_TTL */
  readonly authorizerCacheTtl?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly tableRemovalPolicy?: RemovalPolicy;
  /**
   * The built console (console/dist) to serve with the API from one CloudFront distribution.
   * @default - no console hosting (the local runtime serves the console itself)
   */
  readonly consoleDistDir?: string;
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

    // --- the API ---------------------------------------------------------------------------------------------
    // The routes, their permissions and the function serving each are one table (lambdas/api/route-table.ts).
    const api = new PlatformApi(this, 'Api', {
      authorizer: apiFunctions.authorizer.function,
      functions: {
        'openapi-api': apiFunctions.openapi.function,
        'tokens-api': apiFunctions.tokens.function,
        'template-api': apiFunctions.template.function,
        'accounts-api': apiFunctions.accounts.function,
        'ingestions-api': apiFunctions.ingestions.function,
        'inventory-api': apiFunctions.inventory.function,
        'findings-api': apiFunctions.findings.function,
        'events-intake': events.intake.function,
      },
      authorizerCacheTtl: props.authorizerCacheTtl ?? AUTHORIZER_CACHE_TTL,
    });

    // The URL the template route derives from its requests (lambdas/api/public-url.ts), built from the API's id rather
    // than `api.url`: that one names the stage, whose deployment depends on the API functions, whose policies name the
    // crawl workflow, which runs this function — a cycle.
    const publicApiUrl = `https://${api.api.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${API_STAGE}`;
    const health = new PipelineHealthChecks(this, 'PipelineHealth', { tables, publicApiUrl });
    const crawl = new CrawlWorkflow(this, 'Crawl', { tables, checkPipelineHealth: health.function });
    new FindingsSchedule(this, 'Findings', { tables });
    crawl.grantStart(apiFunctions.accounts);
    health.grantStartRun(apiFunctions.accounts);
    crawl.grantStart(apiFunctions.ingestions);
    const platformAccessRole = new PlatformAccessRole(this, 'PlatformAccessRole', {
      callers: [apiFunctions.accounts, crawl.prepare, crawl.crawlService, events.processor, health.function],
      namedBy: [apiFunctions.template],
    });

    if (props.consoleDistDir !== undefined) {
      const consoleHosting = new ConsoleHosting(this, 'Console', { distDir: props.consoleDistDir, api: api.api });
      new CfnOutput(this, 'ConsoleUrl', {
        value: `https://${consoleHosting.distribution.distributionDomainName}`,
        description: 'The web console, with the API under /v1 on the same origin',
      });
    }
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
