import { CbomExportTooLargeError, exportCbom, type CbomExportLimits } from '../cbom/cbom-export';
import { CBOM_MEDIA_TYPE } from '../cbom/cbom-media-type';
import type { AccountStore } from '../control/account-store';
import { NotFoundError } from '../control/errors';
import { getAssetDetails, type AssetDetailsStores } from '../inventory/asset-details';
import type { AssetStore } from '../inventory/asset-store';
import { errorResponse, jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';

export interface InventoryRoutesDeps extends AssetDetailsStores {
  readonly accounts: Pick<AccountStore, 'listAccounts'>;
  readonly assets: Pick<AssetStore, 'list' | 'get'>;
  /** Bounds of GET /inventory/cbom (one buffered Lambda response). @default exportCbom's */
  readonly cbomLimits?: CbomExportLimits;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

export class AssetNotFoundError extends NotFoundError {
  constructor(assetId: string) {
    super('Asset', assetId);
    this.name = 'AssetNotFoundError';
  }
}

export function inventoryRoutes(deps: InventoryRoutesDeps): RouteHandlers<'inventory-api'> {
  return {
    'GET /inventory': async ({ query: q }, caller) => {
      const accounts = await deps.accounts.listAccounts(caller.tenantId);
      const page = await deps.assets.list({
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
    // The CycloneDX 1.6 CBOM of the whole (filtered) inventory; the literal segment wins over {assetId} in API Gateway.
    'GET /inventory/cbom': async ({ query: q }, caller) => {
      const accounts = await deps.accounts.listAccounts(caller.tenantId);
      const filters = { type: q.type, region: q.region, accountId: q.accountId };
      let body: string;
      try {
        body = await exportCbom(
          (cursor) => deps.assets.list({ tenantId: caller.tenantId, accountIds: accounts.map((a) => a.accountId), ...filters, limit: 1000, cursor }),
          {
            generatedAt: (deps.now ?? (() => new Date()))(),
            subject: `AWS inventory of tenant ${caller.tenantId}`,
            properties: Object.fromEntries(
              Object.entries({ 'aqg:tenantId': caller.tenantId, ...prefixed('aqg:filter:', filters) }).filter((e): e is [string, string] => e[1] !== undefined),
            ),
          },
          deps.cbomLimits,
        );
      } catch (err) {
        // Translated here: the answer is specific to this route (narrow the export), not a domain failure.
        if (err instanceof CbomExportTooLargeError) return errorResponse(422, 'ExportTooLarge', err.message);
        throw err;
      }
      return { statusCode: 200, headers: { 'Content-Type': CBOM_MEDIA_TYPE, 'Cache-Control': 'no-store' }, body };
    },
    'GET /inventory/{assetId}': async ({ params: { assetId } }, caller) => {
      const details = await getAssetDetails(deps, caller.tenantId, assetId);
      if (!details) throw new AssetNotFoundError(assetId);
      return jsonResponse(200, details);
    },
  };
}

function prefixed(prefix: string, o: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [`${prefix}${k}`, v]));
}
