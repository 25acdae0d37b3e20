import type { ScopedSuppression } from './suppression';

/** Where a tenant's rule × account / tag suppressions live (adapter: dynamo-suppression-store.ts). */
export interface SuppressionStore {
  /** Every scoped suppression of the tenant, expired ones included (until their retention ends), oldest first. */
  listSuppressions(tenantId: string): Promise<ScopedSuppression[]>;
  getSuppression(tenantId: string, suppressionId: string): Promise<ScopedSuppression | undefined>;
  putSuppression(tenantId: string, suppression: ScopedSuppression): Promise<void>;
  /** False when there was none with that id. */
  deleteSuppression(tenantId: string, suppressionId: string): Promise<boolean>;
}
