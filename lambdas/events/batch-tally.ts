import type { DropReason } from './drop-rules';
import type { EventStatsDelta, HealthObservation } from './event-stats-store';
import type { NormalizedEvent } from './normalized-event';

/**
 * Per-batch counters and health, so the control table gets one ADD per (tenant, account) and one health write per
 * (tenant, account, region) per batch instead of one per event.
 */
export class BatchTally {
  private readonly counters = new Map<string, { tenantId: string; accountId: string; counts: Record<string, number> }>();
  private readonly health = new Map<string, HealthObservation>();

  count(event: Pick<NormalizedEvent, 'tenantId' | 'accountId'>, counter: 'applied' | 'duplicates' | `dropped_${DropReason}` | 'refresh_unavailable'): void {
    const key = `${event.tenantId}\n${event.accountId}`;
    const entry = this.counters.get(key) ?? { tenantId: event.tenantId, accountId: event.accountId, counts: {} };
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
    return [...this.counters.values()].map((e) => ({ tenantId: e.tenantId, accountId: e.accountId, counters: { ...e.counts } }));
  }

  healthObservations(): HealthObservation[] {
    return [...this.health.values()];
  }
}
