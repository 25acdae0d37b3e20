import type { ApplyOutcome, EventStamp } from './apply-change';
import type { AssetChange, UsageChange } from './inventory-change';

/**
 * What the processor needs from storage. The DynamoDB implementation is dynamo-event-store.ts; tests of the
 * processing logic run against it on dynalite.
 */

export interface AccountLink {
  readonly status: 'LINKED' | 'UNLINKED';
  /** The customer role the platform assumes: its own calls come back with this as `sessionIssuer.arn`. */
  readonly roleArn?: string;
  /** The data source's regions; null = every commercial region. */
  readonly regions?: readonly string[] | null;
}

/** What the history row records besides the change itself. */
export interface HistoryContext {
  readonly eventName: string;
  readonly who: string;
}

export interface EventStatsDelta {
  readonly tenantId: string;
  readonly accountId: string;
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

export interface EventStore {
  getAccount(tenantId: string, accountId: string): Promise<AccountLink | undefined>;
  /** Was this event fully processed before (within the dedup window)? */
  hasSeen(tenantId: string, eventId: string): Promise<boolean>;
  /** Records the event as processed; false if another delivery got there first. */
  markSeen(tenantId: string, eventId: string, eventName: string): Promise<boolean>;
  unmarkSeen(tenantId: string, eventId: string): Promise<void>;
  /** Applies field changes to one asset (optimistic concurrency) and writes its history row. */
  applyAssetChange(tenantId: string, change: AssetChange, stamp: EventStamp, history: HistoryContext): Promise<ApplyOutcome>;
  recordUsage(tenantId: string, usage: UsageChange, time: string): Promise<void>;
  findSecretArnByName(tenantId: string, accountId: string, region: string, name: string): Promise<string | undefined>;
  /** ARNs of keys in (account, region) whose aliases include `aliasName`. */
  findAliasHolders(tenantId: string, accountId: string, region: string, aliasName: string): Promise<string[]>;
  addEventStats(deltas: readonly EventStatsDelta[]): Promise<void>;
  recordHealth(observations: readonly HealthObservation[]): Promise<void>;
}
