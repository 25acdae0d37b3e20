import { type AccountServiceDeps, startIngestion } from '../control/account-service';
import type { IngestionStore } from '../control/ingestion-store';
import { jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';

export interface IngestionsRoutesDeps extends Pick<AccountServiceDeps, 'accounts' | 'starter' | 'now' | 'newIngestionId'> {
  readonly ingestions: IngestionStore;
}

export function ingestionsRoutes(deps: IngestionsRoutesDeps): RouteHandlers<'ingestions-api'> {
  return {
    'POST /data-sources/aws/accounts/{accountId}/ingestions': async ({ params }, caller) => {
      const ingestion = await startIngestion(deps, { tenantId: caller.tenantId, accountId: params.accountId });
      return jsonResponse(
        202,
        { ingestionId: ingestion.ingestionId, status: ingestion.status },
        { Location: `/data-sources/aws/accounts/${params.accountId}/ingestions/${ingestion.ingestionId}` },
      );
    },
    'GET /data-sources/aws/accounts/{accountId}/ingestions': async ({ params, query }, caller) => {
      await deps.accounts.getAccount(caller.tenantId, params.accountId); // 404 for an account the tenant never linked
      const page = await deps.ingestions.listIngestions(caller.tenantId, params.accountId, { limit: query.limit ?? 100, cursor: query.cursor });
      return jsonResponse(200, page);
    },
    'GET /data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}': async ({ params }, caller) =>
      jsonResponse(200, { ingestion: await deps.ingestions.getIngestion(caller.tenantId, params.accountId, params.ingestionId) }),
  };
}
