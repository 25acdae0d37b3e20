import { apiHandler } from '../api/api-handler';
import { tokensRoutes } from '../api/tokens-routes';
import { DynamoAuditLog } from '../auth/dynamo-audit-log';
import { DynamoTokenStore } from '../control/dynamo-token-store';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('tokens-api');
const logger = createLogger('tokens-api');
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const documentClient = createDocumentClient();
const rateLimit = apiRateLimit(documentClient, env.CONTROL_TABLE_NAME);
const tokens = new DynamoTokenStore(documentClient, env.CONTROL_TABLE_NAME);
const audit = new DynamoAuditLog(documentClient, env.CONTROL_TABLE_NAME);

/** POST/GET /tokens, DELETE /tokens/{tokenId}, GET /audit-log (admin). */
export const handler = apiHandler(tokensRoutes({ tokens, audit, now: () => new Date() }), logger, { rateLimit });
