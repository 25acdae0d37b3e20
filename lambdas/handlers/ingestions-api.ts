import { apiHandler } from '../api/api-handler';
import { ingestionsRoutes } from '../api/ingestions-routes';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { DynamoRateCounter } from '../events/dynamo-rate-counter';
import { DEFAULT_API_REQUESTS_PER_SECOND, TokenRateLimiter } from '../events/rate-limit';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('ingestions-api');
const logger = createLogger('ingestions-api');
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const rateLimit = new TokenRateLimiter(new DynamoRateCounter(createDocumentClient(), env.CONTROL_TABLE_NAME, 'api'), DEFAULT_API_REQUESTS_PER_SECOND);

/** POST …/accounts/{accountId}/ingestions (admin), GET …/ingestions and GET …/ingestions/{ingestionId} (reader). */
export const handler = apiHandler(
  ingestionsRoutes({
    ...dynamoControlStores(createDocumentClient(), env.CONTROL_TABLE_NAME),
    starter: new SfnIngestionStarter(createSfnClient(), env.CRAWL_STATE_MACHINE_ARN),
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
  }),
  logger,
  { rateLimit },
);
