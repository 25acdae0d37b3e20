import type { DynamoControlRepository } from '../control/dynamo-control-repository';
import { NotFoundError } from '../control/errors';
import type { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { jsonResponse } from '../shared/http';
import type { RouteTable } from './api-handler';
import { parseQuery, pathParam } from './request';
import { AssetIdParam, EmptyQuery, InventoryQueryParams } from './schemas';

export interface InventoryRoutesDeps {
  readonly control: Pick<DynamoControlRepository, 'listAccounts'>;
  readonly inventory: Pick<DynamoInventoryRepository, 'list' | 'getDetails'>;
}

export class AssetNotFoundError extends NotFoundError {
  constructor(assetId: string) {
    super('Asset', assetId);
    this.name = 'AssetNotFoundError';
  }
}

export function inventoryRoutes(deps: InventoryRoutesDeps): RouteTable {
  return {
    'GET /inventory': async (event, caller) => {
      const q = parseQuery(event, InventoryQueryParams);
      const accounts = await deps.control.listAccounts(caller.tenantId);
      const page = await deps.inventory.list({
        tenantId: caller.tenantId,
        accountIds: accounts.map((a) => a.accountId),
        type: q.type,
        region: q.region,
        accountId: q.accountId,
        arn: q.arn,
        quantumVulnerable: q.quantumVulnerable === undefined ? undefined : q.quantumVulnerable === 'true',
        expiresBefore: q.expiresBefore === undefined ? undefined : new Date(q.expiresBefore).toISOString(),
        q: q.q,
        includeDeleted: q.includeDeleted === 'true',
        limit: q.limit ?? 100,
        cursor: q.cursor,
      });
      return jsonResponse(200, page);
    },
    'GET /inventory/{assetId}': async (event, caller) => {
      parseQuery(event, EmptyQuery);
      const assetId = pathParam(event, 'assetId', AssetIdParam);
      const details = await deps.inventory.getDetails(caller.tenantId, assetId);
      if (!details) throw new AssetNotFoundError(assetId);
      return jsonResponse(200, details);
    },
  };
}
