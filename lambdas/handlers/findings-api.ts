import { apiHandler } from '../api/api-handler';
import { findingsRoutes } from '../api/findings-routes';
import { DynamoControlRepository } from '../control/dynamo-control-repository';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('findings-api');
const logger = createLogger('findings-api');
const db = createDocumentClient();

/** GET /findings, /findings/rules, /findings/summary (reader); POST/DELETE /findings/{findingId}/suppressions (admin). */
export const handler = apiHandler(
  findingsRoutes({
    control: new DynamoControlRepository(db, env.CONTROL_TABLE_NAME),
    inventory: new DynamoInventoryRepository(db, env.INVENTORY_TABLE_NAME),
    findings: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
);
