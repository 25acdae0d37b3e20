import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { InventoryTables, READ } from './inventory-tables';
import { PlatformFunction } from './platform-function';

export interface PipelineHealthChecksProps {
  readonly tables: InventoryTables;
  /**
   * The API's public base URL with its stage (`https://<host>/v1`): the events endpoint customer API destinations must
   * deliver to is this plus `/events`, which scheduled and after-ingestion checks compare with each destination's
   * InvocationEndpoint. Without it a stale endpoint is not detected. @default - not compared
   */
  readonly publicApiUrl?: string;
  /** How often every linked account's event pipeline is checked. @default every 6 hours */
  readonly every?: Duration;
}

/** The function's time limit; the runs state machine allows a minute more, and a run's deadline is later still. */
const FUNCTION_TIMEOUT = Duration.minutes(5);

/**
 * The pipeline health function (lambdas/handlers/pipeline-health.ts) and the EventBridge Scheduler schedule that runs it
 * for every linked account. The crawl workflow also runs it after each ingestion (lib/constructs/crawl-state-machine.ts),
 * and the `runs` state machine for each on-demand check (POST …/health-checks), so a check outlives the API request
 * that asked for it (lambdas/health/health-check-runs.ts).
 */
export class PipelineHealthChecks extends Construct {
  public readonly function: PlatformFunction<'pipeline-health'>;
  public readonly schedule: scheduler.Schedule;
  public readonly runs: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: PipelineHealthChecksProps) {
    super(scope, id);
    this.function = new PlatformFunction(this, 'Function', {
      handlerName: 'pipeline-health',
      description: 'Pipeline health checks of customer EventBridge resources (one account, or every linked account)',
      timeout: FUNCTION_TIMEOUT,
      environment: {
        CONTROL_TABLE_NAME: props.tables.control.tableName,
        ...(props.publicApiUrl !== undefined && { PUBLIC_API_URL: props.publicApiUrl }),
      },
    });
    // Reads the account, tenant and last results; writes the results and the account's health status.
    props.tables.grant(this.function.function, 'control', [...READ, 'PutItem', 'UpdateItem']);
    // Its own role (not the stack-wide one the target would create), so the acknowledgement below covers only it.
    const role = new iam.Role(this, 'ScheduleRole', {
      description: 'Lets EventBridge Scheduler invoke the pipeline health function',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Checks the event pipeline of every linked AWS account',
      schedule: scheduler.ScheduleExpression.rate(props.every ?? Duration.hours(6)),
      target: new schedulerTargets.LambdaInvoke(this.function.function, { retryAttempts: 2, role }),
    });
    const fnId = Stack.of(this).getLogicalId(this.function.function.node.defaultChild as lambda.CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      reason: 'grantInvoke covers the function and its versions/aliases; this role may invoke only the pipeline health function.',
    });

    // One task: the run's input (tenant, account, run id, endpoint) is the function's payload. No retry: a run that
    // fails is reported failed and run again by whoever asked; one that crashes is failed at its deadline.
    const runChecks = new tasks.LambdaInvoke(this, 'RunHealthChecks', {
      lambdaFunction: this.function.function,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
      taskTimeout: sfn.Timeout.duration(FUNCTION_TIMEOUT.plus(Duration.seconds(30))),
    });
    const logGroup = new logs.LogGroup(this, 'RunsLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.runs = new sfn.StateMachine(this, 'Runs', {
      comment: 'AQtive Guard on-demand pipeline health check: one run of one account',
      definitionBody: sfn.DefinitionBody.fromChainable(runChecks),
      timeout: FUNCTION_TIMEOUT.plus(Duration.minutes(1)),
      tracingEnabled: false, // no code records traces (lambdas/shared/powertools.ts)
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    Validations.of(this.runs).acknowledge({
      id: 'AwsSolutions-SF2',
      reason: 'X-Ray is off across the backend (no function records traces); every state with its input and output is in the ALL-level log above.',
    });
    Validations.of(this.runs.role).acknowledge(
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'The CloudWatch Logs delivery actions of Step Functions support no resource-level permissions.' },
      { id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`, reason: 'LambdaInvoke grants the function and its versions/aliases; only the pipeline health function.' },
    );
  }

  /** Lets the accounts API start on-demand runs: StartExecution on the runs state machine only, and its ARN in the environment. */
  grantStartRun(starter: PlatformFunction<'accounts-api'>): void {
    this.runs.grantStartExecution(starter.function);
    starter.addEnvironment('HEALTH_CHECK_STATE_MACHINE_ARN', this.runs.stateMachineArn);
  }
}
