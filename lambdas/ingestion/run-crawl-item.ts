import type { CrawlPart } from '../control/control-model';
import type { DiscoveredAsset } from '../inventory/asset';
import type { CrawlItemState } from './crawl-types';

/** The discovery engine's answer for one (region, service) invocation (lambdas/discovery/service-crawler.ts). */
export interface ServiceCrawlOutcome {
  readonly status: 'COMPLETE' | 'CONTINUE' | 'NOT_ENABLED' | 'ACCESS_DENIED' | 'FAILED';
  readonly continuation?: string;
  readonly assets: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly throttledRetries: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface RunCrawlItemDeps {
  /** Crawls as much of the (region, service) as time allows, handing each asset to `sink`. */
  readonly crawl: (args: {
    state: CrawlItemState;
    sink: (asset: DiscoveredAsset) => Promise<void>;
  }) => Promise<ServiceCrawlOutcome>;
  /** Answers what the write did (lambdas/inventory/dynamo-inventory-repository.ts UpsertOutcome): created and updated are counted. */
  readonly upsertFromCrawl: (asset: DiscoveredAsset, ctx: { tenantId: string; ingestionId: string; observedAt: string }) => Promise<unknown>;
  readonly putCrawlPart: (part: CrawlPart) => Promise<void>;
  readonly now: () => Date;
}

/**
 * CrawlService task: one invocation crawls one (region, service) until done or until the Lambda's time budget is
 * near, then returns CONTINUE with a token for the next invocation. Each asset is written as soon as it is read
 * (no whole inventory in memory), with its read time as the observation time. The final outcome is recorded as a
 * crawl part, which Finalize uses to decide what may be swept.
 */
export async function runCrawlItem(state: CrawlItemState, deps: RunCrawlItemDeps): Promise<CrawlItemState> {
  const { tenantId, ingestionId, region, service } = state;
  // Assets this crawl created or changed: on a re-crawl, the changes events had not applied (reconciliation drift).
  const written = { driftCreated: 0, driftUpdated: 0 };
  const outcome = await deps.crawl({
    state,
    sink: async (asset) => {
      const result = await deps.upsertFromCrawl(asset, { tenantId, ingestionId, observedAt: deps.now().toISOString() });
      if (result === 'created') written.driftCreated++;
      if (result === 'updated') written.driftUpdated++;
    },
  });
  const counts = addCounts(state.counts ?? {}, {
    ...written,
    assets: outcome.assets,
    apiCalls: Object.values(outcome.calls).reduce((a, b) => a + b, 0),
    throttledRetries: outcome.throttledRetries,
  });
  const base = { tenantId, accountId: state.accountId, ingestionId, region, service, counts };
  if (outcome.status === 'CONTINUE') return { ...base, status: 'CONTINUE', continuation: outcome.continuation };

  const finishedAt = deps.now().toISOString();
  const partStatus = outcome.status === 'COMPLETE' ? 'SUCCEEDED' : outcome.status === 'NOT_ENABLED' ? 'NOT_ENABLED' : 'FAILED';
  await deps.putCrawlPart({
    ingestionId,
    region,
    service,
    status: partStatus,
    finishedAt,
    counts,
    ...(outcome.error && { error: outcome.error }),
  });
  return { ...base, status: 'DONE' };
}

function addCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) total[k] = (total[k] ?? 0) + v;
  return total;
}
