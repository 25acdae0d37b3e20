import type { Asset, Usage } from '../inventory/asset';
import type { KeyDependent } from '../inventory/asset-store';
import type { AssetRelations, HistoryEvent, RelatedAsset } from './rule-context';

/**
 * Relations of many assets at once, for a caller that holds a scope of the inventory (an account's assets after a
 * crawl, an event's asset and its neighbours): one pass over the assets and usages, then O(1) per asset.
 * - encrypted with: assets whose `relations.kmsKeyArn` is the key (not deleted), from the assets given and from
 *   `dependents` (secrets and parameters read with only those fields: what the event path reads around a key);
 * - replicas: a multi-Region primary key's replicas (same key id, other Regions), a primary secret's replicas
 *   (Secrets Manager ReplicationStatus Regions; the replica keeps the primary's ARN but for the Region);
 * - usages by asset ARN; history by asset ARN when given.
 */
export class RelationsIndex {
  private readonly encrypted = new Map<string, RelatedAsset[]>();
  private readonly replicaKeys = new Map<string, RelatedAsset[]>();
  private readonly usagesByArn = new Map<string, Usage[]>();

  constructor(
    assets: readonly Asset[],
    usages: readonly Usage[] = [],
    private readonly history: ReadonlyMap<string, readonly HistoryEvent[]> = new Map(),
    dependents: readonly KeyDependent[] = [],
  ) {
    const seen = new Set<string>();
    for (const asset of assets) {
      if (asset.deleted) continue;
      const keyArn = asset.relations.kmsKeyArn;
      if (keyArn && !seen.has(asset.arn)) {
        seen.add(asset.arn);
        push(this.encrypted, keyArn, related(asset));
      }
      if (asset.details.kind === 'key' && asset.details.multiRegionKeyType === 'REPLICA') {
        push(this.replicaKeys, multiRegionKeyScope(asset.accountId, asset.details.keyId), related(asset));
      }
    }
    for (const d of dependents) {
      if (seen.has(d.arn)) continue;
      seen.add(d.arn);
      push(this.encrypted, d.kmsKeyArn, { arn: d.arn, type: d.type, region: d.region, ...(d.lastSeen !== undefined && { lastSeen: d.lastSeen }) });
    }
    for (const usage of usages) push(this.usagesByArn, usage.assetArn, usage);
  }

  relationsOf(asset: Asset): AssetRelations {
    return {
      usages: this.usagesByArn.get(asset.arn) ?? [],
      encryptedAssets: asset.type === 'key' ? (this.encrypted.get(asset.arn) ?? []) : [],
      replicas: replicasOf(asset, this.replicaKeys),
      history: this.history.get(asset.arn) ?? [],
    };
  }
}

function related(asset: Asset): RelatedAsset {
  return { arn: asset.arn, type: asset.type, region: asset.region, lastSeen: asset.lastSeen };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Multi-Region keys share their key id (mrk-…) in every Region of the account. */
function multiRegionKeyScope(accountId: string, keyId: string): string {
  return `${accountId}/${keyId}`;
}

function replicasOf(asset: Asset, replicaKeys: ReadonlyMap<string, RelatedAsset[]>): RelatedAsset[] {
  const details = asset.details;
  if (details.kind === 'key' && details.multiRegionKeyType === 'PRIMARY') {
    return (replicaKeys.get(multiRegionKeyScope(asset.accountId, details.keyId)) ?? []).filter((r) => r.arn !== asset.arn);
  }
  if (details.kind === 'secret' && details.replicas && (details.primaryRegion === undefined || details.primaryRegion === asset.region)) {
    return details.replicas.map((r) => ({ arn: withRegion(asset.arn, r.region), type: 'secret' as const, region: r.region }));
  }
  return [];
}

/** arn:partition:service:region:account:resource with another Region. */
function withRegion(arn: string, region: string): string {
  const parts = arn.split(':');
  parts[3] = region;
  return parts.join(':');
}
