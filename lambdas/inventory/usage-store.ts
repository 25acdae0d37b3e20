import type { Usage } from './asset';

/** One observed use of an asset by a resource (from a usage event). */
export type UsageObservation = Pick<Usage, 'assetArn' | 'resourceArn' | 'resourceType' | 'via'>;

/** Who uses an asset: one edge per (asset, resource) (adapter: dynamo-usage-store.ts). */
export interface UsageStore {
  /** Counts one use at `time`: `count` + 1, `firstSeen` the earliest and `lastSeen` the latest time, in any order. */
  recordUsage(tenantId: string, usage: UsageObservation, time: string): Promise<void>;
  listUsages(assetId: string): Promise<Usage[]>;
  /** Every edge of the assets of one account (optionally one Region), read at once: what an account-wide evaluation needs. */
  listUsagesInScope(scope: UsageScope): Promise<Usage[]>;
}

export interface UsageScope {
  readonly tenantId: string;
  readonly accountId: string;
  /** @default every Region */
  readonly region?: string;
}
