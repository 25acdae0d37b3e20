/** A count read from one page of the API: exact when the page was the last one, otherwise a lower bound. */
export interface BoundedCount {
  readonly count: number;
  readonly atLeast: boolean;
}

export function countOfPage(page: { items: readonly unknown[]; nextCursor: string | null }): BoundedCount {
  return { count: page.items.length, atLeast: page.nextCursor !== null };
}

export function showCount(c: BoundedCount): string {
  return `${c.atLeast ? '≥ ' : ''}${c.count.toLocaleString('en-US')}`;
}

export function subtract(a: BoundedCount, b: BoundedCount): BoundedCount {
  return { count: Math.max(0, a.count - b.count), atLeast: a.atLeast || b.atLeast };
}

const DAY_MS = 86_400_000;

/** The certificate expiry timeline's buckets (expired, ≤ 7 days, 8–30, 31–90, later) from cumulative "expires before" counts. */
export function expiryBuckets(now: Date): ReadonlyArray<{ label: string; before?: string }> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  return [
    { label: 'Expired', before: now.toISOString() },
    { label: '≤ 7 days', before: at(7) },
    { label: '8–30 days', before: at(30) },
    { label: '31–90 days', before: at(90) },
    { label: 'Later' },
  ];
}

/** Cumulative counts (expired, <7d, <30d, <90d, all certificates) → per-bucket counts. */
export function bucketCounts(cumulative: readonly BoundedCount[]): BoundedCount[] {
  return cumulative.map((c, i) => (i === 0 ? c : subtract(c, cumulative[i - 1])));
}
