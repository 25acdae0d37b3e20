import {
  type AccountServiceDeps,
  connectAccount,
  editAccount,
  type AccountAssets,
  unlinkAccount,
} from '../control/account-service';
import type { AccountStore } from '../control/account-store';
import { jsonResponse } from '../shared/http';
import type { RouteTable } from './api-handler';
import { parseBody, parseQuery, pathParam } from './request';
import { AccountIdParam, EmptyQuery, LinkAccountBody, LinkAccountQuery, PatchAccountBody, UnlinkAccountQuery } from './schemas';

export interface AccountsRoutesDeps extends AccountServiceDeps {
  readonly accounts: AccountStore;
  readonly assets: AccountAssets;
}

const ACCOUNT = '/data-sources/aws/accounts/{accountId}';

export function accountsRoutes(deps: AccountsRoutesDeps): RouteTable {
  return {
    'POST /data-sources/aws/accounts': async (event, caller) => {
      const query = parseQuery(event, LinkAccountQuery);
      const body = parseBody(event, LinkAccountBody);
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
    'GET /data-sources/aws/accounts': async (event, caller) => {
      parseQuery(event, EmptyQuery);
      return jsonResponse(200, { items: await deps.accounts.listAccounts(caller.tenantId) });
    },
    [`GET ${ACCOUNT}`]: async (event, caller) => {
      parseQuery(event, EmptyQuery);
      const accountId = pathParam(event, 'accountId', AccountIdParam);
      return jsonResponse(200, { account: await deps.accounts.getAccountDetails(caller.tenantId, accountId) });
    },
    [`PATCH ${ACCOUNT}`]: async (event, caller) => {
      parseQuery(event, EmptyQuery);
      const accountId = pathParam(event, 'accountId', AccountIdParam);
      const body = parseBody(event, PatchAccountBody);
      const account = await editAccount(deps, { tenantId: caller.tenantId, accountId, ...body });
      return jsonResponse(200, { account });
    },
    [`DELETE ${ACCOUNT}`]: async (event, caller) => {
      const query = parseQuery(event, UnlinkAccountQuery);
      const accountId = pathParam(event, 'accountId', AccountIdParam);
      const result = await unlinkAccount(deps, { tenantId: caller.tenantId, accountId, purge: query.purge === 'true' });
      return jsonResponse(200, result);
    },
  };
}
