import type { UsageStore } from '../inventory/usage-store';
import type { ApplyOutcome, EventStamp } from './apply-change';
import type { EventMarkerStore } from './event-marker-store';
import type { EventStatsStore } from './event-stats-store';
import type { AssetChange } from './inventory-change';

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

export interface EventStore extends EventMarkerStore, EventStatsStore, Pick<UsageStore, 'recordUsage'> {
  getAccount(tenantId: string, accountId: string): Promise<AccountLink | undefined>;
  /** Applies field changes to one asset (optimistic concurrency) and writes its history row. */
  applyAssetChange(tenantId: string, change: AssetChange, stamp: EventStamp, history: HistoryContext): Promise<ApplyOutcome>;
  findSecretArnByName(tenantId: string, accountId: string, region: string, name: string): Promise<string | undefined>;
  /** ARNs of keys in (account, region) whose aliases include `aliasName`. */
  findAliasHolders(tenantId: string, accountId: string, region: string, aliasName: string): Promise<string[]>;
}
