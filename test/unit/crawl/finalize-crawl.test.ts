import { finalizeCrawl, FinalizeCrawlDeps } from '../../../lambdas/ingestion/finalize-crawl';
import type { SweepInput } from '../../../lambdas/inventory/asset-store';
import type { CrawlPart, IngestionRecord } from '../../../lambdas/control/control-model';

const run = { tenantId: 't1', accountId: '111122223333', ingestionId: 'ing1' };
const ingestion: IngestionRecord = { ...run, status: 'RUNNING', startedAt: '2026-11-28T10:00:00.000Z', regions: ['us-east-1', 'eu-west-1'] };

function fakeDeps(parts: CrawlPart[]) {
  const swept: SweepInput[] = [];
  const resolved: string[] = [];
  let finished: Parameters<FinalizeCrawlDeps['finishIngestion']>[0] | undefined;
  const deps: FinalizeCrawlDeps = {
    getIngestion: async () => ingestion,
    listCrawlParts: async () => parts,
    sweep: async (scope) => {
      swept.push(scope);
      return { swept: 1 };
    },
    resolveKeyRelations: async ({ region }) => resolved.push(region),
    finishIngestion: async (input) => {
      finished = input;
      return { ...ingestion, status: input.status };
    },
    now: () => new Date('2026-11-28T10:05:00.000Z'),
  };
  return { deps, swept, resolved, finished: () => finished! };
}

const part = (region: string, service: string, status: CrawlPart['status'], assets = 2): CrawlPart => ({
  ingestionId: 'ing1',
  region,
  service,
  status,
  finishedAt: '2026-11-28T10:01:00.000Z',
  counts: { assets },
  ...(status === 'FAILED' && { error: { code: 'AccessDeniedException', message: 'denied' } }),
});
const all = (region: string, status: CrawlPart['status']) =>
  ['kms', 'acm', 'secretsmanager', 'ssm'].map((s) => part(region, s, status));

describe('finalizeCrawl', () => {
  it('sweeps every clean (region, service) and succeeds', async () => {
    const f = fakeDeps([...all('us-east-1', 'SUCCEEDED'), ...all('eu-west-1', 'SUCCEEDED')]);
    await finalizeCrawl(run, f.deps);
    expect(f.finished().status).toBe('SUCCEEDED');
    expect(f.swept).toHaveLength(8);
    expect(f.swept[0]).toMatchObject({ region: 'us-east-1', types: ['key'], crawlStartedAt: ingestion.startedAt, ingestionId: 'ing1' });
    expect(f.finished().counts).toEqual({ assets: 16, swept: 8 });
    expect(f.resolved.sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('keeps the assets of a failed region and ends PARTIAL', async () => {
    const f = fakeDeps([...all('us-east-1', 'SUCCEEDED'), part('eu-west-1', 'kms', 'FAILED'), ...all('eu-west-1', 'SUCCEEDED').slice(1)]);
    await finalizeCrawl(run, f.deps);
    expect(f.finished().status).toBe('PARTIAL');
    expect(f.swept.find((s) => s.region === 'eu-west-1' && s.types.includes('key'))).toBeUndefined();
    expect(f.finished().errors).toEqual([{ region: 'eu-west-1', service: 'kms', code: 'AccessDeniedException', message: 'denied' }]);
  });

  it('treats a missing part (crashed item) as failed and a not-enabled region as clean without sweeping', async () => {
    const f = fakeDeps([...all('us-east-1', 'SUCCEEDED').slice(0, 3), ...all('eu-west-1', 'NOT_ENABLED')]);
    await finalizeCrawl(run, f.deps);
    expect(f.finished().status).toBe('PARTIAL');
    expect(f.swept.every((s) => s.region === 'us-east-1')).toBe(true);
    expect(f.finished().errors).toEqual([expect.objectContaining({ region: 'us-east-1', service: 'ssm', code: 'CrawlItemFailed' })]);
  });

  it('fails the run when nothing completed', async () => {
    const f = fakeDeps([]);
    await finalizeCrawl(run, f.deps);
    expect(f.finished().status).toBe('FAILED');
    expect(f.swept).toHaveLength(0);
  });

  it('records why Prepare failed, without sweeping anything', async () => {
    const f = fakeDeps(all('us-east-1', 'SUCCEEDED'));
    await finalizeCrawl(
      { ...run, prepareError: { Error: 'RoleAssumptionError', Cause: JSON.stringify({ errorMessage: 'Check the trust policy' }) } },
      f.deps,
    );
    expect(f.finished()).toMatchObject({ status: 'FAILED', errors: [{ code: 'RoleAssumptionError', message: 'Check the trust policy' }] });
    expect(f.swept).toHaveLength(0);
  });
});
