import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { z } from 'zod';
import { authorize, type AuthorizerDecision, UnauthorizedError } from '../auth/authorize';
import { DynamoTokenStore } from '../control/dynamo-token-store';
import { createDocumentClient } from '../shared/platform-clients';

/**
 * REQUEST authorizer (identity source: the X-API-Key header). Results are cached by API Gateway for
 * AUTHORIZER_CACHE_TTL_SECONDS (set on the authorizer by the stack), so a revoked token stops working within that TTL.
 */
export const AuthorizerEnv = z.object({ CONTROL_TABLE_NAME: z.string().min(1) });

const env = AuthorizerEnv.parse(process.env);
const logger = new Logger({ serviceName: 'authorizer' });
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
