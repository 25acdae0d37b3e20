import { apiHandler } from '../api/api-handler';
import { ingestionsRoutes } from '../api/ingestions-routes';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('ingestions-api');
const logger = createLogger('ingestions-api');
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const db = createDocumentClient();
const rateLimit = apiRateLimit(db, env.CONTROL_TABLE_NAME);

/** POST …/accounts/{accountId}/ingestions (admin), GET …/ingestions and GET …/ingestions/{ingestionId} (reader). */
export const handler = apiHandler(
  ingestionsRoutes({
    ...dynamoControlStores(db, env.CONTROL_TABLE_NAME),
    starter: new SfnIngestionStarter(createSfnClient(), env.CRAWL_STATE_MACHINE_ARN),
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
  }),
  logger,
  { rateLimit },
);
