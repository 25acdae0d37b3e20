import { DynamoControlRepository } from '../control/dynamo-control-repository';
import type { IngestionRecord } from '../control/control-model';
import { finalizeCrawl } from '../ingestion/finalize-crawl';
import type { FinalizeInput } from '../ingestion/crawl-types';
import { DynamoDriftStore } from '../health/dynamo-drift-store';
import { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-finalize');
const logger = createLogger('crawl-finalize');
const db = createDocumentClient();
const control = new DynamoControlRepository(db, env.CONTROL_TABLE_NAME);
const inventory = new DynamoInventoryRepository(db, env.INVENTORY_TABLE_NAME);
const drift = new DynamoDriftStore(db, env.CONTROL_TABLE_NAME);

/** Finalize task of the `crawl` workflow: sweep clean scopes, resolve key relations, record the run's outcome. */
export const handler = async (input: FinalizeInput): Promise<IngestionRecord> => {
  const record = await finalizeCrawl(input, {
    getIngestion: (t, a, i) => control.getIngestion(t, a, i),
    listCrawlParts: (i) => control.listCrawlParts(i),
    sweep: async (scope) => ({ swept: (await inventory.sweep(scope)).deleted }),
    resolveKeyRelations: (scope) => inventory.resolveKeyRelations(scope),
    finishIngestion: (i) => control.finishIngestion(i),
    now: () => new Date(),
    drift: {
      isReconciliation: (t, a, i) => drift.isReconciliation(t, a, i),
      record: (input) => drift.recordDrift(input),
    },
  });
  logger.info('Crawl finished', { ingestionId: record.ingestionId, status: record.status, counts: record.counts });
  return record;
};
