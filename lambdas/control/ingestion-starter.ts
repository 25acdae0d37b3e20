/** Starts the `crawl` workflow for a recorded ingestion; returns the execution ARN. */
export interface IngestionStarter {
  start(input: { tenantId: string; accountId: string; ingestionId: string }): Promise<string>;
}
