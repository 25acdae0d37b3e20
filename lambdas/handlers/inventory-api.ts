import { apiHandler } from '../api/api-handler';
import { inventoryRoutes } from '../api/inventory-routes';
import { DynamoAccountStore } from '../control/dynamo-account-store';
import { dynamoInventoryStores } from '../inventory/dynamo-inventory-stores';
import { DynamoRateCounter } from '../events/dynamo-rate-counter';
import { DEFAULT_API_REQUESTS_PER_SECOND, TokenRateLimiter } from '../events/rate-limit';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('inventory-api');
const logger = createLogger('inventory-api');
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const rateLimit = new TokenRateLimiter(new DynamoRateCounter(createDocumentClient(), env.CONTROL_TABLE_NAME, 'api'), DEFAULT_API_REQUESTS_PER_SECOND);
const db = createDocumentClient();

/** GET /inventory, GET /inventory/cbom, GET /inventory/{assetId} (reader). */
export const handler = apiHandler(
  inventoryRoutes({
    accounts: new DynamoAccountStore(db, env.CONTROL_TABLE_NAME),
    ...dynamoInventoryStores(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
  { rateLimit },
);
