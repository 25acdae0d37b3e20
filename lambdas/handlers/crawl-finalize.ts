import { DynamoIngestionStore } from '../control/dynamo-ingestion-store';
import type { IngestionRecord } from '../control/control-model';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../findings/dynamo-suppression-store';
import { refreshAccountFindings } from '../findings/refresh-findings';
import { finalizeCrawl } from '../ingestion/finalize-crawl';
import type { FinalizeInput } from '../ingestion/crawl-types';
import { DynamoDriftStore } from '../health/dynamo-drift-store';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { DynamoHistoryStore } from '../inventory/dynamo-history-store';
import { DynamoUsageStore } from '../inventory/dynamo-usage-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-finalize');
const logger = createLogger('crawl-finalize');
const db = createDocumentClient();
const ingestions = new DynamoIngestionStore(db, env.CONTROL_TABLE_NAME);
const assets = new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME);
const findings = new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME);
const history = new DynamoHistoryStore(db, env.INVENTORY_TABLE_NAME);
const usages = new DynamoUsageStore(db, env.INVENTORY_TABLE_NAME);
const suppressions = new DynamoSuppressionStore(db, env.INVENTORY_TABLE_NAME);
const drift = new DynamoDriftStore(db, env.CONTROL_TABLE_NAME);

/** Finalize task of the `crawl` workflow: sweep clean scopes, resolve key relations, evaluate findings, record the run's outcome. */
export const handler = async (input: FinalizeInput): Promise<IngestionRecord> => {
  const record = await finalizeCrawl(input, {
    getIngestion: (t, a, i) => ingestions.getIngestion(t, a, i),
    listCrawlParts: (i) => ingestions.listCrawlParts(i),
    sweep: async (scope) => ({ swept: (await assets.sweep(scope)).deleted }),
    resolveKeyRelations: (scope) => assets.resolveKeyRelations(scope),
    refreshFindings: async ({ tenantId, accountId }) => {
      const outcome = await refreshAccountFindings(tenantId, accountId, { store: findings, suppressions, inventory: { assets, usages, history }, now: () => new Date() });
      logger.info('Findings evaluated', { accountId, ...outcome });
    },
    finishIngestion: (i) => ingestions.finishIngestion(i),
    now: () => new Date(),
    drift: {
      isReconciliation: (t, a, i) => drift.isReconciliation(t, a, i),
      record: (input) => drift.recordDrift(input),
    },
  });
  logger.info('Crawl finished', { ingestionId: record.ingestionId, status: record.status, counts: record.counts });
  return record;
};
