import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { accountsRoutes } from '../api/accounts-routes';
import { apiHandler } from '../api/api-handler';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { StsRoleVerifier } from '../control/sts-role-verifier';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';

/** POST/GET /data-sources/aws/accounts, GET/PATCH/DELETE /data-sources/aws/accounts/{accountId}. */
export const AccountsApiEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  INVENTORY_TABLE_NAME: z.string().min(1),
  CRAWL_STATE_MACHINE_ARN: z.string().min(1),
  PLATFORM_ACCESS_ROLE_ARN: z.string().min(1).optional(),
});

const env = AccountsApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'accounts-api' });
const db = createDocumentClient();

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
