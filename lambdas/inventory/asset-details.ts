import type { Asset, Usage } from './asset';
import type { AssetStore } from './asset-store';
import type { HistoryEntry, HistoryStore } from './history-store';
import type { UsageStore } from './usage-store';

/** GET /inventory/{assetId}: the asset and what is known around it. */
export interface AssetWithHistory {
  readonly asset: Asset;
  readonly usages: Usage[];
  readonly history: HistoryEntry[];
}

export interface AssetDetailsStores {
  readonly assets: Pick<AssetStore, 'get'>;
  readonly usages: Pick<UsageStore, 'listUsages'>;
  readonly history: Pick<HistoryStore, 'listHistory'>;
}

/** The asset with its usages and its most recent history entries (newest first); undefined if not the tenant's. */
export async function getAssetDetails(
  stores: AssetDetailsStores,
  tenantId: string,
  id: string,
  historyLimit = 50,
): Promise<AssetWithHistory | undefined> {
  const asset = await stores.assets.get(tenantId, id);
  if (!asset) return undefined;
  const [usages, history] = await Promise.all([stores.usages.listUsages(id), stores.history.listHistory(id, historyLimit)]);
  return { asset, usages, history };
}
