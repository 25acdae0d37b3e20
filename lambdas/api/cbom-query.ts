import { InventoryQueryParams } from './schemas';

/**
 * Query of GET /inventory/cbom: the scoping filters of GET /inventory (same validation, same messages), nothing that
 * pages or searches — the export is the whole matching inventory. Unknown parameters are rejected by name.
 */
export const CbomQueryParams = InventoryQueryParams.pick({ type: true, region: true, accountId: true });
