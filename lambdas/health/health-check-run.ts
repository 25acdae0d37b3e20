import { NotFoundError } from '../control/errors';
import type { AccountHealthReport } from './health-model';

/**
 * An on-demand health check (`POST …/health-checks`) as a durable run: the API answers with the result if it comes
 * within its wait, else 202 and the run to poll (`GET …/health-checks/{runId}`). The run is carried out by the pipeline
 * health function (started by the health-check-runs state machine, lib/constructs/pipeline-health-checks.ts).
 */
export type HealthCheckRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface HealthCheckRun {
  readonly runId: string;
  readonly accountId: string;
  readonly status: HealthCheckRunStatus;
  readonly startedAt: string;
  /** A run still RUNNING after this is failed: the function crashed or timed out (it never ends it itself then). */
  readonly deadlineAt: string;
  readonly finishedAt?: string;
  readonly report?: AccountHealthReport;
  readonly error?: string;
}

/**
 * Longer than the state machine's own time limit (6 minutes: the function's 5 and a margin), so a run that can still end
 * by itself is never failed early.
 */
export const HEALTH_CHECK_RUN_DEADLINE_MS = 7 * 60_000;

/** What `POST …/health-checks` waits for the result before answering 202: below API Gateway's 29-second limit. */
export const HEALTH_CHECK_WAIT_MS = 20_000;

/** The input of one run, for the function that carries it out. */
export interface HealthCheckRunInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly runId: string;
  readonly expectedEndpoint?: string;
}

export interface HealthCheckRunStore {
  createRun(tenantId: string, run: HealthCheckRun): Promise<void>;
  getRun(tenantId: string, accountId: string, runId: string): Promise<HealthCheckRun | undefined>;
  /** Ends a RUNNING run; false when it had ended already (the first ending wins). */
  finishRun(tenantId: string, accountId: string, runId: string, end: Pick<HealthCheckRun, 'status' | 'finishedAt' | 'report' | 'error'>): Promise<boolean>;
}

/** Starts a run somewhere it outlives the API request (AWS: a state machine execution). */
export interface HealthCheckRunner {
  start(input: HealthCheckRunInput): Promise<void>;
}

export class HealthCheckRunNotFoundError extends NotFoundError {
  constructor(runId: string) {
    super('Health check run', runId);
    this.name = 'HealthCheckRunNotFoundError';
  }
}
