import type { Tenant } from './control-model';

/** Tenants (adapter: dynamo-tenant-store.ts). */
export interface TenantStore {
  /** Fails if the tenant id exists already. */
  createTenant(tenant: Tenant): Promise<Tenant>;
  /** Throws TenantNotFoundError (lambdas/control/errors.ts). */
  getTenant(tenantId: string): Promise<Tenant>;
}
