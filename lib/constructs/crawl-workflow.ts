import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { CrawlStateMachine } from './crawl-state-machine';
import { InventoryTables, READ } from './inventory-tables';
import { PlatformFunction } from './platform-function';

/** Reserved concurrency of the crawl service: one crawl's full fan-out (the Map's default maxConcurrency). */
const CRAWL_SERVICE_CONCURRENCY = 150;

/** The functions that start crawls (they get StartExecution and the state machine's ARN). */
export type CrawlStarter = PlatformFunction<'accounts-api' | 'ingestions-api' | 'scheduled-ingestion'>;

export interface CrawlWorkflowProps {
  readonly tables: InventoryTables;
  /**
   * When every linked account is re-ingested (CloudTrail delivery is best effort, so a daily crawl catches what
   * events missed). @default every day at 03:17 UTC
   */
  readonly schedule?: events.Schedule;
  /** Runs after each crawl's Finalize. @see CrawlStateMachineProps.checkPipelineHealth @default - none */
  readonly checkPipelineHealth?: PlatformFunction<'pipeline-health'>;
  /** @see CrawlStateMachineProps.maxConcurrency @default 150 */
  readonly maxConcurrency?: number;
}

/**
 * The crawl of customer accounts: the `crawl` state machine (lib/constructs/crawl-state-machine.ts) with its three
 * task functions, and the daily schedule that starts it for every linked account. API functions that start a crawl
 * are added with `grantStart`.
 */
export class CrawlWorkflow extends Construct {
  public readonly prepare: PlatformFunction<'crawl-prepare'>;
  public readonly crawlService: PlatformFunction<'crawl-service'>;
  public readonly finalize: PlatformFunction<'crawl-finalize'>;
  public readonly scheduledIngestion: PlatformFunction<'scheduled-ingestion'>;
  public readonly executionEnded: PlatformFunction<'crawl-execution-ended'>;
  public readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: CrawlWorkflowProps) {
    super(scope, id);
    const { tables } = props;
    this.prepare = new PlatformFunction(this, 'Prepare', {
      handlerName: 'crawl-prepare',
      description: 'Crawl: check the role, resolve regions, record the run',
      timeout: Duration.minutes(1),
      environment: { CONTROL_TABLE_NAME: tables.control.tableName },
    });
    tables.grant(this.prepare.function, 'control', READ);

    this.crawlService = new PlatformFunction(this, 'CrawlService', {
      handlerName: 'crawl-service',
      description: 'Crawl one (region, service) of a customer account',
      timeout: Duration.minutes(5),
      memorySize: 1024,
      environment: { CONTROL_TABLE_NAME: tables.control.tableName, INVENTORY_TABLE_NAME: tables.inventory.tableName },
    });
    tables.grant(this.crawlService.function, 'control', [...READ, 'PutItem']); // its crawl part
    tables.grant(this.crawlService.function, 'inventory', [...READ, 'UpdateItem']);
    // One crawl's full fan-out (the Map's maxConcurrency): more crawls at once queue behind it (Step Functions retries
    // Lambda.TooManyRequestsException) instead of taking every Lambda of the account.
    (this.crawlService.function.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = CRAWL_SERVICE_CONCURRENCY;

    this.finalize = new PlatformFunction(this, 'Finalize', {
      handlerName: 'crawl-finalize',
      description: 'Crawl: sweep, resolve key relations, summarize',
      timeout: Duration.minutes(15),
      memorySize: 1024,
      environment: { CONTROL_TABLE_NAME: tables.control.tableName, INVENTORY_TABLE_NAME: tables.inventory.tableName },
    });
    tables.grant(this.finalize.function, 'control', [...READ, 'UpdateItem']);
    tables.grant(this.finalize.function, 'inventory', [...READ, 'UpdateItem']); // sweep marks deleted; key relations

    this.stateMachine = new CrawlStateMachine(this, 'StateMachine', {
      prepare: this.prepare.function,
      crawlService: this.crawlService.function,
      finalize: this.finalize.function,
      ...(props.checkPipelineHealth && { checkPipelineHealth: props.checkPipelineHealth.function }),
      maxConcurrency: props.maxConcurrency,
    }).stateMachine;

    // An execution that is aborted, times out or fails never records its run (Finalize did not run or did not
    // finish): this function closes the run FAILED with the execution's status and releases the account's lock.
    // https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
    this.executionEnded = new PlatformFunction(this, 'ExecutionEnded', {
      handlerName: 'crawl-execution-ended',
      description: 'Crawl: close a run whose execution ended without Finalize',
      environment: { CONTROL_TABLE_NAME: tables.control.tableName },
    });
    tables.grant(this.executionEnded.function, 'control', ['UpdateItem']);
    new events.Rule(this, 'ExecutionEndedRule', {
      description: 'Closes the ingestion run of a crawl execution that was aborted, timed out or failed',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { stateMachineArn: [this.stateMachine.stateMachineArn], status: ['ABORTED', 'TIMED_OUT', 'FAILED'] },
      },
      targets: [new targets.LambdaFunction(this.executionEnded.function, { retryAttempts: 8 })],
    });

    this.scheduledIngestion = new PlatformFunction(this, 'ScheduledIngestion', {
      handlerName: 'scheduled-ingestion',
      description: 'Daily re-ingestion of every linked account',
      timeout: Duration.minutes(5),
      environment: { CONTROL_TABLE_NAME: tables.control.tableName },
    });
    tables.grant(this.scheduledIngestion.function, 'control', [...READ, 'PutItem', 'UpdateItem']);
    this.grantStart(this.scheduledIngestion);
    new events.Rule(this, 'Daily', {
      description: 'Re-ingests every linked AWS account once a day (CloudTrail delivery is best effort)',
      schedule: props.schedule ?? events.Schedule.cron({ minute: '17', hour: '3' }),
      targets: [new targets.LambdaFunction(this.scheduledIngestion.function, { retryAttempts: 2 })],
    });
  }

  /** Lets a function start crawls: StartExecution on this state machine only, and its ARN in the environment. */
  grantStart(starter: CrawlStarter): void {
    this.stateMachine.grantStartExecution(starter.function);
    starter.addEnvironment('CRAWL_STATE_MACHINE_ARN', this.stateMachine.stateMachineArn);
  }
}
