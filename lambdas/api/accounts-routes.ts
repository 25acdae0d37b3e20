import {
  type AccountServiceDeps,
  connectAccount,
  editAccount,
  type AccountAssets,
  unlinkAccount,
} from '../control/account-service';
import type { AccountStore } from '../control/account-store';
import { jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';
import { healthRoutes, type HealthRoutesDeps } from './health-routes';

export interface AccountsRoutesDeps extends AccountServiceDeps {
  readonly accounts: AccountStore;
  readonly assets: AccountAssets;
  readonly health: Omit<HealthRoutesDeps, 'control'>;
}

export function accountsRoutes(deps: AccountsRoutesDeps): RouteHandlers<'accounts-api'> {
  return {
    ...healthRoutes({ ...deps.health, control: deps.accounts }),
    'POST /data-sources/aws/accounts': async ({ query, body }, caller) => {
      const result = await connectAccount(deps, {
        tenantId: caller.tenantId,
        roleArn: body.roleArn,
        regions: body.regions,
        startNow: query.startNow === 'true',
      });
      return jsonResponse(result.created ? 201 : 200, {
        account: result.account,
        ...(result.ingestion && { ingestion: { ingestionId: result.ingestion.ingestionId, status: result.ingestion.status } }),
      });
    },
    'GET /data-sources/aws/accounts': async (_input, caller) => jsonResponse(200, { items: await deps.accounts.listAccounts(caller.tenantId) }),
    'GET /data-sources/aws/accounts/{accountId}': async ({ params }, caller) =>
      jsonResponse(200, { account: await deps.accounts.getAccountDetails(caller.tenantId, params.accountId) }),
    'PATCH /data-sources/aws/accounts/{accountId}': async ({ params, body }, caller) => {
      const { pipelineNames, ...edit } = body;
      const account = await editAccount(deps, { tenantId: caller.tenantId, accountId: params.accountId, ...edit });
      if (pipelineNames !== undefined) await deps.health.store.setPipelineNames(caller.tenantId, params.accountId, pipelineNames);
      return jsonResponse(200, { account });
    },
    'DELETE /data-sources/aws/accounts/{accountId}': async ({ params, query }, caller) => {
      const result = await unlinkAccount(deps, { tenantId: caller.tenantId, accountId: params.accountId, purge: query.purge === 'true' });
      return jsonResponse(200, result);
    },
  };
}
