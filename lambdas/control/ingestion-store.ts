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

export interface AbandonIngestionInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly ingestionId: string;
  readonly finishedAt: string;
  readonly error: IngestionErrorEntry;
}

/** A run recorded RUNNING, or an account lock held by a run. */
export interface OpenIngestion {
  readonly tenantId: string;
  readonly accountId: string;
  readonly ingestionId: string;
  readonly executionArn?: string;
}

/** One page of an account's runs, newest first. */
export interface IngestionPage {
  readonly items: readonly IngestionRecord[];
  /** Pass as `cursor` for the next (older) page; null = no more. */
  readonly nextCursor: string | null;
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
  /** The account's runs, newest first. Throws InvalidCursorError (lambdas/inventory/inventory-cursor.ts) for a cursor it did not issue. */
  listIngestions(tenantId: string, accountId: string, page: { readonly limit: number; readonly cursor?: string }): Promise<IngestionPage>;
  /**
   * Closes a run still RUNNING as FAILED with `error` (a run already recorded is left as it is), then releases the
   * account's lock if this run holds it. `closed` says whether this call closed the run.
   */
  abandonIngestion(input: AbandonIngestionInput): Promise<{ closed: boolean }>;
  /** Every run recorded RUNNING and every lock held (the local runtime's start-up reconciliation: a small table). */
  listOpenIngestions(): Promise<OpenIngestion[]>;
  putCrawlPart(part: CrawlPart): Promise<void>;
  listCrawlParts(ingestionId: string): Promise<CrawlPart[]>;
}
