import type { HealthCheckRunInput, HealthCheckRunner, HealthCheckRunStore } from '../../lambdas/health/health-check-run';
import { carryOutHealthCheckRun } from '../../lambdas/health/health-check-runs';
import type { PipelineHealthDeps } from '../../lambdas/health/pipeline-health-service';

/**
 * The health-check-runs state machine of API tests: carries each run out in this process, in the background, as the
 * pipeline health function would. `settled()` waits for every run started so far.
 */
export class InProcessHealthCheckRunner implements HealthCheckRunner {
  private readonly running: Promise<unknown>[] = [];

  constructor(private readonly deps: () => PipelineHealthDeps & { readonly runs: HealthCheckRunStore }) {}

  async start(input: HealthCheckRunInput): Promise<void> {
    this.running.push(carryOutHealthCheckRun(this.deps(), input).catch(() => undefined));
  }

  async settled(): Promise<void> {
    await Promise.all(this.running);
  }
}
