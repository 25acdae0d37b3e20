export interface EventStatsDelta {
  readonly tenantId: string;
  readonly accountId: string;
  /**
   * With both: the counters of one region of the account on one UTC day (yyyy-mm-dd, the day we received the events);
   * without: the account's running totals.
   */
  readonly region?: string;
  readonly day?: string;
  readonly counters: Readonly<Record<string, number>>;
}

export interface HealthObservation {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  /** When we received the latest event of the batch for this (account, region). */
  readonly lastEventAt: string;
  readonly lastEventTime: string;
  readonly lastEventId: string;
  readonly templateVersion?: string;
}

/**
 * What the event pipeline reports about itself per (account, region): counters (applied, duplicates, dropped by
 * reason) and the last event seen. Read back with the account's details (adapter: dynamo-event-stats-store.ts).
 */
export interface EventStatsStore {
  /** Adds each delta to its account's totals, or to its (account, region, day) counters. */
  addEventStats(deltas: readonly EventStatsDelta[]): Promise<void>;
  /** Keeps the newest observation per (account, region), whatever order batches finish in. */
  recordHealth(observations: readonly HealthObservation[]): Promise<void>;
}
