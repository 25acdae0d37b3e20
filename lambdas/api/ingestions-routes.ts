import { type AccountServiceDeps, startIngestion } from '../control/account-service';
import type { IngestionStore } from '../control/ingestion-store';
import { jsonResponse } from '../shared/http';
import type { RouteTable } from './api-handler';
import { parseBody, parseQuery, pathParam } from './request';
import { AccountIdParam, EmptyQuery, IngestionIdParam } from './schemas';
import { z } from 'zod';

export interface IngestionsRoutesDeps extends Pick<AccountServiceDeps, 'accounts' | 'starter' | 'now' | 'newIngestionId'> {
  readonly ingestions: IngestionStore;
}

const INGESTIONS = '/data-sources/aws/accounts/{accountId}/ingestions';

export function ingestionsRoutes(deps: IngestionsRoutesDeps): RouteTable {
  return {
    [`POST ${INGESTIONS}`]: async (event, caller) => {
      parseQuery(event, EmptyQuery);
      const accountId = pathParam(event, 'accountId', AccountIdParam);
      parseBody(event, z.strictObject({}));
      const ingestion = await startIngestion(deps, { tenantId: caller.tenantId, accountId });
      return jsonResponse(
        202,
        { ingestionId: ingestion.ingestionId, status: ingestion.status },
        { Location: `${INGESTIONS.replace('{accountId}', accountId)}/${ingestion.ingestionId}` },
      );
    },
    [`GET ${INGESTIONS}/{ingestionId}`]: async (event, caller) => {
      parseQuery(event, EmptyQuery);
      const accountId = pathParam(event, 'accountId', AccountIdParam);
      const ingestionId = pathParam(event, 'ingestionId', IngestionIdParam);
      return jsonResponse(200, { ingestion: await deps.ingestions.getIngestion(caller.tenantId, accountId, ingestionId) });
    },
  };
}
