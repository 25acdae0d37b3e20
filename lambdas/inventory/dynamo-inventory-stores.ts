import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAssetStore, type AssetStoreOptions } from './dynamo-asset-store';
import { DynamoHistoryStore, type HistoryStoreOptions } from './dynamo-history-store';
import { DynamoUsageStore } from './dynamo-usage-store';
import type { InventoryStores } from './inventory-stores';

/** Every inventory store over one INVENTORY table: what a handler builds at init and injects. */
export function dynamoInventoryStores(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: AssetStoreOptions & { readonly history?: HistoryStoreOptions } = {},
): InventoryStores {
  return {
    assets: new DynamoAssetStore(db, tableName, options),
    usages: new DynamoUsageStore(db, tableName),
    history: new DynamoHistoryStore(db, tableName, options.history),
  };
}
