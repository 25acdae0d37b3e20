import '../../../local/promise-with-resolvers';
import { StateMachine } from 'aws-local-stepfunctions';
import { stateMachineDefinition, synthesizeBackendForTest } from '../../support/backend-template';
import type { CrawlItemState, FinalizeInput, PrepareOutput } from '../../../lambdas/ingestion/crawl-types';

/**
 * Runs the state machine definition CDK synthesized (not a copy) in aws-local-stepfunctions, with the three Lambda
 * tasks replaced by fakes, to check the workflow's semantics: fan-out, CONTINUE loops, per-item catch, and that a
 * failed Prepare still reaches Finalize.
 */
let definition: Record<string, any>;
beforeAll(() => {
  definition = stateMachineDefinition(synthesizeBackendForTest().json);
});

const run = { tenantId: 't1', accountId: '111122223333', ingestionId: '01JTESTINGESTION0000000000' };
const items = ['us-east-1', 'eu-west-1'].flatMap((region) =>
  (['kms', 'acm', 'secretsmanager', 'ssm'] as const).map((service) => ({ ...run, region, service })),
);

async function execute(handlers: {
  prepare?: (input: any) => Promise<PrepareOutput>;
  crawlService: (input: CrawlItemState) => Promise<CrawlItemState>;
  healthFails?: boolean;
}) {
  const finalizeInputs: FinalizeInput[] = [];
  const healthChecks: unknown[] = [];
  const machine = new StateMachine(definition as any, { validationOptions: { checkArn: false } });
  const execution = machine.run(run, {
    overrides: {
      taskResourceLocalHandlers: {
        Prepare: handlers.prepare ?? (async (input: any) => ({ ...input, crawlStartedAt: '2026-11-28T10:00:00.000Z', items })),
        CrawlService: handlers.crawlService as any,
        Finalize: async (input: any) => {
          finalizeInputs.push(input as FinalizeInput);
          return { tenantId: input.tenantId, accountId: input.accountId, status: 'SUCCEEDED' };
        },
        CheckPipelineHealth: async (input: any) => {
          healthChecks.push(input);
          if (handlers.healthFails) throw new Error('EventBridge unreachable');
          return { status: 'pass' };
        },
      },
      retryIntervalOverrides: { CrawlService: 0, Prepare: 0, Finalize: 0, CheckPipelineHealth: 0 },
    },
  });
  const result = await execution.result;
  return { result, finalizeInputs, healthChecks };
}

describe('crawl workflow (synthesized ASL)', () => {
  it('checks the account’s pipeline health after Finalize; a failed check leaves the run’s outcome as Finalize recorded it', async () => {
    const done = async (state: CrawlItemState) => ({ ...state, status: 'DONE' as const });
    const ok = await execute({ crawlService: done });
    expect(ok.healthChecks).toEqual([{ tenantId: run.tenantId, accountId: run.accountId }]);
    expect(ok.result).toMatchObject({ status: 'SUCCEEDED', accountId: run.accountId });
    const failing = await execute({ crawlService: done, healthFails: true });
    expect(failing.result).toMatchObject({ status: 'SUCCEEDED', healthCheckError: expect.anything() });
  });

  it('crawls every (region, service) with ids only, loops on CONTINUE, then finalizes once', async () => {
    const calls: CrawlItemState[] = [];
    const { finalizeInputs } = await execute({
      crawlService: async (state) => {
        calls.push(state);
        const first = state.region === 'us-east-1' && state.service === 'kms' && !state.continuation;
        return first ? { ...state, status: 'CONTINUE', continuation: 'page-2' } : { ...state, status: 'DONE' };
      },
    });
    expect(calls).toHaveLength(items.length + 1);
    expect(calls.filter((c) => c.region === 'us-east-1' && c.service === 'kms').map((c) => c.continuation)).toEqual([undefined, 'page-2']);
    for (const c of calls) expect(Object.keys(c).sort()).toEqual(expect.arrayContaining(['accountId', 'ingestionId', 'region', 'service', 'tenantId']));
    expect(finalizeInputs).toHaveLength(1);
    expect(finalizeInputs[0]).toMatchObject({ ...run, crawlStartedAt: '2026-11-28T10:00:00.000Z' });
    expect(finalizeInputs[0].prepareError).toBeUndefined();
  });

  it('retries then catches a failing item; the others still run and Finalize still runs', async () => {
    const attempts = new Map<string, number>();
    const { finalizeInputs } = await execute({
      crawlService: async (state) => {
        const key = `${state.region}#${state.service}`;
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
        if (key === 'eu-west-1#acm') throw new Error('Lambda crashed');
        return { ...state, status: 'DONE' };
      },
    });
    expect(attempts.get('eu-west-1#acm')).toBeGreaterThan(1);
    expect([...attempts.keys()]).toHaveLength(items.length);
    expect(finalizeInputs).toHaveLength(1);
  });

  it('sends a failed Prepare straight to Finalize with the error', async () => {
    const crawled: CrawlItemState[] = [];
    const { finalizeInputs } = await execute({
      prepare: async () => {
        const err = new Error('The role could not be assumed');
        err.name = 'RoleAssumptionError';
        throw err;
      },
      crawlService: async (state) => {
        crawled.push(state);
        return { ...state, status: 'DONE' };
      },
    });
    expect(crawled).toHaveLength(0);
    expect(finalizeInputs).toHaveLength(1);
    expect(finalizeInputs[0].prepareError).toBeDefined();
    expect(finalizeInputs[0]).toMatchObject(run);
  });
});
