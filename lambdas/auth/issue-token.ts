import type { TokenStore } from '../control/token-store';
import type { Permission, TokenRecord } from '../control/control-model';
import { newTokenSecret } from './token-secret';

/** Creates a token; the secret is returned here once and never stored (only its SHA-256). */
export async function issueToken(
  store: Pick<TokenStore, 'putToken'>,
  input: { tenantId: string; name: string; permissions: readonly Permission[]; expiresAt?: string; now: Date },
): Promise<{ token: TokenRecord; secret: string }> {
  const { tokenId, secret, secretHash } = newTokenSecret();
  const token = await store.putToken({
    tokenId,
    tenantId: input.tenantId,
    name: input.name,
    permissions: [...input.permissions],
    secretHash,
    createdAt: input.now.toISOString(),
    ...(input.expiresAt !== undefined && { expiresAt: new Date(input.expiresAt).toISOString() }),
  });
  return { token, secret };
}
