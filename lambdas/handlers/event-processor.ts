import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { describeAsset } from '../discovery/describe-asset';
import { isAccessDeniedError, isExpiredCredentialsError, isThrottlingError } from '../discovery/aws-error';
import { CustomerClientsCache } from '../discovery/region-clients';
import { TokenBucketPacer } from '../discovery/request-pacer';
import { AssetRefreshUnavailableError, type DescribeAsset } from '../events/asset-refresher';
import { DescribeAssetRefresher } from '../events/describe-asset-refresher';
import { DynamoEventStore } from '../events/dynamo-event-store';
import { AssetUnreadableError } from '../events/errors';
import { SqsRecordForwarder } from '../events/sqs-record-forwarder';
import { processSqsBatch } from '../events/process-batch';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../findings/dynamo-suppression-store';
import { refreshTouchedFindings } from '../findings/refresh-findings';
import { dynamoInventoryStores } from '../inventory/dynamo-inventory-stores';
import { createDocumentClient, createSqsClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('event-processor');
const logger = createLogger('event-processor');
const db = createDocumentClient();
const { tenants, accounts } = dynamoControlStores(db, env.CONTROL_TABLE_NAME);
const store = new DynamoEventStore({
  documentClient: db,
  inventoryTable: env.INVENTORY_TABLE_NAME,
  controlTable: env.CONTROL_TABLE_NAME,
  dedupDays: env.EVENT_DEDUP_DAYS,
  historyDays: env.HISTORY_RETENTION_DAYS,
});

const findings = {
  store: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  suppressions: new DynamoSuppressionStore(db, env.INVENTORY_TABLE_NAME),
  inventory: dynamoInventoryStores(db, env.INVENTORY_TABLE_NAME),
  now: () => new Date(),
};

// Module scope: a warm container reuses the assumed-role credentials (until near expiry), the clients and the
// per-(region, API) pacer across batches.
const customerClients = new CustomerClientsCache(env.PLATFORM_ACCESS_ROLE_ARN);
const pacer = new TokenBucketPacer();
const forwarder = new SqsRecordForwarder(createSqsClient(), { deadLetterQueueUrl: env.DEAD_LETTER_QUEUE_URL, eventsQueueUrl: env.EVENTS_QUEUE_URL });

/** One asset through the account's read-only role, with the tenant's ExternalId (lambdas/discovery/describe-asset.ts). */
const describe: DescribeAsset = async (request) => {
  const [account, tenant] = await Promise.all([accounts.getAccount(request.tenantId, request.accountId), tenants.getTenant(request.tenantId)]);
  // Unlinked since the event was accepted: the platform no longer reads that account.
  if (account.status !== 'LINKED') throw new AssetRefreshUnavailableError(request, 'the account is no longer linked');
  try {
    return await describeAsset({
      accountId: request.accountId,
      region: request.region,
      type: request.type,
      arn: request.arn,
      clients: customerClients.clientsFor(account.roleArn, tenant.externalId, request.region),
      pacer,
    });
  } catch (err) {
    // The role is gone, no longer trusts us, or may not read this asset: retrying the message cannot help (and would
    // hold back its usage counts); the event's own changes stay applied and the next crawl reports the gap.
    if (isAccessDeniedError(err)) throw new AssetRefreshUnavailableError(request, `access denied (${(err as Error).name})`);
    // Any other error the service blames on the request (an invalid ARN, a Region not enabled) will not go away:
    // dead-lettered now with the reason. Throttling, expired credentials and server faults stay SQS retries.
    if (isPermanentClientError(err)) throw new AssetUnreadableError(request.arn, `${(err as Error).name}: ${(err as Error).message}`);
    throw err;
  }
};

/** The SDK marks errors the caller caused with `$fault: 'client'`; throttling and expired credentials pass with time. */
function isPermanentClientError(err: unknown): boolean {
  return (err as { $fault?: unknown } | null)?.$fault === 'client' && !isThrottlingError(err) && !isExpiredCredentialsError(err);
}

// The refreshed asset is applied as an observation stamped with the describe's read time: the store's newest-wins
// rule keeps any field a later event changed.
const refresher = new DescribeAssetRefresher({ describe, store });

/** SQS → inventory. Logic: lambdas/events/process-batch.ts and process-event.ts. */
export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
  processSqsBatch(
    event,
    {
      store,
      refresher,
      warn: (message, details) => logger.warn(message, details),
      error: (message, details) => logger.error(message, details),
      // Findings of what the batch changed (and their neighbours), within seconds of the events.
      afterApplied: async (touched) => {
        const outcome = await refreshTouchedFindings(touched, findings);
        logger.info('Findings evaluated', { ...outcome });
      },
      deadLetters: forwarder,
      retries: forwarder,
    },
    context,
  );
