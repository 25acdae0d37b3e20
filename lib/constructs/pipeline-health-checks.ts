import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
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

/**
 * The pipeline health function (lambdas/handlers/pipeline-health.ts) and the EventBridge Scheduler schedule that runs it
 * for every linked account. The crawl workflow also runs it after each ingestion (lib/constructs/crawl-state-machine.ts).
 */
export class PipelineHealthChecks extends Construct {
  public readonly function: PlatformFunction<'pipeline-health'>;
  public readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: PipelineHealthChecksProps) {
    super(scope, id);
    this.function = new PlatformFunction(this, 'Function', {
      handlerName: 'pipeline-health',
      description: 'Pipeline health checks of customer EventBridge resources (one account, or every linked account)',
      timeout: Duration.minutes(5),
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
  }
}
