import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authorize, type AuthorizerDecision, UnauthorizedError } from '../auth/authorize';
import { DynamoTokenStore } from '../control/dynamo-token-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

/**
 * REQUEST authorizer (identity source: the X-API-Key header). API Gateway caches its decision per token for the TTL
 * the stack sets on the authorizer (lib/constructs/platform-api.ts): 0 by default, so a revoked token stops working on
 * its next request (SECURITY.md).
 */
const env = parseEnvironment('authorizer');
const logger = createLogger('authorizer');
const tokens = new DynamoTokenStore(createDocumentClient(), env.CONTROL_TABLE_NAME);

export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<AuthorizerDecision> => {
  try {
    const decision = await authorize(
      { headers: event.headers, httpMethod: event.httpMethod, resource: event.resource, methodArn: event.methodArn },
      { findTokenByHash: (hash) => tokens.findTokenByHash(hash), now: () => new Date() },
    );
    logger.info('Authorized', { tokenId: decision.context.tokenId, tenantId: decision.context.tenantId, resource: event.resource });
    return decision;
  } catch (err) {
    if (err instanceof UnauthorizedError) {
      logger.info('Unauthorized request', { resource: event.resource }); // never log the token
      throw err;
    }
    logger.error('Authorizer failure', { error: err as Error });
    throw err;
  }
};
