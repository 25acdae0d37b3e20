import type { AccountStore } from './account-store';
import type { IngestionStore } from './ingestion-store';
import type { TenantStore } from './tenant-store';
import type { TokenStore } from './token-store';

/** The control plane's stores, as handlers inject them (DynamoDB: dynamo-control-stores.ts). */
export interface ControlStores {
  readonly tenants: TenantStore;
  readonly tokens: TokenStore;
  readonly accounts: AccountStore;
  readonly ingestions: IngestionStore;
}
