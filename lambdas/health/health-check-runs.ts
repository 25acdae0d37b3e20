import type { AccountDetails } from '../control/control-model';
import { NotFoundError } from '../control/errors';
import {
  HEALTH_CHECK_RUN_DEADLINE_MS,
  HEALTH_CHECK_WAIT_MS,
  type HealthCheckRun,
  type HealthCheckRunInput,
  HealthCheckRunNotFoundError,
  type HealthCheckRunner,
  type HealthCheckRunStore,
} from './health-check-run';
import { type PipelineHealthDeps, runPipelineHealthCheck } from './pipeline-health-service';

export interface HealthCheckRunsDeps {
  readonly control: { getAccountDetails(tenantId: string, accountId: string): Promise<AccountDetails> };
  readonly runs: HealthCheckRunStore;
  readonly runner: HealthCheckRunner;
  readonly now: () => Date;
  readonly newRunId: () => string;
  /** How long the request waits for the result. @default HEALTH_CHECK_WAIT_MS */
  readonly waitMs?: number;
  /** How often it looks. @default 250 ms */
  readonly pollMs?: number;
  /** @default HEALTH_CHECK_RUN_DEADLINE_MS */
  readonly deadlineMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts a run of the account's checks and waits for it up to `waitMs`: the run as it is then (SUCCEEDED with the
 * report, FAILED, or still RUNNING — the caller answers 202 with it). Throws AccountNotFoundError before starting
 * anything for an unknown account. A run whose start fails is failed, not left running.
 */
export async function startHealthCheckRun(
  deps: HealthCheckRunsDeps,
  input: { tenantId: string; accountId: string; expectedEndpoint?: string },
): Promise<HealthCheckRun> {
  await deps.control.getAccountDetails(input.tenantId, input.accountId);
  const started = deps.now();
  const run: HealthCheckRun = {
    runId: deps.newRunId(),
    accountId: input.accountId,
    status: 'RUNNING',
    startedAt: started.toISOString(),
    deadlineAt: new Date(started.getTime() + (deps.deadlineMs ?? HEALTH_CHECK_RUN_DEADLINE_MS)).toISOString(),
  };
  await deps.runs.createRun(input.tenantId, run);
  try {
    await deps.runner.start({ tenantId: input.tenantId, accountId: input.accountId, runId: run.runId, ...(input.expectedEndpoint !== undefined && { expectedEndpoint: input.expectedEndpoint }) });
  } catch (err) {
    await deps.runs.finishRun(input.tenantId, input.accountId, run.runId, { status: 'FAILED', finishedAt: deps.now().toISOString(), error: 'The check could not be started' });
    throw err;
  }
  const waitUntil = Date.now() + (deps.waitMs ?? HEALTH_CHECK_WAIT_MS);
  for (;;) {
    const current = await healthCheckRun(deps, { tenantId: input.tenantId, accountId: input.accountId, runId: run.runId });
    if (current.status !== 'RUNNING' || Date.now() >= waitUntil) return current;
    await sleep(Math.min(deps.pollMs ?? 250, Math.max(0, waitUntil - Date.now())));
  }
}

/** One run of the account (404 for another account's or an unknown run); one past its deadline is failed now. */
export async function healthCheckRun(
  deps: Pick<HealthCheckRunsDeps, 'control' | 'runs' | 'now'>,
  input: { tenantId: string; accountId: string; runId: string },
): Promise<HealthCheckRun> {
  const run = await deps.runs.getRun(input.tenantId, input.accountId, input.runId);
  if (!run) {
    await deps.control.getAccountDetails(input.tenantId, input.accountId); // an unknown account is the 404 it names
    throw new HealthCheckRunNotFoundError(input.runId);
  }
  const now = deps.now();
  if (run.status !== 'RUNNING' || now.toISOString() < run.deadlineAt) return run;
  const end = {
    status: 'FAILED' as const,
    finishedAt: now.toISOString(),
    error: `The check did not finish by ${run.deadlineAt} (its function crashed or timed out); run it again.`,
  };
  // Losing this race means the run ended by itself just now: read that ending.
  if (await deps.runs.finishRun(input.tenantId, input.accountId, input.runId, end)) return { ...run, ...end };
  return (await deps.runs.getRun(input.tenantId, input.accountId, input.runId)) ?? { ...run, ...end };
}

/**
 * Carries out a run (the pipeline health function, started by the runner): the checks, stored as the latest health,
 * then the run's end. A failure ends the run FAILED with its reason and is rethrown (the execution fails too).
 */
export async function carryOutHealthCheckRun(deps: PipelineHealthDeps & { readonly runs: HealthCheckRunStore }, input: HealthCheckRunInput) {
  try {
    const report = await runPipelineHealthCheck(deps, {
      tenantId: input.tenantId,
      accountId: input.accountId,
      ...(input.expectedEndpoint !== undefined && { expectedEndpoint: input.expectedEndpoint }),
    });
    await deps.runs.finishRun(input.tenantId, input.accountId, input.runId, { status: 'SUCCEEDED', finishedAt: deps.now().toISOString(), report });
    return report;
  } catch (err) {
    // Shown through the API: a known outcome says itself, anything else stays in the function's log.
    const reason = err instanceof NotFoundError ? err.message : 'The check failed unexpectedly; run it again (the pipeline health function logged why).';
    await deps.runs.finishRun(input.tenantId, input.accountId, input.runId, { status: 'FAILED', finishedAt: deps.now().toISOString(), error: reason });
    throw err;
  }
}
