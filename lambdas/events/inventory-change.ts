import type { AssetType, ResourceType } from '../inventory/asset';

/**
 * What a CloudTrail record means for the inventory, as plain data. Mappers (mappers/*.ts) produce these; the event
 * store applies them. Keeping them data (not DynamoDB calls) lets every mapper be a pure, table-tested function.
 */

/** Which asset a change addresses. `arn` is always a full ARN (bare key ids and names are resolved by the mapper). */
export interface AssetRef {
  readonly type: AssetType;
  readonly arn: string;
  readonly accountId: string;
  readonly region: string;
}

/** A path into the Asset, e.g. ['lifecycle', 'state']. Mappers use leaf paths so two ops never overlap. */
export type FieldPath = readonly string[];

/**
 * One field-level change. Each op is a last-writer-wins register keyed by its path (and entry key): it applies only
 * if the event is newer than the last observation of that exact field, so events for different fields commute.
 * Collections (tags, aliases, replicas) are changed per entry for the same reason.
 */
export type FieldOp =
  | { readonly op: 'set'; readonly path: FieldPath; readonly value: unknown }
  | { readonly op: 'unset'; readonly path: FieldPath }
  | { readonly op: 'put-entry'; readonly path: FieldPath; readonly key: string; readonly value: unknown }
  | { readonly op: 'remove-entry'; readonly path: FieldPath; readonly key: string }
  /** The complete collection as observed (aws.tag's full tag set, a targeted refresh): entries not listed are removed. */
  | { readonly op: 'replace-entries'; readonly path: FieldPath; readonly entries: Readonly<Record<string, unknown>> };

/** Change fields of one asset (creating it, with what the event carries, if the inventory does not have it yet). */
export interface AssetChange {
  readonly kind: 'asset';
  readonly asset: AssetRef;
  readonly ops: readonly FieldOp[];
}

/** Someone used an asset: an edge asset → resource, counted. */
export interface UsageChange {
  readonly kind: 'usage';
  readonly assetArn: string;
  readonly resourceArn: string;
  readonly resourceType: ResourceType;
  /** The event name that revealed the usage. */
  readonly via: string;
}

/** The event carries too little: ask the read-only role for this one asset (one describe, not a re-crawl). */
export interface RefreshChange {
  readonly kind: 'refresh';
  readonly asset: AssetRef;
}

/**
 * A KMS alias now points elsewhere (UpdateAlias) or is gone (DeleteAlias without a key in the record): the key that
 * held it is not in the record, so the store finds the holders in the same account and Region.
 */
export interface AliasDetachChange {
  readonly kind: 'alias-detach';
  readonly accountId: string;
  readonly region: string;
  readonly aliasName: string;
  /** The key that now holds the alias (it keeps it). */
  readonly exceptKeyArn?: string;
}

export type InventoryChange = AssetChange | UsageChange | RefreshChange | AliasDetachChange;

/** Result of mapping one event: changes, or why it maps to nothing. */
export type MapResult =
  | { readonly kind: 'changes'; readonly changes: readonly InventoryChange[] }
  | { readonly kind: 'unsupported' };

export const set = (path: FieldPath, value: unknown): FieldOp => ({ op: 'set', path, value });
export const unset = (path: FieldPath): FieldOp => ({ op: 'unset', path });
export const putEntry = (path: FieldPath, key: string, value: unknown): FieldOp => ({ op: 'put-entry', path, key, value });
export const removeEntry = (path: FieldPath, key: string): FieldOp => ({ op: 'remove-entry', path, key });

export const TAGS: FieldPath = ['tags'];
export const ALIASES: FieldPath = ['relations', 'aliases'];
export const REPLICAS: FieldPath = ['details', 'replicas'];

/** The asset exists (again): a re-created SSM parameter or re-imported certificate clears an earlier deletion. */
export const alive = (): FieldOp[] => [set(['deleted'], false), unset(['deletedAt'])];
/** The asset is gone for good; kept as a tombstone so a late, older event cannot resurrect it. */
export const gone = (at: string): FieldOp[] => [set(['deleted'], true), set(['deletedAt'], at)];
