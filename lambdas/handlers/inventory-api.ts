import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { apiHandler } from '../api/api-handler';
import { inventoryRoutes } from '../api/inventory-routes';
import { DynamoAccountStore } from '../control/dynamo-account-store';
import { dynamoInventoryStores } from '../inventory/dynamo-inventory-stores';
import { createDocumentClient } from '../shared/platform-clients';

/** GET /inventory, GET /inventory/cbom, GET /inventory/{assetId} (reader). */
export const InventoryApiEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  INVENTORY_TABLE_NAME: z.string().min(1),
});

const env = InventoryApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'inventory-api' });
const db = createDocumentClient();

export const handler = apiHandler(
  inventoryRoutes({
    accounts: new DynamoAccountStore(db, env.CONTROL_TABLE_NAME),
    ...dynamoInventoryStores(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
);
