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

/** A run's length in words ("2 min 5 s"); "-" while it has no end. */
export function formatDuration(startIso: string, endIso: string | undefined | null): string {
  if (!endIso) return '-';
  const seconds = Math.max(0, Math.round((Date.parse(endIso) - Date.parse(startIso)) / 1000));
  if (Number.isNaN(seconds)) return '-';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, (s || (!h && !m)) && `${s} s`].filter(Boolean).join(' ');
}
