import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { apiHandler } from '../api/api-handler';
import { tokensRoutes } from '../api/tokens-routes';
import { DynamoTokenStore } from '../control/dynamo-token-store';
import { createDocumentClient } from '../shared/platform-clients';

/** POST/GET /tokens, DELETE /tokens/{tokenId} (admin). */
export const TokensApiEnv = z.object({ CONTROL_TABLE_NAME: z.string().min(1) });

const env = TokensApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'tokens-api' });
const tokens = new DynamoTokenStore(createDocumentClient(), env.CONTROL_TABLE_NAME);

export const handler = apiHandler(tokensRoutes({ tokens, now: () => new Date() }), logger);
