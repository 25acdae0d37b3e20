import type { FindingDraft } from './finding';
import { severityRank } from './severity';

/** Most urgent first: severity, then due date, then id (a total order, so pages are stable). */
export function compareFindings(a: Pick<FindingDraft, 'severity' | 'dueAt' | 'findingId'>, b: Pick<FindingDraft, 'severity' | 'dueAt' | 'findingId'>): number {
  return severityRank(a.severity) - severityRank(b.severity) || a.dueAt.localeCompare(b.dueAt) || a.findingId.localeCompare(b.findingId);
}

export function sortFindings<T extends Pick<FindingDraft, 'severity' | 'dueAt' | 'findingId'>>(findings: readonly T[]): T[] {
  return [...findings].sort(compareFindings);
}
