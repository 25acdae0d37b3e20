import { apiHandler } from '../api/api-handler';
import { inventoryRoutes } from '../api/inventory-routes';
import { DynamoAccountStore } from '../control/dynamo-account-store';
import { dynamoInventoryStores } from '../inventory/dynamo-inventory-stores';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('inventory-api');
const logger = createLogger('inventory-api');
const db = createDocumentClient();
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const rateLimit = apiRateLimit(db, env.CONTROL_TABLE_NAME);

/** GET /inventory, GET /inventory/cbom, GET /inventory/{assetId} (reader). */
export const handler = apiHandler(
  inventoryRoutes({
    accounts: new DynamoAccountStore(db, env.CONTROL_TABLE_NAME),
    ...dynamoInventoryStores(db, env.INVENTORY_TABLE_NAME),
    findings: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
  { rateLimit },
);
