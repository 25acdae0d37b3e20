import type { Context } from 'aws-lambda';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { runCrawlItem } from '../ingestion/run-crawl-item';
import type { CrawlItemState } from '../ingestion/crawl-types';
import { crawlService } from '../discovery/service-crawler';
import { CustomerClientsCache } from '../discovery/region-clients';
import { TokenBucketPacer } from '../discovery/request-pacer';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-service');
const logger = createLogger('crawl-service');
const db = createDocumentClient();
const { tenants, accounts, ingestions } = dynamoControlStores(db, env.CONTROL_TABLE_NAME);
const assets = new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME);
// Module scope: a warm container reuses the assumed-role credentials (until near expiry), the clients and the
// per-(region, API) pacer across invocations.
const customerClients = new CustomerClientsCache(env.PLATFORM_ACCESS_ROLE_ARN);
const pacer = new TokenBucketPacer(env.CRAWL_QUOTAS ? { quotas: env.CRAWL_QUOTAS } : {});

/** Stop this long before the Lambda timeout and continue in the next invocation. */
const YIELD_MARGIN_MS = 60_000;

/** CrawlService task of the `crawl` workflow: one (region, service) of one account, resumable. */
export const handler = async (state: CrawlItemState, context: Context): Promise<CrawlItemState> => {
  const [account, tenant] = await Promise.all([accounts.getAccount(state.tenantId, state.accountId), tenants.getTenant(state.tenantId)]);
  const clients = customerClients.clientsFor(account.roleArn, tenant.externalId, state.region);
  const result = await runCrawlItem(state, {
    crawl: ({ state: s, sink }) =>
      crawlService({
        accountId: s.accountId,
        region: s.region,
        service: s.service,
        clients,
        sink,
        continuation: s.continuation,
        shouldYield: () => context.getRemainingTimeInMillis() < YIELD_MARGIN_MS,
        pacer,
      }),
    upsertFromCrawl: (asset, obs) => assets.upsertFromCrawl(asset, obs),
    putCrawlPart: (part) => ingestions.putCrawlPart(part),
    now: () => new Date(),
  });
  logger.info('Crawl item', { region: state.region, service: state.service, status: result.status, counts: result.counts });
  return result;
};
