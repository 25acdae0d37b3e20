import { apiHandler } from '../api/api-handler';
import { findingsRoutes } from '../api/findings-routes';
import { DynamoAccountStore } from '../control/dynamo-account-store';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('findings-api');
const logger = createLogger('findings-api');
const db = createDocumentClient();

/** GET /findings, /findings/rules, /findings/summary (reader); POST/DELETE /findings/{findingId}/suppressions (admin). */
export const handler = apiHandler(
  findingsRoutes({
    accounts: new DynamoAccountStore(db, env.CONTROL_TABLE_NAME),
    assets: new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME),
    findings: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
);
