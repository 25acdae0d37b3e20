import { parseArn } from '../shared/arn';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import type { AccountStore } from './account-store';
import type { IngestionRecord, LinkedAccount } from './control-model';
import { AccountMismatchError } from './errors';
import type { IngestionStarter } from './ingestion-starter';
import type { IngestionStore } from './ingestion-store';
import type { RoleVerifier } from './role-verifier';
import type { TenantStore } from './tenant-store';

/** Data-source (AWS account) lifecycle: link, edit, unlink, start an ingestion. Pure: every dependency injected. */

export interface AccountServiceDeps {
  readonly tenants: Pick<TenantStore, 'getTenant'>;
  readonly accounts: Pick<AccountStore, 'getAccount' | 'linkAccount' | 'updateAccount' | 'unlinkAccount'>;
  readonly ingestions: Pick<IngestionStore, 'startIngestion' | 'setIngestionExecution' | 'finishIngestion'>;
  readonly verifier: RoleVerifier;
  readonly starter: IngestionStarter;
  readonly now: () => Date;
  readonly newIngestionId: () => string;
}

/** What unlinking does to the account's assets in the inventory (implemented by lambdas/inventory/asset-store.ts). */
export interface AccountAssets {
  /** Without purge: the assets stay, marked with `unlinkedAt`. Returns how many were marked. */
  markAccountUnlinked(input: { tenantId: string; accountId: string; unlinkedAt: string }): Promise<number>;
  /** With purge: every asset of the account is deleted with its usages and history. Returns assets deleted. */
  purgeAccount(input: { tenantId: string; accountId: string }): Promise<number>;
}

export function accountIdOfRoleArn(roleArn: string): string {
  return parseArn(roleArn)?.accountId ?? '';
}

/** Assumes the role with the tenant's ExternalId and checks it is in the account its ARN names. */
async function verifyRole(deps: AccountServiceDeps, tenantId: string, roleArn: string, expectedAccountId: string): Promise<void> {
  const tenant = await deps.tenants.getTenant(tenantId);
  const { accountId } = await deps.verifier.verify(roleArn, tenant.externalId);
  if (accountId !== expectedAccountId) throw new AccountMismatchError(expectedAccountId, accountId);
}

export async function connectAccount(
  deps: AccountServiceDeps,
  input: { tenantId: string; roleArn: string; regions?: readonly string[] | null; startNow: boolean },
): Promise<{ account: LinkedAccount; created: boolean; ingestion?: IngestionRecord }> {
  const accountId = accountIdOfRoleArn(input.roleArn);
  await verifyRole(deps, input.tenantId, input.roleArn, accountId);
  const { account, created } = await deps.accounts.linkAccount({
    tenantId: input.tenantId,
    accountId,
    roleArn: input.roleArn,
    regions: input.regions ?? null,
    now: deps.now().toISOString(),
  });
  if (!input.startNow) return { account, created };
  const ingestion = await startIngestion(deps, { tenantId: input.tenantId, accountId });
  return { account: await deps.accounts.getAccount(input.tenantId, accountId), created, ingestion };
}

export async function editAccount(
  deps: AccountServiceDeps,
  input: { tenantId: string; accountId: string; roleArn?: string; regions?: readonly string[] | null },
): Promise<LinkedAccount> {
  await deps.accounts.getAccount(input.tenantId, input.accountId); // 404 before anything else
  if (input.roleArn !== undefined) {
    const arnAccount = accountIdOfRoleArn(input.roleArn);
    if (arnAccount !== input.accountId) throw new AccountMismatchError(input.accountId, arnAccount);
    await verifyRole(deps, input.tenantId, input.roleArn, input.accountId);
  }
  return deps.accounts.updateAccount({ ...input, now: deps.now().toISOString() });
}

/**
 * Unlink: stop crawling and applying its events (the account leaves the linked index; the event processor drops its
 * events as "account not linked"). Without purge its assets stay, marked `unlinkedAt`; with purge they are deleted.
 */
export async function unlinkAccount(
  deps: Pick<AccountServiceDeps, 'accounts' | 'now'> & { readonly assets: AccountAssets },
  input: { tenantId: string; accountId: string; purge: boolean },
): Promise<{ account: LinkedAccount; assetsPurged?: number; assetsMarked?: number }> {
  const now = deps.now().toISOString();
  const account = await deps.accounts.unlinkAccount(input.tenantId, input.accountId, now);
  if (input.purge) {
    const assetsPurged = await deps.assets.purgeAccount({ tenantId: input.tenantId, accountId: input.accountId });
    return { account, assetsPurged };
  }
  const assetsMarked = await deps.assets.markAccountUnlinked({ tenantId: input.tenantId, accountId: input.accountId, unlinkedAt: now });
  return { account, assetsMarked };
}

/**
 * Records the run (taking the account's lock: 409 if one runs) and starts the workflow. If the start fails, the run is
 * recorded FAILED and the lock released, so a retry is possible.
 */
export async function startIngestion(
  deps: Pick<AccountServiceDeps, 'accounts' | 'ingestions' | 'starter' | 'now' | 'newIngestionId'>,
  input: { tenantId: string; accountId: string },
): Promise<IngestionRecord> {
  const account = await deps.accounts.getAccount(input.tenantId, input.accountId);
  const ingestionId = deps.newIngestionId();
  const record = await deps.ingestions.startIngestion({
    tenantId: input.tenantId,
    accountId: input.accountId,
    ingestionId,
    regions: account.regions ?? COMMERCIAL_REGION_NAMES,
    startedAt: deps.now().toISOString(),
  });
  try {
    const executionArn = await deps.starter.start({ tenantId: input.tenantId, accountId: input.accountId, ingestionId });
    await deps.ingestions.setIngestionExecution(input.tenantId, input.accountId, ingestionId, executionArn);
    return { ...record, executionArn };
  } catch (err) {
    await deps.ingestions.finishIngestion({
      tenantId: input.tenantId,
      accountId: input.accountId,
      ingestionId,
      status: 'FAILED',
      finishedAt: deps.now().toISOString(),
      errors: [{ code: 'StartFailed', message: 'The crawl workflow could not be started' }],
    });
    throw err;
  }
}
