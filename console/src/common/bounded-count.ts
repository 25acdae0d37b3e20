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
