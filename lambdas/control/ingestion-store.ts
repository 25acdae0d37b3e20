import type { CrawlPart, IngestionErrorEntry, IngestionRecord, IngestionStatus, IngestionWithParts } from './control-model';

export interface StartIngestionInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly ingestionId: string;
  readonly regions: readonly string[];
  readonly startedAt: string;
}

export interface FinishIngestionInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly ingestionId: string;
  readonly status: Exclude<IngestionStatus, 'RUNNING'>;
  readonly finishedAt: string;
  readonly counts?: Readonly<Record<string, number>>;
  readonly errors?: readonly IngestionErrorEntry[];
}

/** Ingestion runs, the account's ingestion lock, and the crawl's per-(region, service) parts (adapter: dynamo-ingestion-store.ts). */
export interface IngestionStore {
  /**
   * Takes the account's ingestion lock and records the run as RUNNING. Throws IngestionAlreadyRunningError,
   * AccountNotLinkedError or AccountNotFoundError (lambdas/control/errors.ts).
   */
  startIngestion(input: StartIngestionInput): Promise<IngestionRecord>;
  setIngestionExecution(tenantId: string, accountId: string, ingestionId: string, executionArn: string): Promise<void>;
  /** Records the outcome and releases the account's lock (only if this run still holds it). Throws IngestionNotFoundError. */
  finishIngestion(input: FinishIngestionInput): Promise<IngestionRecord>;
  /** Throws IngestionNotFoundError. */
  getIngestion(tenantId: string, accountId: string, ingestionId: string): Promise<IngestionWithParts>;
  putCrawlPart(part: CrawlPart): Promise<void>;
  listCrawlParts(ingestionId: string): Promise<CrawlPart[]>;
}
