import { parseArn } from '../shared/arn';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import type { IngestionRecord, LinkedAccount } from './control-model';
import type { DynamoControlRepository } from './dynamo-control-repository';
import { AccountMismatchError } from './errors';
import type { IngestionStarter } from './ingestion-starter';
import type { RoleVerifier } from './role-verifier';
import type { DynamoInventoryRepository } from '../inventory/dynamo-inventory-repository';

/** Data-source (AWS account) lifecycle: link, edit, unlink, start an ingestion. Pure: every dependency injected. */

export type ControlStore = Pick<
  DynamoControlRepository,
  | 'getTenant'
  | 'getAccount'
  | 'linkAccount'
  | 'updateAccount'
  | 'unlinkAccount'
  | 'startIngestion'
  | 'setIngestionExecution'
  | 'finishIngestion'
>;
export type InventoryStore = Pick<DynamoInventoryRepository, 'markAccountUnlinked' | 'purgeAccount'>;

export interface AccountServiceDeps {
  readonly control: ControlStore;
  readonly verifier: RoleVerifier;
  readonly starter: IngestionStarter;
  readonly now: () => Date;
  readonly newIngestionId: () => string;
}

export function accountIdOfRoleArn(roleArn: string): string {
  return parseArn(roleArn)?.accountId ?? '';
}

/** Assumes the role with the tenant's ExternalId and checks it is in the account its ARN names. */
async function verifyRole(deps: AccountServiceDeps, tenantId: string, roleArn: string, expectedAccountId: string): Promise<void> {
  const tenant = await deps.control.getTenant(tenantId);
  const { accountId } = await deps.verifier.verify(roleArn, tenant.externalId);
  if (accountId !== expectedAccountId) throw new AccountMismatchError(expectedAccountId, accountId);
}

export async function connectAccount(
  deps: AccountServiceDeps,
  input: { tenantId: string; roleArn: string; regions?: readonly string[] | null; startNow: boolean },
): Promise<{ account: LinkedAccount; created: boolean; ingestion?: IngestionRecord }> {
  const accountId = accountIdOfRoleArn(input.roleArn);
  await verifyRole(deps, input.tenantId, input.roleArn, accountId);
  const { account, created } = await deps.control.linkAccount({
    tenantId: input.tenantId,
    accountId,
    roleArn: input.roleArn,
    regions: input.regions ?? null,
    now: deps.now().toISOString(),
  });
  if (!input.startNow) return { account, created };
  const ingestion = await startIngestion(deps, { tenantId: input.tenantId, accountId });
  return { account: await deps.control.getAccount(input.tenantId, accountId), created, ingestion };
}

export async function editAccount(
  deps: AccountServiceDeps,
  input: { tenantId: string; accountId: string; roleArn?: string; regions?: readonly string[] | null },
): Promise<LinkedAccount> {
  await deps.control.getAccount(input.tenantId, input.accountId); // 404 before anything else
  if (input.roleArn !== undefined) {
    const arnAccount = accountIdOfRoleArn(input.roleArn);
    if (arnAccount !== input.accountId) throw new AccountMismatchError(input.accountId, arnAccount);
    await verifyRole(deps, input.tenantId, input.roleArn, input.accountId);
  }
  return deps.control.updateAccount({ ...input, now: deps.now().toISOString() });
}

/**
 * Unlink: stop crawling and applying its events (the account leaves the linked index; the event processor drops its
 * events as "account not linked"). Without purge its assets stay, marked `unlinkedAt`; with purge they are deleted.
 */
export async function unlinkAccount(
  deps: Pick<AccountServiceDeps, 'control' | 'now'> & { inventory: InventoryStore },
  input: { tenantId: string; accountId: string; purge: boolean },
): Promise<{ account: LinkedAccount; assetsPurged?: number; assetsMarked?: number }> {
  const now = deps.now().toISOString();
  const account = await deps.control.unlinkAccount(input.tenantId, input.accountId, now);
  if (input.purge) {
    const assetsPurged = await deps.inventory.purgeAccount({ tenantId: input.tenantId, accountId: input.accountId });
    return { account, assetsPurged };
  }
  const assetsMarked = await deps.inventory.markAccountUnlinked({ tenantId: input.tenantId, accountId: input.accountId, unlinkedAt: now });
  return { account, assetsMarked };
}

/**
 * Records the run (taking the account's lock: 409 if one runs) and starts the workflow. If the start fails, the run is
 * recorded FAILED and the lock released, so a retry is possible.
 */
export async function startIngestion(
  deps: Pick<AccountServiceDeps, 'control' | 'starter' | 'now' | 'newIngestionId'>,
  input: { tenantId: string; accountId: string },
): Promise<IngestionRecord> {
  const account = await deps.control.getAccount(input.tenantId, input.accountId);
  const ingestionId = deps.newIngestionId();
  const record = await deps.control.startIngestion({
    tenantId: input.tenantId,
    accountId: input.accountId,
    ingestionId,
    regions: account.regions ?? COMMERCIAL_REGION_NAMES,
    startedAt: deps.now().toISOString(),
  });
  try {
    const executionArn = await deps.starter.start({ tenantId: input.tenantId, accountId: input.accountId, ingestionId });
    await deps.control.setIngestionExecution(input.tenantId, input.accountId, ingestionId, executionArn);
    return { ...record, executionArn };
  } catch (err) {
    await deps.control.finishIngestion({
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
