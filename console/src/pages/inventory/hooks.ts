import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { Asset, InventoryPage } from '../../api/types';
import { paramsToApiQuery } from '../../common/inventory-filter';
import { inventoryPageQuery } from '../../common/inventory-query';

/** One page of GET /v1/inventory for the filter in the URL, at a cursor: the table never holds more than one page. */
export function useInventoryPage(filter: string, cursor: string | undefined, limit: number) {
  return useQuery({ ...inventoryPageQuery(filter, cursor, limit), placeholderData: keepPreviousData });
}

/** JSON export of the current filter: pages of 1,000 up to EXPORT_LIMIT (as the CBOM export), then asks to narrow. */
export const EXPORT_LIMIT = 5000;

export async function exportInventory(filter: string): Promise<Asset[]> {
  const items: Asset[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet<InventoryPage>('/inventory', { query: paramsToApiQuery(new URLSearchParams(filter), new Date(), { limit: 1000, cursor }) });
    items.push(...page.items);
    if (items.length > EXPORT_LIMIT) throw new Error(`More than ${EXPORT_LIMIT.toLocaleString()} assets match: narrow the filter to export.`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
