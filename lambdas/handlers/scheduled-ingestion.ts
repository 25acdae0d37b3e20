import { startIngestion } from '../control/account-service';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { newIngestionId } from '../control/ids';
import { ingestLinkedAccounts, type IngestLinkedAccountsResult } from '../ingestion/ingest-linked-accounts';
import { SfnIngestionStarter } from '../ingestion/sfn-ingestion-starter';
import { createDocumentClient, createSfnClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('scheduled-ingestion');
const logger = createLogger('scheduled-ingestion');
const { accounts, ingestions } = dynamoControlStores(createDocumentClient(), env.CONTROL_TABLE_NAME);
const starter = new SfnIngestionStarter(createSfnClient(), env.CRAWL_STATE_MACHINE_ARN);

/** Daily schedule: start an ingestion of every linked account. */
export const handler = async (): Promise<IngestLinkedAccountsResult> => {
  const result = await ingestLinkedAccounts({
    listLinkedAccounts: () => accounts.listLinkedAccounts(),
    startIngestion: (account) =>
      startIngestion({ accounts, ingestions, starter, now: () => new Date(), newIngestionId: () => newIngestionId() }, account),
  });
  logger.info('Daily ingestion', { started: result.started, skipped: result.skipped, failed: result.failed.length });
  if (result.failed.length > 0) logger.error('Some ingestions could not start', { failed: result.failed });
  return result;
};
