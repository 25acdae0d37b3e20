import { ASSET_TYPE_BY_SERVICE, CRYPTO_SERVICES } from '../inventory/asset';
import type { SweepInput } from '../inventory/asset-store';
import type { CrawlPart, IngestionErrorEntry, IngestionRecord, IngestionStatus } from '../control/control-model';
import type { FinalizeInput } from './crawl-types';
import { type RunDrift, runDrift } from '../health/reconciliation-drift';

/**
 * Assets an event changed since shortly before the crawl began are never swept: Secrets Manager's list lags
 * changes by up to five minutes (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html),
 * so a crawl can miss what an event already told us exists.
 */
export const SWEEP_GRACE_MS = 10 * 60 * 1000;

export interface FinalizeCrawlDeps {
  readonly getIngestion: (tenantId: string, accountId: string, ingestionId: string) => Promise<IngestionRecord>;
  readonly listCrawlParts: (ingestionId: string) => Promise<readonly CrawlPart[]>;
  /** Marks deleted what this crawl did not see in one cleanly crawled (region, service). */
  readonly sweep: (scope: SweepInput) => Promise<{ readonly swept: number }>;
  /** Joins secrets'/parameters' key references (alias names) with the region's key aliases. */
  readonly resolveKeyRelations: (scope: { tenantId: string; accountId: string; region: string }) => Promise<unknown>;
  readonly finishIngestion: (input: {
    tenantId: string;
    accountId: string;
    ingestionId: string;
    status: Exclude<IngestionStatus, 'RUNNING'>;
    finishedAt: string;
    counts: Record<string, number>;
    errors: IngestionErrorEntry[];
  }) => Promise<IngestionRecord>;
  readonly now: () => Date;
  /**
   * Reconciliation drift (lambdas/health/reconciliation-drift.ts): recorded when the run is not the account's first.
   * @default - not recorded
   */
  readonly drift?: {
    readonly isReconciliation: (tenantId: string, accountId: string, ingestionId: string) => Promise<boolean>;
    readonly record: (input: { tenantId: string; accountId: string; ingestionId: string; drift: RunDrift }) => Promise<void>;
  };
}

/**
 * Finalize: mark-and-sweep per (region, service) that completed cleanly (a failed one keeps its assets), resolve
 * key relations per region, sum the counts, and record SUCCEEDED / PARTIAL / FAILED, releasing the account's lock.
 */
export async function finalizeCrawl(input: FinalizeInput, deps: FinalizeCrawlDeps): Promise<IngestionRecord> {
  const { tenantId, accountId, ingestionId } = input;
  const finish = (status: Exclude<IngestionStatus, 'RUNNING'>, counts: Record<string, number>, errors: IngestionErrorEntry[]) =>
    deps.finishIngestion({ tenantId, accountId, ingestionId, status, finishedAt: deps.now().toISOString(), counts, errors });

  if (input.prepareError) {
    return finish('FAILED', {}, [{ code: input.prepareError.Error ?? 'PrepareFailed', message: describeCause(input.prepareError.Cause) }]);
  }

  const ingestion = await deps.getIngestion(tenantId, accountId, ingestionId);
  const crawlStartedAt = input.crawlStartedAt ?? ingestion.startedAt;
  const parts = new Map((await deps.listCrawlParts(ingestionId)).map((p) => [`${p.region}#${p.service}`, p]));
  const counts: Record<string, number> = { swept: 0 };
  const errors: IngestionErrorEntry[] = [];
  if (input.crawlError) errors.push({ code: input.crawlError.Error ?? 'CrawlFailed', message: describeCause(input.crawlError.Cause) });
  let clean = 0;
  let expected = 0;
  const crawledRegions = new Set<string>();
  const sweptByPart = new Map<string, number>();

  for (const region of ingestion.regions) {
    for (const service of CRYPTO_SERVICES) {
      expected++;
      const part = parts.get(`${region}#${service}`);
      if (!part) {
        errors.push({ region, service, code: 'CrawlItemFailed', message: 'The crawl of this region and service did not finish (the Lambda failed or timed out).' });
        continue;
      }
      for (const [k, v] of Object.entries(part.counts ?? {})) counts[k] = (counts[k] ?? 0) + v;
      if (part.status === 'FAILED') {
        errors.push({ region, service, code: part.error?.code ?? 'CrawlFailed', message: part.error?.message ?? 'The crawl failed.' });
        continue;
      }
      clean++;
      if (part.status === 'NOT_ENABLED') continue; // an opt-in region the account has not enabled: nothing to sweep
      crawledRegions.add(region);
      const { swept } = await deps.sweep({
        tenantId,
        accountId,
        region,
        types: ASSET_TYPE_BY_SERVICE[service],
        ingestionId,
        crawlStartedAt,
        graceMs: SWEEP_GRACE_MS,
      });
      counts.swept += swept;
      sweptByPart.set(`${region}#${service}`, swept);
    }
  }
  for (const region of crawledRegions) await deps.resolveKeyRelations({ tenantId, accountId, region });

  const status = clean === expected ? 'SUCCEEDED' : clean > 0 ? 'PARTIAL' : 'FAILED';
  if (deps.drift && clean > 0 && (await deps.drift.isReconciliation(tenantId, accountId, ingestionId))) {
    await deps.drift.record({ tenantId, accountId, ingestionId, drift: runDrift([...parts.values()], sweptByPart) });
  }
  return finish(status, counts, errors);
}

/** Step Functions puts a Lambda error's JSON ({errorType, errorMessage}) in Cause. */
function describeCause(cause: string | undefined): string {
  if (!cause) return 'The crawl could not start.';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    return parsed.errorMessage ?? cause;
  } catch {
    return cause;
  }
}
