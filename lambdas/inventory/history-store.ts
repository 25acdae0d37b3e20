/** One event's effect on one asset, as the asset's history shows it. */
export interface HistoryEntry {
  readonly tenantId: string;
  readonly assetArn: string;
  readonly eventId: string;
  readonly eventName: string;
  /** The identity that acted (lambdas/events/caller.ts). */
  readonly who: string;
  /** The event's time. */
  readonly at: string;
  /** What the event said, field by field, and whether the asset now holds it. */
  readonly changes: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** The per-asset history of applied events, kept for a retention period (adapter: dynamo-history-store.ts). */
export interface HistoryStore {
  /** Writes the entry once: false if the (asset, event) entry exists already (a redelivery), which is kept as first written. */
  appendHistory(assetId: string, entry: HistoryEntry): Promise<boolean>;
  /** The newest `limit` entries, newest first. */
  listHistory(assetId: string, limit: number): Promise<HistoryEntry[]>;
}
