import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { DynamoControlRepository } from '../control/dynamo-control-repository';
import type { IngestionRecord } from '../control/control-model';
import { finalizeCrawl } from '../ingestion/finalize-crawl';
import type { FinalizeInput } from '../ingestion/crawl-types';
import { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';
import { createDocumentClient } from '../shared/platform-clients';

export const CrawlFinalizeEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  INVENTORY_TABLE_NAME: z.string().min(1),
});

const env = CrawlFinalizeEnv.parse(process.env);
const logger = new Logger({ serviceName: 'crawl-finalize' });
const db = createDocumentClient();
const control = new DynamoControlRepository(db, env.CONTROL_TABLE_NAME);
const inventory = new DynamoInventoryRepository(db, env.INVENTORY_TABLE_NAME);

/** Finalize task of the `crawl` workflow: sweep clean scopes, resolve key relations, record the run's outcome. */
export const handler = async (input: FinalizeInput): Promise<IngestionRecord> => {
  const record = await finalizeCrawl(input, {
    getIngestion: (t, a, i) => control.getIngestion(t, a, i),
    listCrawlParts: (i) => control.listCrawlParts(i),
    sweep: async (scope) => ({ swept: (await inventory.sweep(scope)).deleted }),
    resolveKeyRelations: (scope) => inventory.resolveKeyRelations(scope),
    finishIngestion: (i) => control.finishIngestion(i),
    now: () => new Date(),
  });
  logger.info('Crawl finished', { ingestionId: record.ingestionId, status: record.status, counts: record.counts });
  return record;
};
