import type { Asset, Usage } from '../inventory/asset';
import { getAssetDetails, type AssetDetailsStores } from '../inventory/asset-details';
import { assetId } from '../inventory/asset-id';
import type { AssetStore } from '../inventory/asset-store';
import { evaluateAsset } from './evaluate-asset';
import type { FindingsStore } from './findings-store';
import { reconcile, type ReconcileResult } from './reconcile';
import { RelationsIndex } from './relations-index';
import type { HistoryEvent } from './rule-context';

/** What the evaluation reads from the inventory: assets (listed per account or Region), their usages and history. */
export type InventoryReader = AssetDetailsStores & { readonly assets: Pick<AssetStore, 'list' | 'get'> };

export interface RefreshDeps {
  readonly store: Pick<FindingsStore, 'findingsOfAssets' | 'save'>;
  readonly inventory: InventoryReader;
  readonly now: () => Date;
  /** Assets whose usages and history are read at once. @default 8 */
  readonly concurrency?: number;
}

export interface RefreshOutcome {
  readonly evaluated: number;
  readonly opened: number;
  readonly resolved: number;
  readonly open: number;
}

/**
 * Evaluates `targets` and stores what changed. Relations ("encrypted with", replicas) are computed over `scope`
 * (the targets' account or Region, so a key sees the secrets encrypted with it); usages and history are read for the
 * targets only. Deleted targets resolve their findings (evaluateAsset raises none for them).
 */
export async function refreshFindings(tenantId: string, targets: readonly Asset[], scope: readonly Asset[], deps: RefreshDeps): Promise<RefreshOutcome> {
  const now = deps.now();
  const usages: Usage[] = [];
  const history = new Map<string, HistoryEvent[]>();
  await forEachLimited(targets, deps.concurrency ?? 8, async (asset) => {
    if (asset.deleted) return;
    const details = await getAssetDetails(deps.inventory, tenantId, asset.id);
    if (!details) return;
    usages.push(...details.usages);
    history.set(
      asset.arn,
      details.history.map((h) => ({ eventName: h.eventName, at: h.at })),
    );
  });
  const index = new RelationsIndex(scope, usages, history);
  const drafts = targets.flatMap((asset) => evaluateAsset(asset, { now, ...index.relationsOf(asset) }));
  const previous = await deps.store.findingsOfAssets(
    tenantId,
    targets.map((a) => a.id),
  );
  const result: ReconcileResult = reconcile(previous, drafts, now);
  await deps.store.save([...result.opened, ...result.updated, ...result.resolved]);
  return {
    evaluated: targets.length,
    opened: result.opened.length,
    resolved: result.resolved.length,
    open: [...result.opened, ...result.updated].filter((f) => f.status === 'open').length,
  };
}

/** Every asset of one account (deleted ones too, so their findings resolve), all pages. */
export async function accountAssets(tenantId: string, accountId: string, inventory: InventoryReader, region?: string): Promise<Asset[]> {
  const assets: Asset[] = [];
  let cursor: string | undefined;
  do {
    const page = await inventory.assets.list({ tenantId, accountIds: [accountId], accountId, ...(region && { region }), includeDeleted: true, limit: 1000, cursor });
    assets.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return assets;
}

/** After a crawl or on the schedule: every asset of the account. */
export async function refreshAccountFindings(tenantId: string, accountId: string, deps: RefreshDeps): Promise<RefreshOutcome> {
  const assets = await accountAssets(tenantId, accountId, deps.inventory);
  return refreshFindings(tenantId, assets, assets, deps);
}

/** An asset an applied event touched. */
export interface TouchedAsset {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly arn: string;
}

/**
 * After applied events: the touched assets and their neighbours, one (tenant, account, Region) at a time. A secret
 * or parameter's key is re-evaluated with it (its pending-deletion or disabled-in-use severity depends on what it
 * encrypts); a key's encrypted assets come from the Region's scope.
 */
export async function refreshTouchedFindings(touched: readonly TouchedAsset[], deps: RefreshDeps): Promise<RefreshOutcome> {
  const groups = new Map<string, { tenantId: string; accountId: string; region: string; arns: Set<string> }>();
  for (const t of touched) {
    const key = `${t.tenantId}\n${t.accountId}\n${t.region}`;
    const group = groups.get(key) ?? { tenantId: t.tenantId, accountId: t.accountId, region: t.region, arns: new Set<string>() };
    group.arns.add(t.arn);
    groups.set(key, group);
  }
  const total = { evaluated: 0, opened: 0, resolved: 0, open: 0 };
  for (const group of groups.values()) {
    const scope = await accountAssets(group.tenantId, group.accountId, deps.inventory, group.region);
    const byId = new Map(scope.map((a) => [a.id, a]));
    const targets = new Map<string, Asset>();
    for (const arn of group.arns) {
      const asset = byId.get(assetId(group.tenantId, arn));
      if (!asset) continue;
      targets.set(asset.id, asset);
      const keyArn = asset.relations.kmsKeyArn;
      const key = keyArn ? byId.get(assetId(group.tenantId, keyArn)) : undefined;
      if (key) targets.set(key.id, key);
    }
    const outcome = await refreshFindings(group.tenantId, [...targets.values()], scope, deps);
    total.evaluated += outcome.evaluated;
    total.opened += outcome.opened;
    total.resolved += outcome.resolved;
    total.open += outcome.open;
  }
  return total;
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
