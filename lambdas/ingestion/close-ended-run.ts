import type { IngestionErrorEntry } from '../control/control-model';
import type { CrawlRunInput } from './crawl-types';

/** Execution statuses that end a run without Finalize having recorded it. */
export const UNFINISHED_EXECUTION_STATUSES = ['ABORTED', 'TIMED_OUT', 'FAILED'] as const;
export type UnfinishedExecutionStatus = (typeof UNFINISHED_EXECUTION_STATUSES)[number];

/**
 * The `detail` of a Step Functions "Execution Status Change" event (the fields used here).
 * https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
 */
export interface ExecutionStatusChange {
  readonly executionArn: string;
  readonly status: string;
  /** The execution's input, as a JSON string (our runs carry only ids, far below the size at which it is omitted). */
  readonly input?: string | null;
  readonly error?: string | null;
  readonly cause?: string | null;
}

/** Closes a run that is still RUNNING as FAILED with `error`, and releases its account's lock if this run holds it. */
export type AbandonRun = (input: CrawlRunInput & { readonly finishedAt: string; readonly error: IngestionErrorEntry }) => Promise<{ readonly closed: boolean }>;

export interface CloseEndedRunDeps {
  readonly abandonRun: AbandonRun;
  readonly now: () => Date;
}

export type CloseEndedRunResult =
  | { readonly outcome: 'closed' | 'already-closed'; readonly ingestionId: string }
  | { readonly outcome: 'ignored'; readonly reason: string };

/**
 * Reacts to the end of a crawl execution: an execution that was aborted, timed out or failed never reached (or never
 * completed) Finalize, so its run would stay RUNNING and its account locked. Such a run is closed FAILED with the
 * execution's status and error as the reason. A run Finalize already closed is left as it is (the update is
 * conditional on RUNNING), so a late or repeated event changes nothing.
 */
export async function closeEndedRun(detail: ExecutionStatusChange, deps: CloseEndedRunDeps): Promise<CloseEndedRunResult> {
  if (!(UNFINISHED_EXECUTION_STATUSES as readonly string[]).includes(detail.status)) {
    return { outcome: 'ignored', reason: `status ${detail.status}` };
  }
  const run = parseRunInput(detail.input);
  if (!run) return { outcome: 'ignored', reason: 'the execution input names no ingestion' };
  const { closed } = await deps.abandonRun({
    ...run,
    finishedAt: deps.now().toISOString(),
    error: executionError(detail.status as UnfinishedExecutionStatus, detail.error, detail.cause),
  });
  return { outcome: closed ? 'closed' : 'already-closed', ingestionId: run.ingestionId };
}

export function executionError(status: UnfinishedExecutionStatus, error?: string | null, cause?: string | null): IngestionErrorEntry {
  const what = { ABORTED: 'was aborted', TIMED_OUT: 'timed out', FAILED: 'failed' }[status];
  const detail = [error, cause].filter((s): s is string => !!s).join(': ');
  return {
    code: `Execution${status === 'TIMED_OUT' ? 'TimedOut' : status === 'ABORTED' ? 'Aborted' : 'Failed'}`,
    message: `The crawl workflow ${what} before recording its outcome${detail ? ` (${detail.slice(0, 500)})` : ''}.`,
  };
}

function parseRunInput(input: string | null | undefined): CrawlRunInput | undefined {
  if (!input) return undefined;
  try {
    const parsed = JSON.parse(input) as Partial<CrawlRunInput>;
    const { tenantId, accountId, ingestionId } = parsed;
    if (typeof tenantId === 'string' && typeof accountId === 'string' && typeof ingestionId === 'string') return { tenantId, accountId, ingestionId };
  } catch {
    // not one of our executions' inputs
  }
  return undefined;
}
