import { apiHandler } from '../api/api-handler';
import { inventoryRoutes } from '../api/inventory-routes';
import { DynamoControlRepository } from '../control/dynamo-control-repository';
import { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('inventory-api');
const logger = createLogger('inventory-api');
const db = createDocumentClient();

/** GET /inventory, GET /inventory/cbom, GET /inventory/{assetId} (reader). */
export const handler = apiHandler(
  inventoryRoutes({
    control: new DynamoControlRepository(db, env.CONTROL_TABLE_NAME),
    inventory: new DynamoInventoryRepository(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
);
