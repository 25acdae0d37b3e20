import type { TokenStore } from '../control/token-store';
import type { Permission, TokenRecord } from '../control/control-model';
import type { AuditLog } from './audit-log';
import { newTokenSecret } from './token-secret';

/**
 * Creates a token; the secret is returned here once and never stored (only its SHA-256). The token records who
 * created it (`createdBy`), and the creation is in the tenant's audit log: if the audit entry cannot be written the
 * new token is revoked at once and the error rethrown, so no token exists that the log does not show.
 */
export async function issueToken(
  store: Pick<TokenStore, 'putToken' | 'revokeToken'>,
  audit: Pick<AuditLog, 'append'>,
  input: { tenantId: string; name: string; permissions: readonly Permission[]; expiresAt?: string; createdBy: string; now: Date },
): Promise<{ token: TokenRecord; secret: string }> {
  const { tokenId, secret, secretHash } = newTokenSecret();
  const at = input.now.toISOString();
  const token = await store.putToken({
    tokenId,
    tenantId: input.tenantId,
    name: input.name,
    permissions: [...input.permissions],
    secretHash,
    createdAt: at,
    createdBy: input.createdBy,
    ...(input.expiresAt !== undefined && { expiresAt: new Date(input.expiresAt).toISOString() }),
  });
  try {
    await audit.append({ tenantId: input.tenantId, at, action: 'token-created', actor: input.createdBy, tokenId, tokenName: input.name, permissions: [...input.permissions] });
  } catch (err) {
    await store.revokeToken(input.tenantId, tokenId, at);
    throw err;
  }
  return { token, secret };
}

/** Revokes a token (idempotent) and records who did it. */
export async function revokeToken(
  store: Pick<TokenStore, 'revokeToken'>,
  audit: Pick<AuditLog, 'append'>,
  input: { tenantId: string; tokenId: string; revokedBy: string; now: Date },
): Promise<TokenRecord> {
  const at = input.now.toISOString();
  const token = await store.revokeToken(input.tenantId, input.tokenId, at);
  await audit.append({ tenantId: input.tenantId, at, action: 'token-revoked', actor: input.revokedBy, tokenId: input.tokenId, tokenName: token.name });
  return token;
}
