import { useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { InventoryPage } from '../../api/types';
import { type BoundedCount, countOfPage } from '../../common/bounded-count';
import { ASSET_TYPES } from '../../common/inventory-filter';

/**
 * The API has no summary route, so each dashboard number is one bounded request: a page of up to 1,000 matching assets.
 * Beyond that the number is shown as a lower bound ("≥ 1,000"); the estate is never read whole.
 */
export const COUNT_LIMIT = 1000;

async function count(query: Record<string, string>, signal: AbortSignal): Promise<BoundedCount> {
  const page = await apiGet<InventoryPage>('/inventory', { query: { ...query, limit: String(COUNT_LIMIT) }, signal });
  return countOfPage(page);
}

export function useCount(query: Record<string, string>) {
  return useQuery({ queryKey: ['count', query], queryFn: ({ signal }) => count(query, signal) });
}

export function useCounts(queries: ReadonlyArray<Record<string, string>>) {
  return useQueries({ queries: queries.map((query) => ({ queryKey: ['count', query], queryFn: ({ signal }: { signal: AbortSignal }) => count(query, signal) })) });
}

export const TYPE_QUERIES = ASSET_TYPES.map((type) => ({ type }));
