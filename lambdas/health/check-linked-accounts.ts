import type { CheckStatus } from './health-model';

export interface LinkedAccountRef {
  readonly tenantId: string;
  readonly accountId: string;
}

export interface CheckLinkedAccountsResult {
  readonly checked: ReadonlyArray<LinkedAccountRef & { readonly status: CheckStatus }>;
  readonly failed: ReadonlyArray<LinkedAccountRef & { readonly error: string }>;
}

/**
 * The scheduled run: checks every linked account, a few at a time (each account's reads are paced per region and API
 * already). One account that cannot be checked (its tenant or account gone, a bug) is recorded and the others go on.
 */
export async function checkLinkedAccounts(deps: {
  readonly listLinkedAccounts: () => Promise<readonly LinkedAccountRef[]>;
  readonly check: (account: LinkedAccountRef) => Promise<{ status: CheckStatus }>;
  /** @default 4 */
  readonly concurrency?: number;
}): Promise<CheckLinkedAccountsResult> {
  const accounts = [...(await deps.listLinkedAccounts())];
  const checked: Array<LinkedAccountRef & { status: CheckStatus }> = [];
  const failed: Array<LinkedAccountRef & { error: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const account = accounts[next++];
      try {
        const { status } = await deps.check(account);
        checked.push({ ...account, status });
      } catch (err) {
        failed.push({ ...account, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, accounts.length) }, worker));
  return { checked, failed };
}
