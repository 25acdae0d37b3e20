import { issueToken } from '../auth/issue-token';
import type { Permission } from '../control/control-model';
import type { DynamoControlRepository } from '../control/dynamo-control-repository';
import { jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';
import { ValidationError } from './validation-error';

export interface TokensRoutesDeps {
  readonly control: Pick<DynamoControlRepository, 'putToken' | 'listTokens' | 'revokeToken'>;
  readonly now: () => Date;
}

export function tokensRoutes(deps: TokensRoutesDeps): RouteHandlers<'tokens-api'> {
  return {
    'POST /tokens': async ({ body }, caller) => {
      if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= deps.now().getTime()) {
        throw new ValidationError('expiresAt', 'expiresAt must be in the future');
      }
      const { token, secret } = await issueToken(deps.control, {
        tenantId: caller.tenantId,
        name: body.name,
        permissions: body.permissions as Permission[],
        expiresAt: body.expiresAt,
        now: deps.now(),
      });
      // The secret is shown once, here; it is never stored or logged.
      return jsonResponse(201, { token, secret });
    },
    'GET /tokens': async (_input, caller) => jsonResponse(200, { items: await deps.control.listTokens(caller.tenantId) }),
    'DELETE /tokens/{tokenId}': async ({ params }, caller) => {
      const token = await deps.control.revokeToken(caller.tenantId, params.tokenId, deps.now().toISOString());
      return jsonResponse(200, { token });
    },
  };
}
