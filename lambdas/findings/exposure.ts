import type { Asset, Usage } from '../inventory/asset';
import { isNetworkExposed, resourceTypeOfArn } from './resource-type';
import type { RuleContext } from './rule-context';
import { DAY_MS } from './time';

/** Usage edges seen within the recent-usage window. */
export function recentUsages(context: RuleContext): Usage[] {
  const since = context.now.getTime() - context.thresholds.recentUsageDays * DAY_MS;
  return context.usages.filter((u) => Date.parse(u.lastSeen) >= since);
}

/** A certificate is in use when ACM lists a resource in InUseBy or an event showed one using it recently. */
export function certificateInUse(asset: Asset, context: RuleContext): boolean {
  return asset.relations.inUseBy.length > 0 || recentUsages(context).length > 0;
}

/** What still depends on a key: recent users, assets encrypted with it, replicas. */
export function keyDependents(context: RuleContext): { recentUsers: number; encryptedAssets: number; replicas: number; any: boolean } {
  const recentUsers = recentUsages(context).length;
  const encryptedAssets = context.encryptedAssets.length;
  const replicas = context.replicas.length;
  return { recentUsers, encryptedAssets, replicas, any: recentUsers + encryptedAssets + replicas > 0 };
}

/** ARNs of network-facing resources using the asset (InUseBy, then usage edges), deduplicated and sorted. */
export function exposedUsers(asset: Asset, context: RuleContext): string[] {
  const arns = new Set<string>();
  for (const arn of asset.relations.inUseBy) if (isNetworkExposed(resourceTypeOfArn(arn))) arns.add(arn);
  for (const u of context.usages) if (isNetworkExposed(u.resourceType)) arns.add(u.resourceArn);
  return [...arns].sort();
}
