import type { Permission } from '../control/control-model';

/**
 * What a tenant admin can read back about its tokens: who created or revoked which token, and when. Entries are
 * append-only (never updated or deleted by the API); the token secret never appears, only ids and names.
 */
export type AuditAction = 'token-created' | 'token-revoked';

export interface AuditEntry {
  readonly tenantId: string;
  readonly at: string;
  readonly action: AuditAction;
  /** The token that made the call (`admin-cli` for the bootstrap CLI, which has no token). */
  readonly actor: string;
  /** The token acted on. */
  readonly tokenId: string;
  readonly tokenName?: string;
  readonly permissions?: readonly Permission[];
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** Pass back as `before` for older entries; absent on the last page. */
  readonly next?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. `before` is the `next` of the previous page. */
  list(tenantId: string, options: { limit: number; before?: string }): Promise<AuditPage>;
}

/** The actor recorded for tokens the admin CLI (bin/admin.ts) creates: it runs with platform credentials, no token. */
export const ADMIN_CLI_ACTOR = 'admin-cli';
