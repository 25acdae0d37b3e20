import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { unavailableRefresher } from '../events/asset-refresher';
import { DynamoEventStore } from '../events/dynamo-event-store';
import { processSqsBatch } from '../events/process-batch';
import { createDocumentClient } from '../shared/platform-clients';

/** SQS → inventory. Logic: lambdas/events/process-batch.ts and process-event.ts. */
export const EventProcessorEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  INVENTORY_TABLE_NAME: z.string().min(1),
  HISTORY_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  EVENT_DEDUP_DAYS: z.coerce.number().int().positive().default(7),
});

const env = EventProcessorEnv.parse(process.env);
const logger = new Logger({ serviceName: 'event-processor' });
const store = new DynamoEventStore({
  documentClient: createDocumentClient(),
  inventoryTable: env.INVENTORY_TABLE_NAME,
  controlTable: env.CONTROL_TABLE_NAME,
  dedupDays: env.EVENT_DEDUP_DAYS,
  historyDays: env.HISTORY_RETENTION_DAYS,
});
// Targeted refresh needs single-asset describe functions from lambdas/discovery, which do not exist yet: until the
// lead wires DescribeAssetRefresher (lambdas/events/describe-asset-refresher.ts) here, refreshes are counted as
// `refresh_unavailable` and the daily crawl completes those assets.
const refresher = unavailableRefresher;

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processSqsBatch(
    event,
    {
      store,
      refresher,
      warn: (message, details) => logger.warn(message, details),
      error: (message, details) => logger.error(message, details),
    },
    context,
  );
