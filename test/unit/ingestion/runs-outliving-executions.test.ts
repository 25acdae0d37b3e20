import type { IngestionErrorEntry } from '../../../lambdas/control/control-model';
import { closeEndedRun } from '../../../lambdas/ingestion/close-ended-run';
import { INTERRUPTED, type OpenRun, reconcileInterruptedRuns } from '../../../lambdas/ingestion/reconcile-interrupted-runs';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const run = (ingestionId: string, extra: Partial<OpenRun> = {}): OpenRun => ({ tenantId: 't1', accountId: '111122223333', ingestionId, ...extra });

/** A store of runs: RUNNING until abandoned once (a second abandon finds it closed). */
function fakeStore(running: string[]) {
  const open = new Set(running);
  const abandoned: Array<{ ingestionId: string; error: IngestionErrorEntry; finishedAt: string }> = [];
  return {
    abandoned,
    abandonRun: async (input: OpenRun & { finishedAt: string; error: IngestionErrorEntry }) => {
      const closed = open.delete(input.ingestionId);
      abandoned.push({ ingestionId: input.ingestionId, error: input.error, finishedAt: input.finishedAt });
      return { closed };
    },
  };
}

describe('reconcileInterruptedRuns (local start-up)', () => {
  it('closes every run left open by the previous process as FAILED (interrupted), once per run', async () => {
    // GIVEN one run seen both as a RUNNING record and as an account lock, and a lock whose record was never written
    const store = fakeStore(['ing-1']);
    const result = await reconcileInterruptedRuns({
      listOpenRuns: async () => [run('ing-1'), run('ing-1', { executionArn: 'arn:exec:ing-1' }), run('ing-2')],
      isExecutionLive: async () => false,
      abandonRun: store.abandonRun,
      now: () => NOW,
    });
    // THEN each is closed once, with the reason and the time, and the lock-only run is released too
    expect(result).toEqual({ closed: ['ing-1', 'ing-2'], live: [] });
    expect(store.abandoned).toEqual([
      { ingestionId: 'ing-1', error: { code: 'Interrupted', message: INTERRUPTED.message }, finishedAt: NOW.toISOString() },
      { ingestionId: 'ing-2', error: { code: 'Interrupted', message: INTERRUPTED.message }, finishedAt: NOW.toISOString() },
    ]);
  });

  it('leaves a run whose execution still runs alone', async () => {
    const store = fakeStore(['live', 'dead']);
    const result = await reconcileInterruptedRuns({
      listOpenRuns: async () => [run('live', { executionArn: 'arn:live' }), run('dead', { executionArn: 'arn:dead' })],
      isExecutionLive: async (r) => r.executionArn === 'arn:live',
      abandonRun: store.abandonRun,
      now: () => NOW,
    });
    expect(result).toEqual({ closed: ['dead'], live: ['live'] });
    expect(store.abandoned.map((a) => a.ingestionId)).toEqual(['dead']);
  });

  it('does nothing when no run is open', async () => {
    const store = fakeStore([]);
    expect(await reconcileInterruptedRuns({ listOpenRuns: async () => [], isExecutionLive: async () => false, abandonRun: store.abandonRun, now: () => NOW })).toEqual({
      closed: [],
      live: [],
    });
    expect(store.abandoned).toEqual([]);
  });
});

describe('closeEndedRun (execution status-change rule)', () => {
  const input = JSON.stringify({ tenantId: 't1', accountId: '111122223333', ingestionId: 'ing-9' });

  it.each([
    ['ABORTED', 'ExecutionAborted', /was aborted/],
    ['TIMED_OUT', 'ExecutionTimedOut', /timed out/],
    ['FAILED', 'ExecutionFailed', /failed .*\(Lambda.Unknown: boom\)/],
  ])('closes the run of an execution that ended %s, naming the status', async (status, code, message) => {
    const store = fakeStore(['ing-9']);
    const result = await closeEndedRun(
      { executionArn: 'arn:aws:states:us-east-1:1:execution:crawl:ing-9', status, input, error: status === 'FAILED' ? 'Lambda.Unknown' : null, cause: status === 'FAILED' ? 'boom' : null },
      { abandonRun: store.abandonRun, now: () => NOW },
    );
    expect(result).toEqual({ outcome: 'closed', ingestionId: 'ing-9' });
    expect(store.abandoned).toHaveLength(1);
    expect(store.abandoned[0].error.code).toBe(code);
    expect(store.abandoned[0].error.message).toMatch(message);
  });

  it('leaves a run Finalize already recorded as it is (a late or repeated event)', async () => {
    const store = fakeStore([]);
    expect(await closeEndedRun({ executionArn: 'x', status: 'FAILED', input }, { abandonRun: store.abandonRun, now: () => NOW })).toEqual({
      outcome: 'already-closed',
      ingestionId: 'ing-9',
    });
  });

  it('ignores a SUCCEEDED execution and an input that names no run', async () => {
    const store = fakeStore(['ing-9']);
    expect(await closeEndedRun({ executionArn: 'x', status: 'SUCCEEDED', input }, { abandonRun: store.abandonRun, now: () => NOW })).toEqual({
      outcome: 'ignored',
      reason: 'status SUCCEEDED',
    });
    expect((await closeEndedRun({ executionArn: 'x', status: 'ABORTED', input: '{"other":1}' }, { abandonRun: store.abandonRun, now: () => NOW })).outcome).toBe('ignored');
    expect((await closeEndedRun({ executionArn: 'x', status: 'ABORTED', input: 'not json' }, { abandonRun: store.abandonRun, now: () => NOW })).outcome).toBe('ignored');
    expect(store.abandoned).toEqual([]);
  });
});
