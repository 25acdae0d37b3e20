import { AccountNotLinkedError, IngestionAlreadyRunningError } from '../control/errors';

export interface IngestLinkedAccountsDeps {
  readonly listLinkedAccounts: () => Promise<ReadonlyArray<{ tenantId: string; accountId: string }>>;
  /** Records and starts one ingestion (lambdas/control/account-service.ts startIngestion). */
  readonly startIngestion: (input: { tenantId: string; accountId: string }) => Promise<{ ingestionId: string }>;
}

export interface IngestLinkedAccountsResult {
  readonly started: number;
  /** Already running, or unlinked since the list was read: not an error. */
  readonly skipped: number;
  readonly failed: ReadonlyArray<{ tenantId: string; accountId: string; error: string }>;
}

/**
 * The daily re-ingestion: CloudTrail delivery to EventBridge is best effort, so every linked account is crawled
 * again once a day. One account's failure to start never stops the others.
 */
export async function ingestLinkedAccounts(deps: IngestLinkedAccountsDeps): Promise<IngestLinkedAccountsResult> {
  let started = 0;
  let skipped = 0;
  const failed: Array<{ tenantId: string; accountId: string; error: string }> = [];
  for (const account of await deps.listLinkedAccounts()) {
    try {
      await deps.startIngestion(account);
      started++;
    } catch (err) {
      if (err instanceof IngestionAlreadyRunningError || err instanceof AccountNotLinkedError) skipped++;
      else failed.push({ ...account, error: (err as Error).message });
    }
  }
  return { started, skipped, failed };
}
