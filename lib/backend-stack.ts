import { CfnOutput, Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { CrawlStateMachine } from './constructs/crawl-state-machine';
import { InventoryTables } from './constructs/inventory-tables';
import { PlatformApi } from './constructs/platform-api';
import { PlatformFunction } from './constructs/platform-function';
import { EVENTS_PATH } from '../lambdas/shared/protocol';
import { GSI1, GSI2 } from '../lambdas/inventory/table-schema';

export interface BackendStackProps extends StackProps {
  /** How long the authorizer's decision is cached per token (also how long a revoked token keeps working). @default 60 s */
  readonly authorizerCacheTtl?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly tableRemovalPolicy?: RemovalPolicy;
}

// The item-level DynamoDB actions the code uses (single-item conditional writes only: no batch, no transaction, no scan).
const GET = 'dynamodb:GetItem';
const QUERY = 'dynamodb:Query';
const PUT = 'dynamodb:PutItem';
const UPDATE = 'dynamodb:UpdateItem';
const DELETE = 'dynamodb:DeleteItem';
const READ = [GET, QUERY];

/**
 * The platform backend: API Gateway + Lambda handlers, the `crawl` Step Functions workflow, the event pipeline
 * (SQS between the HTTP intake and the processor) and the DynamoDB inventory. Every function has its own role with
 * only the table actions, queue and state machine it uses.
 */
export class BackendStack extends Stack {
  constructor(scope: Construct, id: string, props: BackendStackProps = {}) {
    super(scope, id, props);
    const authorizerCacheTtl = props.authorizerCacheTtl ?? Duration.seconds(60);
    const tables = new InventoryTables(this, 'Tables', { removalPolicy: props.tableRemovalPolicy });
    const tableEnv = {
      CONTROL_TABLE_NAME: tables.control.tableName,
      INVENTORY_TABLE_NAME: tables.inventory.tableName,
    };
    // Table grants name the table and, for queries, its index ARNs one by one (Table.grant would add "index/*").
    const indexes = new Map<dynamodb.Table, string[]>([
      [tables.inventory, [GSI1.name, GSI2.name]],
      [tables.control, [GSI1.name]],
    ]);
    const grant = (fn: PlatformFunction, table: dynamodb.Table, actions: string[]) => {
      const resources = [table.tableArn];
      if (actions.includes('dynamodb:Query')) {
        resources.push(...indexes.get(table)!.map((name) => `${table.tableArn}/index/${name}`));
      }
      fn.function.addToRolePolicy(new iam.PolicyStatement({ actions, resources }));
    };
    const fn = (id: string, handlerName: string, description: string, extra: Partial<ConstructorParameters<typeof PlatformFunction>[2]> = {}) =>
      new PlatformFunction(this, id, {
        handlerName,
        description,
        ...extra,
        environment: { ...tableEnv, ...extra.environment },
      });

    // --- the event pipeline: intake → SQS → processor -------------------------------------------------------
    const eventsDlq = new sqs.Queue(this, 'EventsDeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const eventsQueue = new sqs.Queue(this, 'EventsQueue', {
      // ≥ 6 × the processor timeout, as Lambda's SQS event source recommends
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // EventBridge events may reach 1 MiB; SQS accepts messages up to 1 MiB when the queue allows it.
      maxMessageSizeBytes: 1024 * 1024,
      deadLetterQueue: { queue: eventsDlq, maxReceiveCount: 5 },
    });

    // --- functions ------------------------------------------------------------------------------------------
    const authorizer = fn('Authorizer', 'authorizer', 'X-API-Key REQUEST authorizer', {
      environment: { AUTHORIZER_CACHE_TTL_SECONDS: String(authorizerCacheTtl.toSeconds()) },
    });
    grant(authorizer, tables.control, [GET]);

    const openapi = fn('OpenApi', 'openapi-api', 'GET /openapi.json');
    const tokens = fn('TokensApi', 'tokens-api', 'Token routes');
    grant(tokens, tables.control, [...READ, PUT, UPDATE]);
    const template = fn('TemplateApi', 'template-api', 'Customer template for a tenant');
    grant(template, tables.control, [GET]);
    const accounts = fn('AccountsApi', 'accounts-api', 'Data source (AWS account) routes', { timeout: Duration.seconds(29) });
    grant(accounts, tables.control, [...READ, PUT, UPDATE]);
    grant(accounts, tables.inventory, [...READ, UPDATE, DELETE]); // unlink marks assets; purge deletes them
    const ingestions = fn('IngestionsApi', 'ingestions-api', 'Ingestion routes');
    grant(ingestions, tables.control, [...READ, PUT, UPDATE]);
    // Memory for the CBOM export, which builds up to 5000 assets' document in one response.
    const inventory = fn('InventoryApi', 'inventory-api', 'Inventory routes (list, one asset, CBOM export)', { memorySize: 1024 });
    grant(inventory, tables.control, READ);
    grant(inventory, tables.inventory, READ);

    const intake = fn('EventsIntake', 'events-intake', 'POST /data-sources/aws/events: validate, then queue', {
      environment: { EVENTS_QUEUE_URL: eventsQueue.queueUrl },
      timeout: Duration.seconds(10),
    });
    eventsQueue.grantSendMessages(intake.function);
    const processor = fn('EventProcessor', 'event-processor', 'Applies CloudTrail events to the inventory', {
      timeout: Duration.minutes(1),
      environment: { HISTORY_RETENTION_DAYS: '365', EVENT_DEDUP_DAYS: '7' },
    });
    grant(processor, tables.control, [...READ, UPDATE]); // health and event counters
    grant(processor, tables.inventory, [...READ, PUT, UPDATE, DELETE]); // assets, history, usage, dedup markers
    processor.function.addEventSource(
      new SqsEventSource(eventsQueue, { batchSize: 50, maxBatchingWindow: Duration.seconds(1), reportBatchItemFailures: true }),
    );

    const prepare = fn('CrawlPrepare', 'crawl-prepare', 'Crawl: check the role, resolve regions, record the run', {
      timeout: Duration.minutes(1),
    });
    grant(prepare, tables.control, READ);
    const crawlService = fn('CrawlService', 'crawl-service', 'Crawl one (region, service) of a customer account', {
      timeout: Duration.minutes(5),
      memorySize: 1024,
    });
    grant(crawlService, tables.control, [...READ, PUT]); // its crawl part
    grant(crawlService, tables.inventory, [...READ, UPDATE]);
    const finalize = fn('CrawlFinalize', 'crawl-finalize', 'Crawl: sweep, resolve key relations, summarize', {
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    grant(finalize, tables.control, [...READ, UPDATE]);
    grant(finalize, tables.inventory, [...READ, UPDATE]); // sweep marks deleted; key relations

    const crawl = new CrawlStateMachine(this, 'Crawl', {
      prepare: prepare.function,
      crawlService: crawlService.function,
      finalize: finalize.function,
    });
    // An execution that is aborted, times out or fails never records its run (Finalize did not run or did not
    // finish): this function closes the run FAILED with the execution's status and releases the account's lock.
    // https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
    const executionEnded = fn('CrawlExecutionEnded', 'crawl-execution-ended', 'Crawl: close a run whose execution ended without Finalize');
    grant(executionEnded, tables.control, [UPDATE]);
    new events.Rule(this, 'CrawlExecutionEndedRule', {
      description: 'Closes the ingestion run of a crawl execution that was aborted, timed out or failed',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [crawl.stateMachine.stateMachineArn], status: ['ABORTED', 'TIMED_OUT', 'FAILED'] },
      },
      targets: [new targets.LambdaFunction(executionEnded.function, { retryAttempts: 8 })],
    });
    const starters = [accounts, ingestions];
    const scheduled = fn('ScheduledIngestion', 'scheduled-ingestion', 'Daily re-ingestion of every linked account', {
      timeout: Duration.minutes(5),
    });
    grant(scheduled, tables.control, [...READ, PUT, UPDATE]);
    starters.push(scheduled);
    for (const starter of starters) {
      crawl.stateMachine.grantStartExecution(starter.function);
      starter.function.addEnvironment('CRAWL_STATE_MACHINE_ARN', crawl.stateMachine.stateMachineArn);
    }
    new events.Rule(this, 'DailyIngestion', {
      description: 'Re-ingests every linked AWS account once a day (CloudTrail delivery is best effort)',
      schedule: events.Schedule.cron({ minute: '17', hour: '3' }),
      targets: [new targets.LambdaFunction(scheduled.function, { retryAttempts: 2 })],
    });

    // --- the platform principal customers trust -------------------------------------------------------------
    // Functions that call into customer accounts assume this role first, then the customer's role with its
    // ExternalId. Customers' trust policies name only this role, never the functions' own roles.
    const customerCallers = [accounts, prepare, crawlService, processor];
    const platformAccessRole = new iam.Role(this, 'PlatformAccessRole', {
      description: 'The AQtive Guard principal that customer read-only roles trust (with their ExternalId)',
      assumedBy: new iam.CompositePrincipal(...customerCallers.map((c) => new iam.ArnPrincipal(c.function.role!.roleArn))),
      maxSessionDuration: Duration.hours(1),
    });
    platformAccessRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeCustomerRolesOnlyWithExternalId',
        actions: ['sts:AssumeRole'],
        resources: ['arn:aws:iam::*:role/*'],
        conditions: { Null: { 'sts:ExternalId': 'false' } },
      }),
    );
    Validations.of(platformAccessRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:aws:iam::*:role/*]',
      reason:
        'Customers connect roles in their own accounts under names they choose; the ExternalId condition (required here) and the customer trust policy bound it.',
    });
    for (const caller of customerCallers) {
      platformAccessRole.grantAssumeRole(caller.function.role!);
      caller.function.addEnvironment('PLATFORM_ACCESS_ROLE_ARN', platformAccessRole.roleArn);
    }
    // The template route only names the role (as the principal customers trust); it never assumes it.
    template.function.addEnvironment('PLATFORM_ACCESS_ROLE_ARN', platformAccessRole.roleArn);

    // --- the API ---------------------------------------------------------------------------------------------
    // The routes, their permissions and the function serving each are one table (lambdas/api/route-table.ts).
    const api = new PlatformApi(this, 'Api', {
      authorizer: authorizer.function,
      functions: {
        'openapi-api': openapi.function,
        'tokens-api': tokens.function,
        'template-api': template.function,
        'accounts-api': accounts.function,
        'ingestions-api': ingestions.function,
        'inventory-api': inventory.function,
        'events-intake': intake.function,
      },
      authorizerCacheTtl,
    });

    this.acknowledgeDesignChoices(api);

    new CfnOutput(this, 'ApiUrl', { value: api.api.url, description: 'Base URL of the API (stage v1)' });
    new CfnOutput(this, 'EventsEndpointUrl', {
      value: api.api.urlForPath(EVENTS_PATH),
      description: 'Where customer API destinations deliver CloudTrail events',
    });
    new CfnOutput(this, 'PlatformAccessRoleArn', {
      value: platformAccessRole.roleArn,
      description: 'The principal customer roles trust (filled into each tenant template)',
    });
    new CfnOutput(this, 'CrawlStateMachineArn', { value: crawl.stateMachine.stateMachineArn });
  }

  /** cdk-nag findings that are deliberate, each with its reason, at the narrowest scope that holds them. */
  private acknowledgeDesignChoices(api: PlatformApi) {
    Validations.of(api).acknowledge(
      {
        id: 'AwsSolutions-APIG3',
        reason: 'A WAF web ACL is a deployment decision of the platform team (account-level firewall manager); not bundled.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'Clients are machines (EventBridge API destinations, scripts) authenticated by X-API-Key tokens through the Lambda authorizer.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'The account-level role API Gateway needs to write access logs; AWS defines its permissions.',
      },
    );
    const openapiMethod = api.api.root.resourceForPath('/openapi.json').node.tryFindChild('GET');
    if (openapiMethod) {
      Validations.of(openapiMethod).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'The OpenAPI document is public by design: it describes the API and holds no data.',
      });
    }
  }
}
