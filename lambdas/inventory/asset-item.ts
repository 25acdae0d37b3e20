import { withoutKeys } from '../shared/dynamo';
import type { Asset } from './asset';
import { decodeStoredTags, encodeStoredTags } from './stored-tags';
import { GSI1, GSI2, inventoryKeys } from '../shared/table-schema';

/**
 * The DynamoDB item of an asset (for `@aws-sdk/lib-dynamodb`, which marshals nested objects as maps).
 * The Asset fields are stored at the top level; the keys and bookkeeping attributes below are added around them.
 * Both writers — the crawl (lambdas/inventory) and the event processor (lambdas/events) — go through this file so
 * they address and shape the same item.
 */
export interface AssetItem extends Asset {
  readonly pk: string;
  readonly sk: string;
  readonly gsi1pk: string;
  readonly gsi1sk: string;
  readonly gsi2pk?: string;
  readonly gsi2sk?: string;
  /** Id of the last ingestion whose crawl read this asset (mark-and-sweep generation). */
  readonly lastCrawlId?: string;
  /** CloudTrail eventID of the last applied event. */
  readonly lastEventId?: string;
  /** When (ISO time) the asset's account was unlinked without purge: kept, but marked. */
  readonly unlinkedAt?: string;
}

/** Bookkeeping of the crawl (lastCrawlId) and of the event pipeline (per-field clocks, revision): not the asset. */
const BOOKKEEPING = ['lastCrawlId', 'lastEventId', 'eventClock', 'rev'];

export function assetItemKeys(asset: Pick<Asset, 'id' | 'tenantId' | 'accountId' | 'region' | 'type' | 'arn' | 'lifecycle'>) {
  const keys: Record<string, string> = {
    ...inventoryKeys.asset(asset.id),
    [GSI1.pk]: inventoryKeys.assetScope(asset.tenantId, asset.accountId, asset.region),
    [GSI1.sk]: inventoryKeys.assetScopeSort(asset.type, asset.arn),
  };
  if (asset.lifecycle.notAfter) {
    keys[GSI2.pk] = inventoryKeys.expiryPartition(asset.tenantId);
    keys[GSI2.sk] = inventoryKeys.expirySort(asset.lifecycle.notAfter, asset.id);
  }
  return keys;
}

export function toAssetItem(asset: Asset, extra: Partial<Pick<AssetItem, 'lastCrawlId' | 'lastEventId'>> = {}): AssetItem {
  return { ...asset, tags: encodeStoredTags(asset.tags), ...extra, ...assetItemKeys(asset) } as AssetItem;
}

/** Strips keys and bookkeeping, returning the Asset as the API shows it. */
export function fromAssetItem(item: Record<string, unknown>): Asset {
  const asset = withoutKeys<Record<string, unknown>>(item, BOOKKEEPING);
  if (asset.tags !== undefined) asset.tags = decodeStoredTags(asset.tags);
  return asset as unknown as Asset;
}
