import { DynamoControlRepository } from '../control/dynamo-control-repository';
import type { IngestionRecord } from '../control/control-model';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { refreshAccountFindings } from '../findings/refresh-findings';
import { finalizeCrawl } from '../ingestion/finalize-crawl';
import type { FinalizeInput } from '../ingestion/crawl-types';
import { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-finalize');
const logger = createLogger('crawl-finalize');
const db = createDocumentClient();
const control = new DynamoControlRepository(db, env.CONTROL_TABLE_NAME);
const inventory = new DynamoInventoryRepository(db, env.INVENTORY_TABLE_NAME);
const findings = new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME);

/** Finalize task of the `crawl` workflow: sweep clean scopes, resolve key relations, evaluate findings, record the run's outcome. */
export const handler = async (input: FinalizeInput): Promise<IngestionRecord> => {
  const record = await finalizeCrawl(input, {
    getIngestion: (t, a, i) => control.getIngestion(t, a, i),
    listCrawlParts: (i) => control.listCrawlParts(i),
    sweep: async (scope) => ({ swept: (await inventory.sweep(scope)).deleted }),
    resolveKeyRelations: (scope) => inventory.resolveKeyRelations(scope),
    refreshFindings: async ({ tenantId, accountId }) => {
      const outcome = await refreshAccountFindings(tenantId, accountId, { store: findings, inventory, now: () => new Date() });
      logger.info('Findings evaluated', { accountId, ...outcome });
    },
    finishIngestion: (i) => control.finishIngestion(i),
    now: () => new Date(),
  });
  logger.info('Crawl finished', { ingestionId: record.ingestionId, status: record.status, counts: record.counts });
  return record;
};
