import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { InventoryTables, READ } from './inventory-tables';
import { PlatformFunction } from './platform-function';

/** Reserved concurrency of the processor (and its SQS source's maximum): a flood cannot take every Lambda of the account. */
const PROCESSOR_CONCURRENCY = 10;

export interface EventPipelineProps {
  readonly tables: InventoryTables;
  /** How long an asset's history rows are kept. @default 365 days */
  readonly historyRetention?: Duration;
  /** How long a processed CloudTrail eventID is remembered, so a redelivered event is not applied twice. @default 7 days */
  readonly dedupWindow?: Duration;
  /** Receives before a transiently failing message goes to the dead-letter queue (poison goes after one). @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * CloudTrail events from customer accounts: the intake (behind `POST /data-sources/aws/events`) validates and queues,
 * SQS makes the event durable before the 2xx, and the processor applies batches to the inventory, reporting the
 * messages it could not apply (lambdas/events/process-batch.ts) so only they are retried, then dead-lettered.
 */
export class EventPipeline extends Construct {
  public readonly queue: sqs.Queue;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly intake: PlatformFunction<'events-intake'>;
  public readonly processor: PlatformFunction<'event-processor'>;

  constructor(scope: Construct, id: string, props: EventPipelineProps) {
    super(scope, id);
    const { tables } = props;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      // ≥ 6 × the processor timeout, as Lambda's SQS event source recommends
      // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html)
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // EventBridge events may reach 1 MiB; SQS accepts messages up to 1 MiB when the queue allows it.
      maxMessageSizeBytes: 1024 * 1024,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    // The logical IDs the queues had before this construct existed: a new logical ID would replace a queue and
    // lose the events waiting in it.
    (this.deadLetterQueue.node.defaultChild as sqs.CfnQueue).overrideLogicalId('EventsDeadLetterQueue404572C7');
    (this.queue.node.defaultChild as sqs.CfnQueue).overrideLogicalId('EventsQueueB96EB0D2');

    this.intake = new PlatformFunction(this, 'Intake', {
      handlerName: 'events-intake',
      description: 'POST /data-sources/aws/events: validate, then queue',
      timeout: Duration.seconds(10),
      environment: { EVENTS_QUEUE_URL: this.queue.queueUrl, CONTROL_TABLE_NAME: tables.control.tableName },
    });
    this.queue.grantSendMessages(this.intake.function);
    tables.grant(this.intake.function, 'control', ['UpdateItem'], ['RATE#*']); // per-token rate-limit windows only

    this.processor = new PlatformFunction(this, 'Processor', {
      handlerName: 'event-processor',
      description: 'Applies CloudTrail events to the inventory',
      timeout: Duration.minutes(1),
      environment: {
        CONTROL_TABLE_NAME: tables.control.tableName,
        INVENTORY_TABLE_NAME: tables.inventory.tableName,
        HISTORY_RETENTION_DAYS: String((props.historyRetention ?? Duration.days(365)).toDays()),
        EVENT_DEDUP_DAYS: String((props.dedupWindow ?? Duration.days(7)).toDays()),
        DEAD_LETTER_QUEUE_URL: this.deadLetterQueue.queueUrl,
        EVENTS_QUEUE_URL: this.queue.queueUrl,
      },
    });
    // Poison records go to the dead-letter queue after one attempt, with their reason; a certificate ACM does not
    // know yet is re-queued with a delay (lambdas/events/poison-records.ts). SendMessage only, nothing else.
    this.deadLetterQueue.grant(this.processor.function, 'sqs:SendMessage');
    this.queue.grant(this.processor.function, 'sqs:SendMessage');
    tables.grant(this.processor.function, 'control', [...READ, 'UpdateItem'], ['TENANT#*']); // health and event counters; never tokens
    tables.grant(this.processor.function, 'inventory', [...READ, 'PutItem', 'UpdateItem', 'DeleteItem'], ['ASSET#*', 'USAGE#*', 'EVENT#*']); // assets, history, usage edges, dedup markers
    // A flood of events takes at most this many concurrent executions; the event source stops polling there rather
    // than being throttled (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html).
    (this.processor.function.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions = PROCESSOR_CONCURRENCY;
    this.processor.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 50, maxBatchingWindow: Duration.seconds(1), reportBatchItemFailures: true, maxConcurrency: PROCESSOR_CONCURRENCY }),
    );
  }
}
