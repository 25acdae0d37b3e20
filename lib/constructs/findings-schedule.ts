import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { InventoryTables, READ } from './inventory-tables';
import { PlatformFunction } from './platform-function';

export interface FindingsScheduleProps {
  readonly tables: InventoryTables;
  /** @default every hour */
  readonly schedule?: events.Schedule;
}

/**
 * Re-evaluates every linked account's findings on a schedule (lambdas/handlers/scheduled-findings.ts): expiry
 * thresholds are crossed with no crawl or event. Crawls and events evaluate too; this catches the passage of time.
 */
export class FindingsSchedule extends Construct {
  public readonly evaluator: PlatformFunction<'scheduled-findings'>;

  constructor(scope: Construct, id: string, props: FindingsScheduleProps) {
    super(scope, id);
    const { tables } = props;
    this.evaluator = new PlatformFunction(this, 'Evaluator', {
      handlerName: 'scheduled-findings',
      description: 'Hourly findings evaluation of every linked account',
      timeout: Duration.minutes(15),
      memorySize: 1024,
      environment: { CONTROL_TABLE_NAME: tables.control.tableName, INVENTORY_TABLE_NAME: tables.inventory.tableName },
    });
    tables.grant(this.evaluator.function, 'control', ['Query']); // the linked-accounts index
    tables.grant(this.evaluator.function, 'inventory', [...READ, 'PutItem']); // assets, usages; findings (ASSET#…)
    new events.Rule(this, 'Hourly', {
      description: 'Evaluates findings of every linked AWS account (time alone opens findings)',
      schedule: props.schedule ?? events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(this.evaluator.function, { retryAttempts: 2 })],
    });
  }
}
