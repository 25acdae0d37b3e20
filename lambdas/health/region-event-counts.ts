/**
 * What the backend received from one region, per UTC day: the event processor's (account, region, day) counters
 * (lambdas/events/batch-tally.ts) summed for the delivery check.
 */

/** Days shown per region, today included. */
export const EVENT_WINDOW_DAYS = 7;

/** One stored row: counters as the processor names them (applied, duplicates, dropped_<reason>, refresh_unavailable). */
export interface RegionEventDay {
  readonly region: string;
  /** yyyy-mm-dd (UTC), the day the events were received */
  readonly day: string;
  readonly counters: Readonly<Record<string, number>>;
}

export interface DailyEvents {
  readonly date: string;
  /** Every event received from the region that day: applied, duplicate or dropped. */
  readonly events: number;
  readonly dropped: number;
}

export interface RegionEventCounts {
  /** The last EVENT_WINDOW_DAYS days, oldest first, days without events as zeros. */
  readonly eventsPerDay: readonly DailyEvents[];
  /** Over the same days: drop reason (lambdas/events/drop-rules.ts) → events. */
  readonly droppedByReason: Readonly<Record<string, number>>;
}

const DROPPED = 'dropped_';
const DAY_MS = 86_400_000;

/** The first day of the window ending today (yyyy-mm-dd). */
export function eventWindowStart(now: Date): string {
  return new Date(now.getTime() - (EVENT_WINDOW_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
}

export function regionEventCounts(rows: readonly RegionEventDay[], region: string, now: Date): RegionEventCounts {
  const days = Array.from({ length: EVENT_WINDOW_DAYS }, (_, i) => new Date(now.getTime() - (EVENT_WINDOW_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const perDay = new Map(days.map((d) => [d, { events: 0, dropped: 0 }]));
  const droppedByReason: Record<string, number> = {};
  for (const row of rows) {
    const day = perDay.get(row.day);
    if (row.region !== region || !day) continue;
    for (const [name, n] of Object.entries(row.counters)) {
      if (name.startsWith(DROPPED)) {
        const reason = name.slice(DROPPED.length);
        droppedByReason[reason] = (droppedByReason[reason] ?? 0) + n;
        day.dropped += n;
        day.events += n;
      } else if (name === 'applied' || name === 'duplicates') {
        day.events += n;
      }
    }
  }
  return { eventsPerDay: days.map((date) => ({ date, ...perDay.get(date)! })), droppedByReason };
}

/** "120 events in the last 7 days (today 4), 3 dropped (unsupported-event 2, failed-call 1)" */
export function describeEventCounts(counts: RegionEventCounts): string {
  const total = counts.eventsPerDay.reduce((n, d) => n + d.events, 0);
  const today = counts.eventsPerDay.at(-1)?.events ?? 0;
  const reasons = Object.entries(counts.droppedByReason).sort(([, a], [, b]) => b - a);
  const dropped = reasons.reduce((n, [, c]) => n + c, 0);
  const drops = dropped > 0 ? `, ${dropped} dropped (${reasons.map(([r, c]) => `${r} ${c}`).join(', ')})` : ', none dropped';
  return `${total} event(s) received in the last ${EVENT_WINDOW_DAYS} days (today ${today})${total > 0 ? drops : ''}`;
}
