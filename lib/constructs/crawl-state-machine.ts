import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface CrawlStateMachineProps {
  /** Checks the role, resolves regions, records the run, returns the (region × service) items (lambdas/handlers/crawl-prepare.ts). */
  readonly prepare: lambda.IFunction;
  /** Crawls one item, answering CONTINUE while a listing goes on (lambdas/handlers/crawl-service.ts). */
  readonly crawlService: lambda.IFunction;
  /** Sweeps the clean scopes and records the outcome, also after a failed Prepare (lambdas/handlers/crawl-finalize.ts). */
  readonly finalize: lambda.IFunction;
  /**
   * Checks the account's event pipeline after Finalize (lambdas/handlers/pipeline-health.ts); its failure never fails
   * the run. @default - no check after the crawl
   */
  readonly checkPipelineHealth?: lambda.IFunction;
  /**
   * Map items run at once. Items are (region × service) pairs, and each AWS request quota is per (account, region,
   * API), so running every pair at once keeps every quota busy without two Lambdas sharing one quota.
   * @default 150 (≥ 34 commercial regions × 4 services)
   */
  readonly maxConcurrency?: number;
}

/** State names, also used by the local runtime to map Lambda tasks to local handlers. */
export const CRAWL_STATES = {
  prepare: 'Prepare',
  crawlEach: 'CrawlEachRegionAndService',
  crawlService: 'CrawlService',
  moreToCrawl: 'MoreToCrawl',
  itemDone: 'ItemDone',
  itemFailed: 'ItemFailed',
  finalize: 'Finalize',
  checkPipelineHealth: 'CheckPipelineHealth',
  healthCheckFailed: 'HealthCheckFailed',
} as const;

/**
 * The `crawl` workflow: Prepare → Map over (region × service) → Finalize (→ CheckPipelineHealth).
 *
 * State carries only ids (tenant, account, ingestion, region, service, continuation token): credentials never
 * travel in state, where the execution history would show them — each CrawlService invocation assumes the role itself.
 * A long listing continues across invocations: CrawlService returns status CONTINUE with a continuation token and
 * the MoreToCrawl choice loops back. One failed item is caught and recorded (Finalize sees its missing or failed
 * part), so one region's failure never aborts the others.
 */
export class CrawlStateMachine extends Construct {
  public readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: CrawlStateMachineProps) {
    super(scope, id);

    const finalize = new tasks.LambdaInvoke(this, CRAWL_STATES.finalize, {
      lambdaFunction: props.finalize,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    finalize.addRetry({ errors: ['States.TaskFailed'], maxAttempts: 3, interval: Duration.seconds(5), backoffRate: 2 });

    const prepare = new tasks.LambdaInvoke(this, CRAWL_STATES.prepare, {
      lambdaFunction: props.prepare,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    // The role could not be assumed, or the account is gone: Finalize records the run as FAILED with the reason.
    prepare.addCatch(finalize, { errors: ['States.ALL'], resultPath: '$.prepareError' });

    const crawlService = new tasks.LambdaInvoke(this, CRAWL_STATES.crawlService, {
      lambdaFunction: props.crawlService,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    // Throttling (customer and platform side) is retried inside the Lambda by the SDK; this covers a crashed or
    // timed-out invocation, or a platform error that outlasted the SDK's retries, before the item counts as failed.
    crawlService.addRetry({ errors: ['States.TaskFailed', 'States.Timeout'], maxAttempts: 2, interval: Duration.seconds(10), backoffRate: 2 });
    crawlService.addCatch(new sfn.Pass(this, CRAWL_STATES.itemFailed), { errors: ['States.ALL'], resultPath: '$.error' });

    const moreToCrawl = new sfn.Choice(this, CRAWL_STATES.moreToCrawl)
      .when(sfn.Condition.stringEquals('$.status', 'CONTINUE'), crawlService)
      .otherwise(new sfn.Succeed(this, CRAWL_STATES.itemDone));

    const crawlEach = new sfn.Map(this, CRAWL_STATES.crawlEach, {
      itemsPath: '$.items',
      // Only ids go into an item; each item already carries them (Prepare puts them there), so the selector
      // reads nothing but the item itself.
      itemSelector: Object.fromEntries(
        ['tenantId', 'accountId', 'ingestionId', 'region', 'service'].map((k) => [`${k}.$`, `$$.Map.Item.Value.${k}`]),
      ),
      maxConcurrency: props.maxConcurrency ?? 150,
      resultPath: sfn.JsonPath.DISCARD,
    });
    crawlEach.itemProcessor(crawlService.next(moreToCrawl));
    // The Map itself failing (e.g. a result too large for the state) still ends in Finalize, which records the parts
    // that did not finish as failed: the run always gets an outcome.
    crawlEach.addCatch(finalize, { errors: ['States.ALL'], resultPath: '$.crawlError' });

    // After Finalize, the pipeline health of the account the run names (Finalize returns the ingestion record); the
    // run's output stays that record, and a failed check is caught: the ingestion already succeeded or failed on its own.
    if (props.checkPipelineHealth) {
      const check = new tasks.LambdaInvoke(this, CRAWL_STATES.checkPipelineHealth, {
        lambdaFunction: props.checkPipelineHealth,
        payload: sfn.TaskInput.fromObject({ 'tenantId.$': '$.tenantId', 'accountId.$': '$.accountId' }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
        resultPath: sfn.JsonPath.DISCARD,
      });
      check.addCatch(new sfn.Pass(this, CRAWL_STATES.healthCheckFailed), { errors: ['States.ALL'], resultPath: '$.healthCheckError' });
      finalize.next(check);
    }

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'AQtive Guard crawl: Prepare → Map(region × service) → Finalize → CheckPipelineHealth',
      definitionBody: sfn.DefinitionBody.fromChainable(prepare.next(crawlEach).next(finalize)),
      timeout: Duration.hours(6),
      tracingEnabled: false, // no code records traces (lambdas/shared/powertools.ts)
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    const stack = Stack.of(this);
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF2',
      reason:
        'X-Ray is off across the backend (no function records traces); every state with its input and output is in the execution history and the ALL-level log above.',
    });
    Validations.of(this.stateMachine.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'The CloudWatch Logs delivery actions of Step Functions support no resource-level permissions.',
      },
      ...[props.prepare, props.crawlService, props.finalize, ...(props.checkPipelineHealth ? [props.checkPipelineHealth] : [])].map((fn) => ({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
        reason: 'LambdaInvoke grants the function and its versions/aliases; only the workflow’s own task functions.',
      })),
    );
  }
}
