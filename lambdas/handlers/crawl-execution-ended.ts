import type { EventBridgeEvent } from 'aws-lambda';
import { DynamoIngestionStore } from '../control/dynamo-ingestion-store';
import { type CloseEndedRunResult, type ExecutionStatusChange, closeEndedRun } from '../ingestion/close-ended-run';
import { parseEnvironment } from '../shared/environment';
import { createDocumentClient } from '../shared/platform-clients';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-execution-ended');
const logger = createLogger('crawl-execution-ended');
const ingestions = new DynamoIngestionStore(createDocumentClient(), env.CONTROL_TABLE_NAME);

/**
 * Target of the rule on the crawl state machine's "Execution Status Change" events (ABORTED, TIMED_OUT, FAILED):
 * closes the run the execution left RUNNING and releases the account's lock. Logic: lambdas/ingestion/close-ended-run.ts.
 */
export const handler = async (event: EventBridgeEvent<'Step Functions Execution Status Change', ExecutionStatusChange>): Promise<CloseEndedRunResult> => {
  const result = await closeEndedRun(event.detail, {
    abandonRun: (input) => ingestions.abandonIngestion(input),
    now: () => new Date(),
  });
  logger.info('Crawl execution ended', { executionArn: event.detail.executionArn, status: event.detail.status, ...result });
  return result;
};
