import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { apiHandler } from '../api/api-handler';
import { ingestionsRoutes } from '../api/ingestions-routes';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';

/** POST …/accounts/{accountId}/ingestions (admin), GET …/ingestions/{ingestionId} (reader). */
export const IngestionsApiEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  CRAWL_STATE_MACHINE_ARN: z.string().min(1),
});

const env = IngestionsApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'ingestions-api' });

export const handler = apiHandler(
  ingestionsRoutes({
    ...dynamoControlStores(createDocumentClient(), env.CONTROL_TABLE_NAME),
    starter: new SfnIngestionStarter(createSfnClient(), env.CRAWL_STATE_MACHINE_ARN),
    now: () => new Date(),
    newIngestionId: () => newIngestionId(),
  }),
  logger,
);
