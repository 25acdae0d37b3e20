import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { HealthCheckRunInput, HealthCheckRunner } from './health-check-run';

/**
 * Starts the health-check-runs state machine (lib/constructs/pipeline-health-checks.ts) for one run: the execution
 * outlives the API request, and is named after the run, so a retried start cannot run it twice.
 */
export class SfnHealthCheckRunner implements HealthCheckRunner {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(input: HealthCheckRunInput): Promise<void> {
    await this.sfn.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: input.runId, input: JSON.stringify(input) }));
  }
}
