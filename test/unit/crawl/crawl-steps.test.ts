import { prepareCrawl, PrepareCrawlDeps } from '../../../lambdas/ingestion/prepare-crawl';
import { runCrawlItem, RunCrawlItemDeps, ServiceCrawlOutcome } from '../../../lambdas/ingestion/run-crawl-item';
import { ingestLinkedAccounts } from '../../../lambdas/ingestion/ingest-linked-accounts';
import { AccountMismatchError, AccountNotLinkedError, IngestionAlreadyRunningError, RoleAssumptionError } from '../../../lambdas/control/errors';
import type { CrawlPart, LinkedAccount } from '../../../lambdas/control/control-model';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';

const run = { tenantId: 't1', accountId: '111122223333', ingestionId: 'ing1' };
const account: LinkedAccount = {
  tenantId: 't1',
  accountId: '111122223333',
  roleArn: 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole',
  status: 'LINKED',
  regions: null,
  linkedAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
};

function prepareDeps(overrides: Partial<PrepareCrawlDeps> = {}): PrepareCrawlDeps & { verified: string[][] } {
  const verified: string[][] = [];
  return {
    verified,
    getTenant: async () => ({ tenantId: 't1', name: 'Acme', externalId: 'ext-123', createdAt: '' }),
    getAccount: async () => account,
    getIngestion: async () => ({ ...run, status: 'RUNNING', startedAt: '2026-11-28T10:00:00.000Z', regions: ['us-east-1', 'eu-west-1'] }),
    verifyRole: async (roleArn, externalId) => {
      verified.push([roleArn, externalId]);
      return { accountId: '111122223333' };
    },
    ...overrides,
  };
}

describe('prepareCrawl', () => {
  it('verifies the role with the tenant ExternalId and fans out every (region, service) of the run', async () => {
    const deps = prepareDeps();
    const out = await prepareCrawl(run, deps);
    expect(deps.verified).toEqual([[account.roleArn, 'ext-123']]);
    expect(out.crawlStartedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(out.items).toHaveLength(8);
    expect(out.items[0]).toEqual({ ...run, region: 'us-east-1', service: 'kms' });
    expect(JSON.stringify(out)).not.toMatch(/ext-123|SecretAccessKey|SessionToken/);
  });

  it('fails for an unlinked account, a role that cannot be assumed, or a role in another account', async () => {
    await expect(prepareCrawl(run, prepareDeps({ getAccount: async () => ({ ...account, status: 'UNLINKED' }) }))).rejects.toBeInstanceOf(AccountNotLinkedError);
    await expect(
      prepareCrawl(run, prepareDeps({ verifyRole: async () => Promise.reject(new RoleAssumptionError('TRUST_OR_EXTERNAL_ID', 'trust')) })),
    ).rejects.toBeInstanceOf(RoleAssumptionError);
    await expect(prepareCrawl(run, prepareDeps({ verifyRole: async () => ({ accountId: '999999999999' }) }))).rejects.toBeInstanceOf(
      AccountMismatchError,
    );
  });
});

describe('runCrawlItem', () => {
  const asset = { arn: 'arn:aws:kms:us-east-1:111122223333:key/k1' } as DiscoveredAsset;
  function deps(outcome: ServiceCrawlOutcome) {
    const written: string[] = [];
    const parts: CrawlPart[] = [];
    const d: RunCrawlItemDeps = {
      crawl: async ({ sink }) => {
        await sink(asset);
        return outcome;
      },
      upsertFromCrawl: async (a, obs) => written.push(`${a.arn}@${obs.observedAt}#${obs.ingestionId}`),
      putCrawlPart: async (p) => {
        parts.push(p);
      },
      now: () => new Date('2026-11-28T10:01:00.000Z'),
    };
    return { d, written, parts };
  }
  const state = { ...run, region: 'us-east-1', service: 'kms' as const };

  it('writes each asset with its read time and returns CONTINUE with the token and running counts, recording no part yet', async () => {
    const f = deps({ status: 'CONTINUE', continuation: 'tok', assets: 1, calls: { 'kms:ListKeys': 1, 'kms:DescribeKey': 1 }, throttledRetries: 0 });
    const out = await runCrawlItem({ ...state, counts: { assets: 4, apiCalls: 10, throttledRetries: 1 } }, f.d);
    expect(f.written).toEqual([`${asset.arn}@2026-11-28T10:01:00.000Z#ing1`]);
    expect(out).toMatchObject({ status: 'CONTINUE', continuation: 'tok', counts: { assets: 5, apiCalls: 12, throttledRetries: 1 } });
    expect(f.parts).toHaveLength(0);
  });

  it.each([
    ['COMPLETE', 'SUCCEEDED'],
    ['NOT_ENABLED', 'NOT_ENABLED'],
    ['ACCESS_DENIED', 'FAILED'],
    ['FAILED', 'FAILED'],
  ] as const)('records a %s outcome as a %s part', async (status, partStatus) => {
    const error = status === 'COMPLETE' ? undefined : { code: 'X', message: 'y' };
    const f = deps({ status, assets: 1, calls: {}, throttledRetries: 0, ...(error && { error }) });
    const out = await runCrawlItem(state, f.d);
    expect(out.status).toBe('DONE');
    expect(out.continuation).toBeUndefined();
    expect(f.parts).toEqual([expect.objectContaining({ region: 'us-east-1', service: 'kms', status: partStatus, ...(error && { error }) })]);
  });
});

describe('ingestLinkedAccounts', () => {
  it('starts every linked account, skips running or unlinked ones, and reports failures without stopping', async () => {
    const started: string[] = [];
    const result = await ingestLinkedAccounts({
      listLinkedAccounts: async () => ['a1', 'a2', 'a3', 'a4'].map((accountId) => ({ tenantId: 't1', accountId })),
      startIngestion: async ({ accountId }) => {
        if (accountId === 'a2') throw new IngestionAlreadyRunningError(accountId, 'x');
        if (accountId === 'a3') throw new Error('SFN unavailable');
        started.push(accountId);
        return { ingestionId: `i-${accountId}` };
      },
    });
    expect(started).toEqual(['a1', 'a4']);
    expect(result).toEqual({ started: 2, skipped: 1, failed: [{ tenantId: 't1', accountId: 'a3', error: 'SFN unavailable' }] });
  });
});
