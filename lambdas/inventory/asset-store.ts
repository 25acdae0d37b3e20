import type { Asset, AssetType, DiscoveredAsset } from './asset';

export interface CrawlObservation {
  readonly tenantId: string;
  readonly ingestionId: string;
  /** The crawl's read time of this asset (ISO). */
  readonly observedAt: string;
}

/** `stamped`: a newer (or equally new) observation was stored, so only the crawl's generation was recorded. */
/**
 * What a crawl write did: `created` (no live asset before), `updated` (what the crawl read differs from what was
 * stored), `unchanged`, or `stamped` (the stored state was a newer observation — an event — and was kept). Created and
 * updated on a re-crawl are changes the events had not brought: reconciliation drift.
 */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stamped';

export interface SweepInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly types: readonly AssetType[];
  readonly ingestionId: string;
  readonly crawlStartedAt: string;
  /** Assets observed (by an event) after crawlStartedAt − graceMs are kept: Secrets Manager's list lags by minutes. */
  readonly graceMs: number;
  /** Deletion time to record. @default now */
  readonly now?: string;
}

export interface SweepResult {
  readonly examined: number;
  readonly deleted: number;
  /** Changed between the query and the conditional delete (an event arrived): kept. */
  readonly skipped: number;
}

/** One (account, region) of a tenant. */
export interface AssetScope {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
}

export interface InventoryQuery {
  readonly tenantId: string;
  /** The tenant's accounts (from the control table): the only partitions read. */
  readonly accountIds: readonly string[];
  readonly type?: AssetType;
  readonly region?: string;
  readonly accountId?: string;
  readonly arn?: string;
  readonly quantumVulnerable?: boolean;
  /** ISO instant: assets whose notAfter is strictly before it. */
  readonly expiresBefore?: string;
  /** Case-sensitive substring of the name or ARN. */
  readonly q?: string;
  readonly includeDeleted?: boolean;
  /** 1–1000. */
  readonly limit: number;
  readonly cursor?: string;
}

export interface InventoryPage {
  readonly items: Asset[];
  /** null on the last page; a page may hold fewer than `limit` items and still have a next one. */
  readonly nextCursor: string | null;
}

/** A secret or parameter encrypted with a KMS key: what a key's "encrypted with" relation shows of it. */
export interface KeyDependent {
  readonly arn: string;
  readonly type: AssetType;
  readonly region: string;
  readonly lastSeen?: string;
  /** The resolved key ARN. */
  readonly kmsKeyArn: string;
}

/**
 * The assets of the inventory. "Newest observation wins": a crawl read or an applied event never overwrites a newer
 * observation (adapter: dynamo-asset-store.ts).
 */
export interface AssetStore {
  /** Writes what the crawl read, unless a newer observation is stored (then only the crawl generation is stamped). */
  upsertFromCrawl(discovered: DiscoveredAsset, obs: CrawlObservation): Promise<UpsertOutcome>;
  /** Mark-and-sweep of one cleanly crawled (region, types): marks deleted what the crawl did not stamp. */
  sweep(input: SweepInput): Promise<SweepResult>;
  /** Resolves secrets'/parameters' key references with the region's keys and aliases. Returns assets updated. */
  resolveKeyRelations(scope: AssetScope): Promise<number>;
  /**
   * The (not deleted) secrets and parameters of one (account, Region) encrypted with one of `keyArns` (at most 100),
   * read with only those fields.
   */
  listKeyDependents(scope: AssetScope, keyArns: readonly string[]): Promise<KeyDependent[]>;
  /** Unlink without purge: the assets stay, marked with `unlinkedAt`. Returns how many were marked. */
  markAccountUnlinked(input: { tenantId: string; accountId: string; unlinkedAt: string }): Promise<number>;
  /** Unlink with purge: deletes every asset of the account with its usages and history. Returns assets deleted. */
  purgeAccount(input: { tenantId: string; accountId: string }): Promise<number>;
  /** Another tenant's asset is not found. */
  get(tenantId: string, id: string): Promise<Asset | undefined>;
  getByArn(tenantId: string, arn: string): Promise<Asset | undefined>;
  /** One page of the tenant's inventory; throws InvalidCursorError (lambdas/inventory/inventory-cursor.ts). */
  list(query: InventoryQuery): Promise<InventoryPage>;
}
