import type { AssetStore } from './asset-store';
import type { HistoryStore } from './history-store';
import type { UsageStore } from './usage-store';

/** The inventory's stores, as handlers inject them (DynamoDB: dynamo-inventory-stores.ts). */
export interface InventoryStores {
  readonly assets: AssetStore;
  readonly usages: UsageStore;
  readonly history: HistoryStore;
}
