import { DynamoIngestionStore } from '../control/dynamo-ingestion-store';
import type { IngestionRecord } from '../control/control-model';
import { finalizeCrawl } from '../ingestion/finalize-crawl';
import type { FinalizeInput } from '../ingestion/crawl-types';
import { DynamoDriftStore } from '../health/dynamo-drift-store';
import { DynamoAssetStore } from '../inventory/dynamo-asset-store';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-finalize');
const logger = createLogger('crawl-finalize');
const db = createDocumentClient();
const ingestions = new DynamoIngestionStore(db, env.CONTROL_TABLE_NAME);
const assets = new DynamoAssetStore(db, env.INVENTORY_TABLE_NAME);
const drift = new DynamoDriftStore(db, env.CONTROL_TABLE_NAME);

/** Finalize task of the `crawl` workflow: sweep clean scopes, resolve key relations, record the run's outcome. */
export const handler = async (input: FinalizeInput): Promise<IngestionRecord> => {
  const record = await finalizeCrawl(input, {
    getIngestion: (t, a, i) => ingestions.getIngestion(t, a, i),
    listCrawlParts: (i) => ingestions.listCrawlParts(i),
    sweep: async (scope) => ({ swept: (await assets.sweep(scope)).deleted }),
    resolveKeyRelations: (scope) => assets.resolveKeyRelations(scope),
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
