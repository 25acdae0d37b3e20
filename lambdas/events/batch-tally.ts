import type { DropReason } from './drop-rules';
import type { EventStatsDelta, HealthObservation } from './event-stats-store';
import type { NormalizedEvent } from './normalized-event';

export type EventCounter = 'applied' | 'duplicates' | `dropped_${DropReason}` | 'refresh_unavailable';

/** One region of the account on the UTC day the event was received (yyyy-mm-dd). */
export interface RegionDay {
  readonly region: string;
  readonly day: string;
}

/** The (region, day) an event counts in: the day of its receipt by our intake, never the sender's clock. */
export const regionDayOf = (event: Pick<NormalizedEvent, 'region' | 'receivedAt'>): RegionDay => ({ region: event.region, day: event.receivedAt.slice(0, 10) });

/**
 * Per-batch counters and health, so the control table gets one ADD per (tenant, account), one per (tenant, account,
 * region, day) and one health write per (tenant, account, region) per batch instead of one per event.
 */
export class BatchTally {
  private readonly counters = new Map<string, { tenantId: string; accountId: string; region?: string; day?: string; counts: Record<string, number> }>();
  private readonly health = new Map<string, HealthObservation>();

  /**
   * Counts in the account's totals and, with `where`, in that region's day. The caller passes `where` only for a region
   * of the account's data source (lambdas/events/process-event.ts), so no event can grow rows for a region it invents.
   */
  count(event: Pick<NormalizedEvent, 'tenantId' | 'accountId'>, counter: EventCounter, where?: RegionDay): void {
    this.add(`${event.tenantId}\n${event.accountId}`, { tenantId: event.tenantId, accountId: event.accountId }, counter);
    if (where) {
      this.add(`${event.tenantId}\n${event.accountId}\n${where.region}\n${where.day}`, { tenantId: event.tenantId, accountId: event.accountId, ...where }, counter);
    }
  }

  private add(key: string, scope: { tenantId: string; accountId: string; region?: string; day?: string }, counter: EventCounter): void {
    const entry = this.counters.get(key) ?? { ...scope, counts: {} };
    entry.counts[counter] = (entry.counts[counter] ?? 0) + 1;
    this.counters.set(key, entry);
  }

  /** The latest received event per (account, region) wins. */
  seen(event: NormalizedEvent): void {
    const key = `${event.tenantId}\n${event.accountId}\n${event.region}`;
    const previous = this.health.get(key);
    if (previous && previous.lastEventAt > event.receivedAt) return;
    this.health.set(key, {
      tenantId: event.tenantId,
      accountId: event.accountId,
      region: event.region,
      lastEventAt: event.receivedAt,
      lastEventTime: event.eventTime,
      lastEventId: event.eventId,
      ...(event.templateVersion !== undefined ? { templateVersion: event.templateVersion } : {}),
    });
  }

  statsDeltas(): EventStatsDelta[] {
    return [...this.counters.values()].map((e) => ({
      tenantId: e.tenantId,
      accountId: e.accountId,
      ...(e.region !== undefined && e.day !== undefined && { region: e.region, day: e.day }),
      counters: { ...e.counts },
    }));
  }

  healthObservations(): HealthObservation[] {
    return [...this.health.values()];
  }
}
