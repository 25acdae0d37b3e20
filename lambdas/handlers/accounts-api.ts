import customerTemplate from '../../templates/cloudformation-template.json';
import { accountsRoutes } from '../api/accounts-routes';
import { apiHandler } from '../api/api-handler';
import { publicBaseUrl } from '../api/public-url';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { StsRoleVerifier } from '../control/sts-role-verifier';
import { TokenBucketPacer } from '../discovery/request-pacer';
import { DynamoHealthStore } from '../health/dynamo-health-store';
import { servedTemplateVersion } from '../health/template-version';
import { EventBridgePipelineReader, PipelineClientsCache } from '../health/eventbridge-pipeline-clients';
import { SfnHealthCheckRunner } from '../health/sfn-health-check-runner';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('accounts-api');
const logger = createLogger('accounts-api');
const db = createDocumentClient();
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const rateLimit = apiRateLimit(db, env.CONTROL_TABLE_NAME);
const stores = dynamoControlStores(db, env.CONTROL_TABLE_NAME);
const pipelineClients = new PipelineClientsCache({ platformRoleArn: env.PLATFORM_ACCESS_ROLE_ARN });
const pacer = new TokenBucketPacer();
const healthStore = new DynamoHealthStore(db, env.CONTROL_TABLE_NAME);
const sfn = createSfnClient();

/**
 * POST/GET /data-sources/aws/accounts, GET/PATCH/DELETE /data-sources/aws/accounts/{accountId}, and its pipeline
 * health (GET …/health, …/health/history, POST …/health-checks, GET …/health-checks/{runId}).
 */
export const handler = apiHandler(
  accountsRoutes({
    ...stores,
    assets: new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME),
    verifier: new StsRoleVerifier({ platformAccessRoleArn: env.PLATFORM_ACCESS_ROLE_ARN }),
    starter: new SfnIngestionStarter(sfn, env.CRAWL_STATE_MACHINE_ARN),
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
    health: {
      store: healthStore,
      readerFor: (account, externalId, names) =>
        new EventBridgePipelineReader((region) => pipelineClients.clientFor(account.roleArn, externalId, region), names, pacer),
      tenantExternalId: async (tenantId) => (await stores.tenants.getTenant(tenantId)).externalId,
      now: () => new Date(),
      currentTemplateVersion: servedTemplateVersion(customerTemplate),
      baseUrl: (event) => publicBaseUrl(event, env.PUBLIC_API_URL),
      runs: healthStore,
      runner: new SfnHealthCheckRunner(sfn, env.HEALTH_CHECK_STATE_MACHINE_ARN),
      newRunId: () => newIngestionId(),
    },
  }),
  logger,
  { rateLimit },
);
