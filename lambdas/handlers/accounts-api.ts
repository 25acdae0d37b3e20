import { accountsRoutes } from '../api/accounts-routes';
import { apiHandler } from '../api/api-handler';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { StsRoleVerifier } from '../control/sts-role-verifier';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('accounts-api');
const logger = createLogger('accounts-api');
const db = createDocumentClient();

/** POST/GET /data-sources/aws/accounts, GET/PATCH/DELETE /data-sources/aws/accounts/{accountId}. */
export const handler = apiHandler(
  accountsRoutes({
    ...dynamoControlStores(db, env.CONTROL_TABLE_NAME),
    assets: new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME),
    verifier: new StsRoleVerifier({ platformAccessRoleArn: env.PLATFORM_ACCESS_ROLE_ARN }),
    starter: new SfnIngestionStarter(createSfnClient(), env.CRAWL_STATE_MACHINE_ARN),
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
  }),
  logger,
);
