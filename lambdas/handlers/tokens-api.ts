import { apiHandler } from '../api/api-handler';
import { tokensRoutes } from '../api/tokens-routes';
import { DynamoTokenStore } from '../control/dynamo-token-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('tokens-api');
const logger = createLogger('tokens-api');
const tokens = new DynamoTokenStore(createDocumentClient(), env.CONTROL_TABLE_NAME);

/** POST/GET /tokens, DELETE /tokens/{tokenId} (admin). */
export const handler = apiHandler(tokensRoutes({ tokens, now: () => new Date() }), logger);
