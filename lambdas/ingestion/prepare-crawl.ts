import { CRYPTO_SERVICES } from '../inventory/asset';
import type { IngestionRecord, LinkedAccount, Tenant } from '../control/control-model';
import { AccountMismatchError, AccountNotLinkedError } from '../control/errors';
import type { CrawlRunInput, PrepareOutput } from './crawl-types';

export interface PrepareCrawlDeps {
  readonly getTenant: (tenantId: string) => Promise<Tenant>;
  readonly getAccount: (tenantId: string, accountId: string) => Promise<LinkedAccount>;
  readonly getIngestion: (tenantId: string, accountId: string, ingestionId: string) => Promise<IngestionRecord>;
  /** Assumes the role with the ExternalId and calls sts:GetCallerIdentity; throws RoleAssumptionError. */
  readonly verifyRole: (roleArn: string, externalId: string) => Promise<{ accountId: string }>;
}

/**
 * Prepare: prove the customer role can be assumed with the tenant's ExternalId (so a broken trust policy fails the
 * run at once with a reason, instead of failing 136 Map items), then fan out one item per (region, service).
 * The regions were fixed when the run was recorded (the account's regions, or every commercial region).
 */
export async function prepareCrawl(input: CrawlRunInput, deps: PrepareCrawlDeps): Promise<PrepareOutput> {
  const [tenant, account, ingestion] = await Promise.all([
    deps.getTenant(input.tenantId),
    deps.getAccount(input.tenantId, input.accountId),
    deps.getIngestion(input.tenantId, input.accountId, input.ingestionId),
  ]);
  if (account.status !== 'LINKED') throw new AccountNotLinkedError(account.accountId);
  const identity = await deps.verifyRole(account.roleArn, tenant.externalId);
  if (identity.accountId !== account.accountId) throw new AccountMismatchError(account.accountId, identity.accountId);
  const run = { tenantId: input.tenantId, accountId: input.accountId, ingestionId: input.ingestionId };
  const items = ingestion.regions.flatMap((region) => CRYPTO_SERVICES.map((service) => ({ ...run, region, service })));
  return { ...run, crawlStartedAt: ingestion.startedAt, items };
}
