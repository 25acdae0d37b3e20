import type { AssetType } from '../inventory/asset';
import type { Finding, FindingStatus, ProfileFilter } from './finding';
import type { Severity } from './severity';

/** Filters of GET /v1/findings; every one optional. Results come most urgent first: severity, then due date. */
export interface FindingsQuery {
  readonly tenantId: string;
  readonly status?: FindingStatus;
  readonly severity?: Severity;
  readonly ruleId?: string;
  /** `all` (or absent) = every rule. */
  readonly profile?: ProfileFilter;
  readonly accountId?: string;
  readonly region?: string;
  readonly assetType?: AssetType;
  readonly tag?: { readonly key: string; readonly value: string };
  /** 1–1000. */
  readonly limit: number;
  readonly cursor?: string;
}

export interface FindingsPage {
  readonly items: Finding[];
  readonly nextCursor: string | null;
}

/** Where findings live; the evaluation (refresh-findings.ts) and the API read and write through it. */
export interface FindingsStore {
  /** Every stored finding (any status) of these assets: what `reconcile` compares a new evaluation with. */
  findingsOfAssets(tenantId: string, assetIds: readonly string[]): Promise<Finding[]>;
  /**
   * Every stored finding (any status) of the assets of one account (optionally one Region), read at once for an
   * account-wide evaluation. May lag writes of the last moment (an index): see the adapter.
   */
  findingsInScope(tenantId: string, scope: { readonly accountId: string; readonly region?: string }): Promise<Finding[]>;
  /** Writes findings as given (opened, updated, resolved, suppressed or lifted). */
  save(findings: readonly Finding[]): Promise<void>;
  get(tenantId: string, findingId: string): Promise<Finding | undefined>;
  list(query: FindingsQuery): Promise<FindingsPage>;
}
