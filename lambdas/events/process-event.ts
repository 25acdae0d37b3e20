import { AssetRefreshUnavailableError, type AssetRefresher } from './asset-refresher';
import { type BatchTally, type RegionDay, regionDayOf } from './batch-tally';
import { callerArn } from './caller';
import { dropReasonOf, UNTRUSTED_DROPS, type DropReason } from './drop-rules';
import type { AccountLink, EventStore } from './event-store';
import { ALIASES, removeEntry, type AssetChange, type InventoryChange, type UsageChange } from './inventory-change';
import { mapEvent } from './mappers';
import { secretNameToResolve } from './mappers/secretsmanager';
import { normalizeEvent, type NormalizedEvent } from './normalized-event';
import { changesStayInPlace } from './place-rules';
import type { QueuedEvent } from './envelope';
import type { TouchedAsset } from '../findings/refresh-findings';
import { isCommercialRegion } from '../shared/regions';

export interface ProcessDependencies {
  readonly store: EventStore;
  readonly refresher: AssetRefresher;
  /** Logs what was skipped on purpose (e.g. an unavailable refresh). */
  readonly warn?: (message: string, details: Record<string, unknown>) => void;
}

export type ProcessOutcome =
  | { readonly kind: 'dropped'; readonly reason: DropReason }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'applied'; readonly changes: number; readonly touched: readonly TouchedAsset[] };

export type { TouchedAsset };

/** EVENTSTATS bucket for drops of accounts the tenant has no record of (one row per tenant, whatever the events say). */
export const UNLINKED_ACCOUNT_BUCKET = 'unlinked';

/** Account links looked up once per batch. */
export type AccountCache = Map<string, Promise<AccountLink | undefined>>;

/**
 * One queued event, end to end. Write order and why a retry converges:
 *  1. the dedup marker is read: a processed event stops here (counted as a duplicate);
 *  2. field changes are applied — idempotent by construction (per-field newest-wins, apply-change.ts), with their
 *     history rows (one per asset and event, never overwritten) — then targeted refreshes;
 *  3. the marker is written (conditional put); losing that race to a concurrent delivery means the other delivery
 *     counts the usage, so this one stops;
 *  4. usage edges are counted (ADD, not idempotent — the reason the marker comes first); if counting fails the
 *     marker is deleted and the error rethrown, so the SQS retry re-applies (steps 2 are no-ops then) and counts.
 * Any failure before 3 leaves no marker, so SQS's retry redoes the whole event safely. The only window left is a
 * crash between 3 and 4 (e.g. a Lambda timeout): that event's usage counts are lost, never double-counted.
 */
export async function processEvent(message: QueuedEvent, deps: ProcessDependencies, tally: BatchTally, accounts: AccountCache): Promise<ProcessOutcome> {
  const event = normalizeEvent(message);
  // The sender's account (the envelope's) is the one looked up: place-rules.ts drops events whose recipient differs.
  const cacheKey = `${event.tenantId}\n${event.envelopeAccount}`;
  if (!accounts.has(cacheKey)) accounts.set(cacheKey, deps.store.getAccount(event.tenantId, event.envelopeAccount));
  const account = await accounts.get(cacheKey);

  // Per-region rows (health, daily counters) only for a region of the account's data source, so an event naming
  // another region, invented or not, cannot grow them.
  const where: RegionDay | undefined = account && isAccountRegion(account, event.region) ? regionDayOf(event) : undefined;
  const drop = (reason: DropReason): ProcessOutcome => {
    // Untrusted events count against the account only when it has a record; otherwise in the tenant's one bucket.
    const countAs = UNTRUSTED_DROPS.has(reason) && !account ? UNLINKED_ACCOUNT_BUCKET : event.envelopeAccount;
    tally.count({ tenantId: event.tenantId, accountId: countAs }, `dropped_${reason}`, where);
    return { kind: 'dropped', reason };
  };
  const early = dropReasonOf(event, account);
  if (early && UNTRUSTED_DROPS.has(early)) return drop(early);
  // Health: the pipeline delivers for this (linked account, region), whatever happens next.
  if (where) tally.seen(event);
  if (early) return drop(early);

  if (await deps.store.hasSeen(event.tenantId, event.eventId)) {
    tally.count(event, 'duplicates', where);
    return { kind: 'duplicate' };
  }

  const secretName = secretNameToResolve(event);
  const resolvedSecretArn = secretName ? await deps.store.findSecretArnByName(event.tenantId, event.accountId, event.region, secretName) : undefined;
  const mapped = mapEvent(event, resolvedSecretArn ? { resolvedSecretArn } : {});
  if (mapped.kind === 'unsupported') return drop('unsupported-event');
  if (!changesStayInPlace(mapped.changes, event)) return drop('foreign-arn');

  const stamp = { time: event.eventTime, eventId: event.eventId };
  const history = { eventName: event.eventName, who: callerArn(event) };
  const usages: UsageChange[] = [];
  for (const change of mapped.changes) {
    switch (change.kind) {
      case 'asset':
        await deps.store.applyAssetChange(event.tenantId, change, stamp, history);
        break;
      case 'alias-detach':
        for (const change_ of await aliasDetachChanges(change, event, deps.store)) {
          await deps.store.applyAssetChange(event.tenantId, change_, stamp, history);
        }
        break;
      case 'refresh':
        await refresh(change, event, deps, tally, where);
        break;
      case 'usage':
        usages.push(change);
        break;
    }
  }

  if (!(await deps.store.markSeen(event.tenantId, event.eventId, event.eventName))) {
    tally.count(event, 'duplicates', where);
    return { kind: 'duplicate' };
  }
  try {
    for (const usage of usages) await deps.store.recordUsage(event.tenantId, usage, event.eventTime);
  } catch (err) {
    await deps.store.unmarkSeen(event.tenantId, event.eventId);
    throw err;
  }
  tally.count(event, 'applied', where);
  const touched = mapped.changes.flatMap((c) =>
    c.kind === 'asset' || c.kind === 'refresh' ? [{ tenantId: event.tenantId, accountId: c.asset.accountId, region: c.asset.region, arn: c.asset.arn }] : [],
  );
  return { kind: 'applied', changes: mapped.changes.length, touched };
}

async function aliasDetachChanges(change: Extract<InventoryChange, { kind: 'alias-detach' }>, event: NormalizedEvent, store: EventStore): Promise<AssetChange[]> {
  const holders = await store.findAliasHolders(event.tenantId, change.accountId, change.region, change.aliasName);
  return holders
    .filter((arn) => arn !== change.exceptKeyArn)
    .map((arn) => ({
      kind: 'asset' as const,
      asset: { type: 'key' as const, arn, accountId: change.accountId, region: change.region },
      ops: [removeEntry(ALIASES, change.aliasName)],
    }));
}

async function refresh(
  change: Extract<InventoryChange, { kind: 'refresh' }>,
  event: NormalizedEvent,
  deps: ProcessDependencies,
  tally: BatchTally,
  where: RegionDay | undefined,
): Promise<void> {
  try {
    await deps.refresher.refresh({ tenantId: event.tenantId, ...change.asset }, { eventTime: event.eventTime });
  } catch (err) {
    // Not wired in this deployment: the event's own changes stand and the next crawl completes the asset. Any other
    // failure (throttling, access denied) fails the record so SQS retries it.
    if (!(err instanceof AssetRefreshUnavailableError)) throw err;
    tally.count(event, 'refresh_unavailable', where);
    deps.warn?.('Targeted refresh unavailable', { arn: change.asset.arn, eventId: event.eventId });
  }
}


function isAccountRegion(account: AccountLink | undefined, region: string): boolean {
  return account?.regions ? account.regions.includes(region) : isCommercialRegion(region);
}
