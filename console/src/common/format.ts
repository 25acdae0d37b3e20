/** Dates as the user's locale shows them, with the ISO instant kept for screen readers and copying. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '-';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDay(iso: string | undefined | null): string {
  if (!iso) return '-';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function quantumLabel(v: boolean | null | undefined): string {
  return v === true ? 'Vulnerable' : v === false ? 'Resistant' : 'Unknown';
}
