import type { AbandonRun } from './close-ended-run';
import type { CrawlRunInput } from './crawl-types';

/** A run that looks open: its record says RUNNING, or its account still holds its lock. */
export interface OpenRun extends CrawlRunInput {
  readonly executionArn?: string;
}

export interface ReconcileInterruptedRunsDeps {
  /** Runs recorded RUNNING and runs holding an account's lock (the same run may appear twice). */
  readonly listOpenRuns: () => Promise<readonly OpenRun[]>;
  /** Whether the run's execution is still running (locally: never, after a restart — executions live in the process). */
  readonly isExecutionLive: (run: OpenRun) => Promise<boolean>;
  readonly abandonRun: AbandonRun;
  readonly now: () => Date;
}

export interface ReconcileResult {
  /** Runs closed FAILED (interrupted) and their locks released. */
  readonly closed: readonly string[];
  /** Runs whose execution is still running: left alone. */
  readonly live: readonly string[];
}

export const INTERRUPTED = {
  code: 'Interrupted',
  message: 'The crawl was interrupted: the process running it stopped before the run ended. Start a new ingestion.',
} as const;

/**
 * At start-up, closes the runs a previous process left open: a run whose execution no longer runs will never reach
 * Finalize, so it is recorded FAILED ("interrupted") and its account's lock released, and Start now works at once
 * instead of waiting for the lock to go stale. A run whose execution still runs is left alone.
 */
export async function reconcileInterruptedRuns(deps: ReconcileInterruptedRunsDeps): Promise<ReconcileResult> {
  const runs = new Map<string, OpenRun>();
  for (const run of await deps.listOpenRuns()) {
    const known = runs.get(run.ingestionId);
    runs.set(run.ingestionId, { ...run, ...(known?.executionArn && !run.executionArn && { executionArn: known.executionArn }) });
  }
  const closed: string[] = [];
  const live: string[] = [];
  for (const run of runs.values()) {
    if (await deps.isExecutionLive(run)) {
      live.push(run.ingestionId);
      continue;
    }
    const { tenantId, accountId, ingestionId } = run;
    await deps.abandonRun({ tenantId, accountId, ingestionId, finishedAt: deps.now().toISOString(), error: { ...INTERRUPTED } });
    closed.push(ingestionId);
  }
  return { closed, live };
}
