import type { AccountDetails } from '../control/control-model';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import { checkAccountHealth } from './check-account-health';
import type { PipelineReader } from './eventbridge-observations';
import type { AccountHealthReport, DriftCounts } from './health-model';
import type { HealthStore, HealthTransitionPage } from './health-store';
import { type PipelineNames, pipelineNamesOf } from './pipeline-names';
import { driftByRegion, type RunDrift } from './reconciliation-drift';
import { eventWindowStart, regionEventCounts } from './region-event-counts';

export interface PipelineHealthDeps {
  readonly control: { getAccountDetails(tenantId: string, accountId: string): Promise<AccountDetails> };
  readonly store: HealthStore;
  /** The EventBridge reader through this account's role, with these names. */
  readonly readerFor: (account: AccountDetails, externalId: string, names: PipelineNames) => PipelineReader;
  readonly tenantExternalId: (tenantId: string) => Promise<string>;
  readonly now: () => Date;
  readonly currentTemplateVersion: string;
}

/** The drift the account's last ingestion counted per region (lambdas/health/dynamo-drift-store.ts); none before a re-crawl. */
function lastDrift(account: AccountDetails): Readonly<Record<string, DriftCounts>> {
  const last = account.lastIngestion as { drift?: RunDrift } | undefined;
  return last?.drift ? driftByRegion(last.drift) : {};
}

/**
 * Runs the checks of one account now and stores the result (throws AccountNotFoundError for an unknown account before
 * anything is read). `expectedEndpoint` is this deployment's events endpoint, when known.
 */
export async function runPipelineHealthCheck(
  deps: PipelineHealthDeps,
  input: { tenantId: string; accountId: string; expectedEndpoint?: string },
): Promise<AccountHealthReport> {
  const account = await deps.control.getAccountDetails(input.tenantId, input.accountId);
  const names = pipelineNamesOf(await deps.store.pipelineNames(input.tenantId, input.accountId));
  const externalId = await deps.tenantExternalId(input.tenantId);
  const drift = lastDrift(account);
  const regions = account.regions ?? COMMERCIAL_REGION_NAMES;
  const seen = new Map(account.health.map((h) => [h.region, h]));
  const now = deps.now();
  const eventDays = await deps.store.regionEventDays(input.tenantId, input.accountId, eventWindowStart(now));
  const report = await checkAccountHealth(
    {
      accountId: input.accountId,
      regions,
      names,
      delivery: (region) => {
        const h = seen.get(region);
        return {
          ...(h?.lastEventAt !== undefined && { lastEventAt: h.lastEventAt }),
          ...(h?.templateVersion !== undefined && { templateVersion: h.templateVersion }),
          ...(drift[region] !== undefined && { drift: drift[region] }),
          events: regionEventCounts(eventDays, region, now),
        };
      },
    },
    {
      reader: deps.readerFor(account, externalId, names),
      now: deps.now,
      currentTemplateVersion: deps.currentTemplateVersion,
      ...(input.expectedEndpoint !== undefined && { expectedEndpoint: input.expectedEndpoint }),
    },
  );
  await deps.store.saveReport(input.tenantId, report);
  return report;
}

/** The account's transitions (a region turning failing or recovering), newest first; 404 for an unknown account. */
export async function healthHistory(
  deps: Pick<PipelineHealthDeps, 'control' | 'store'>,
  input: { tenantId: string; accountId: string; limit: number; before?: string },
): Promise<HealthTransitionPage> {
  await deps.control.getAccountDetails(input.tenantId, input.accountId);
  return deps.store.transitions(input.tenantId, input.accountId, { limit: input.limit, ...(input.before !== undefined && { before: input.before }) });
}

/** The latest stored result; an account never checked answers `unknown` with no regions (404 for an unknown account). */
export async function latestPipelineHealth(
  deps: Pick<PipelineHealthDeps, 'control' | 'store'>,
  input: { tenantId: string; accountId: string },
): Promise<AccountHealthReport | { accountId: string; status: 'unknown'; checkedAt: null; regions: [] }> {
  await deps.control.getAccountDetails(input.tenantId, input.accountId);
  return (await deps.store.latestReport(input.tenantId, input.accountId)) ?? { accountId: input.accountId, status: 'unknown', checkedAt: null, regions: [] };
}
