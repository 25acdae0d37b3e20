import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import type { InventoryPage } from '../api/types';
import { paramsToApiQuery } from './inventory-filter';

/** Where the Inventory page keeps its table preferences (page size, columns). */
export const INVENTORY_PREFERENCES_KEY = 'aqg.inventory.preferences';
export const DEFAULT_INVENTORY_PAGE_SIZE = 50;

export function savedInventoryPreferences(): { pageSize?: number } & Record<string, unknown> {
  try {
    return JSON.parse(localStorage.getItem(INVENTORY_PREFERENCES_KEY) ?? '{}') as { pageSize?: number };
  } catch {
    return {};
  }
}

/**
 * One page of GET /v1/inventory for the filter in the URL, at a cursor. Shared by the page and by the route's prefetch
 * (console/src/common/routes.ts), which starts the first page's request while the page's code is still loading.
 */
export function inventoryPageQuery(filter: string, cursor: string | undefined, limit: number) {
  return queryOptions({
    queryKey: ['inventory', filter, cursor ?? '', limit],
    queryFn: ({ signal }) => apiGet<InventoryPage>('/inventory', { query: paramsToApiQuery(new URLSearchParams(filter), new Date(), { limit, cursor }), signal }),
  });
}
