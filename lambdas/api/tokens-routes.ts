import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuditLog } from '../auth/audit-log';
import { UnauthorizedError, verifyPresentedToken } from '../auth/authorize';
import { issueToken, revokeToken } from '../auth/issue-token';
import type { Permission } from '../control/control-model';
import type { TokenStore } from '../control/token-store';
import { jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';
import type { Caller } from './request';
import { ValidationError } from './validation-error';

export interface TokensRoutesDeps {
  readonly tokens: Pick<TokenStore, 'putToken' | 'listTokens' | 'revokeToken' | 'findTokenByHash'>;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

export function tokensRoutes(deps: TokensRoutesDeps): RouteHandlers<'tokens-api'> {
  /**
   * Minting and revoking credentials: the caller's own token is read again here (a consistent read), so an authorizer
   * decision cached for up to its TTL (lib/constructs/platform-api.ts) never lets a token revoked meanwhile act on tokens.
   */
  const requireCurrentToken = async (event: APIGatewayProxyEvent, caller: Caller) => {
    const token = await verifyPresentedToken(event.headers, { findTokenByHash: (hash) => deps.tokens.findTokenByHash(hash), now: deps.now });
    if (token.tokenId !== caller.tokenId || token.tenantId !== caller.tenantId) throw new UnauthorizedError();
  };
  return {
    'POST /tokens': async ({ body }, caller, event) => {
      await requireCurrentToken(event, caller);
      if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= deps.now().getTime()) {
        throw new ValidationError('expiresAt', 'expiresAt must be in the future');
      }
      const { token, secret } = await issueToken(deps.tokens, deps.audit, {
        tenantId: caller.tenantId,
        name: body.name,
        permissions: body.permissions as Permission[],
        expiresAt: body.expiresAt,
        createdBy: caller.tokenId,
        now: deps.now(),
      });
      // The secret is shown once, here; it is never stored or logged.
      return jsonResponse(201, { token, secret });
    },
    'GET /tokens': async (_input, caller) => jsonResponse(200, { items: await deps.tokens.listTokens(caller.tenantId) }),
    'DELETE /tokens/{tokenId}': async ({ params }, caller, event) => {
      await requireCurrentToken(event, caller);
      const token = await revokeToken(deps.tokens, deps.audit, { tenantId: caller.tenantId, tokenId: params.tokenId, revokedBy: caller.tokenId, now: deps.now() });
      return jsonResponse(200, { token });
    },
    'GET /audit-log': async ({ query }, caller) =>
      jsonResponse(200, await deps.audit.list(caller.tenantId, { limit: query.limit ?? 100, ...(query.before !== undefined && { before: query.before }) })),
  };
}
