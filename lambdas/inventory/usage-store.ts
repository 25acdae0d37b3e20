import type { Usage } from './asset';

/** One observed use of an asset by a resource (from a usage event). */
export type UsageObservation = Pick<Usage, 'assetArn' | 'resourceArn' | 'resourceType' | 'via'>;

/** Who uses an asset: one edge per (asset, resource) (adapter: dynamo-usage-store.ts). */
export interface UsageStore {
  /** Counts one use at `time`: `count` + 1, `firstSeen` the earliest and `lastSeen` the latest time, in any order. */
  recordUsage(tenantId: string, usage: UsageObservation, time: string): Promise<void>;
  listUsages(assetId: string): Promise<Usage[]>;
}
