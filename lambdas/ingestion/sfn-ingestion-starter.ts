import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { IngestionStarter } from '../control/ingestion-starter';

/**
 * Starts the `crawl` state machine for a recorded ingestion. The execution is named after the ingestion id, so a
 * retried start cannot run the same ingestion twice (Step Functions rejects a duplicate name with other input).
 */
export class SfnIngestionStarter implements IngestionStarter {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: { tenantId: string; accountId: string; ingestionId: string }): Promise<string> {
    const { executionArn } = await this.sfn.send(
      new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: input.ingestionId, input: JSON.stringify(input) }),
    );
    if (!executionArn) throw new Error('StartExecution returned no execution ARN');
    return executionArn;
  }
}
