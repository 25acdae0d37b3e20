import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { apiHandler } from '../api/api-handler';
import { tokensRoutes } from '../api/tokens-routes';
import { DynamoAuditLog } from '../auth/dynamo-audit-log';
import { DynamoControlRepository } from '../control/dynamo-control-repository';
import { createDocumentClient } from '../shared/platform-clients';

/** POST/GET /tokens, DELETE /tokens/{tokenId}, GET /audit-log (admin). */
export const TokensApiEnv = z.object({ CONTROL_TABLE_NAME: z.string().min(1) });

const env = TokensApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'tokens-api' });
const documentClient = createDocumentClient();
const control = new DynamoControlRepository(documentClient, env.CONTROL_TABLE_NAME);
const audit = new DynamoAuditLog(documentClient, env.CONTROL_TABLE_NAME);

export const handler = apiHandler(tokensRoutes({ control, audit, now: () => new Date() }), logger);
