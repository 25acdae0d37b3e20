/** Day arithmetic on ISO-8601 timestamps (the inventory's format). */
export const DAY_MS = 86_400_000;

/** Whole and fractional days from `now` to `iso` (negative when `iso` is past). */
export function daysUntil(iso: string, now: Date): number {
  return (Date.parse(iso) - now.getTime()) / DAY_MS;
}
