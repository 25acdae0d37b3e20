import { apiHandler } from '../api/api-handler';
import { findingsRoutes } from '../api/findings-routes';
import { DynamoAccountStore } from '../control/dynamo-account-store';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('findings-api');
const logger = createLogger('findings-api');
const db = createDocumentClient();
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const rateLimit = apiRateLimit(db, env.CONTROL_TABLE_NAME);

/** GET /findings, /findings/rules, /findings/summary (reader); POST/DELETE /findings/{findingId}/suppressions (admin). */
export const handler = apiHandler(
  findingsRoutes({
    accounts: new DynamoAccountStore(db, env.CONTROL_TABLE_NAME),
    assets: new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME),
    findings: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  }),
  logger,
  { rateLimit },
);
