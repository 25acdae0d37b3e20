import { useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { FindingsSummary, InventoryPage } from '../../api/types';
import { type BoundedCount, countOfPage } from '../../common/bounded-count';
import { ASSET_TYPES } from '../../common/inventory-filter';

/**
 * Assets by type has no summary route (GET /findings/summary counts keys and certificates only), so each of those
 * numbers is one bounded request: a page of up to 1,000 matching assets, beyond which it is shown as a lower bound.
 */
export const COUNT_LIMIT = 1000;

async function count(query: Record<string, string>, signal: AbortSignal): Promise<BoundedCount> {
  const page = await apiGet<InventoryPage>('/inventory', { query: { ...query, limit: String(COUNT_LIMIT) }, signal });
  return countOfPage(page);
}

export function useCounts(queries: ReadonlyArray<Record<string, string>>) {
  return useQueries({ queries: queries.map((query) => ({ queryKey: ['count', query], queryFn: ({ signal }: { signal: AbortSignal }) => count(query, signal) })) });
}

export const TYPE_QUERIES = ASSET_TYPES.map((type) => ({ type }));

/** Findings by severity, certificate expiry and the quantum-vulnerable share, counted by the API. */
export function useFindingsSummary() {
  return useQuery({ queryKey: ['findings-summary'], queryFn: ({ signal }) => apiGet<FindingsSummary>('/findings/summary', { signal }) });
}
