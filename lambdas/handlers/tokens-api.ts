import { apiHandler } from '../api/api-handler';
import { tokensRoutes } from '../api/tokens-routes';
import { DynamoControlRepository } from '../control/dynamo-control-repository';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('tokens-api');
const logger = createLogger('tokens-api');
const control = new DynamoControlRepository(createDocumentClient(), env.CONTROL_TABLE_NAME);

/** POST/GET /tokens, DELETE /tokens/{tokenId} (admin). */
export const handler = apiHandler(tokensRoutes({ control, now: () => new Date() }), logger);
