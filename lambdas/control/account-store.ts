import type { AccountDetails, LinkedAccount } from './control-model';

export interface LinkAccountInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly roleArn: string;
  readonly regions: readonly string[] | null;
  readonly now: string;
}

export interface UpdateAccountInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly roleArn?: string;
  readonly regions?: readonly string[] | null;
  readonly now: string;
}

/** Linked AWS accounts (data sources) of each tenant (adapter: dynamo-account-store.ts). */
export interface AccountStore {
  /** Links (or links again) an account. `created` is false when an item already existed: the link is an update. */
  linkAccount(input: LinkAccountInput): Promise<{ account: LinkedAccount; created: boolean }>;
  /** Throws AccountNotFoundError. */
  getAccount(tenantId: string, accountId: string): Promise<LinkedAccount>;
  /** Every account of the tenant (linked and unlinked-but-kept). */
  listAccounts(tenantId: string): Promise<LinkedAccount[]>;
  /** All linked accounts of all tenants (the daily schedule's list). */
  listLinkedAccounts(): Promise<Array<Pick<LinkedAccount, 'tenantId' | 'accountId'>>>;
  /** Throws AccountNotFoundError. */
  updateAccount(input: UpdateAccountInput): Promise<LinkedAccount>;
  /** Status UNLINKED: no more scheduled crawls, events dropped. Throws AccountNotFoundError. */
  unlinkAccount(tenantId: string, accountId: string, now: string): Promise<LinkedAccount>;
  /** The account with its event-pipeline health per region, its event counters and its last ingestion. */
  getAccountDetails(tenantId: string, accountId: string): Promise<AccountDetails>;
}
