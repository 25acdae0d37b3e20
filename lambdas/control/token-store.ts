import type { StoredToken, TokenRecord } from './control-model';

/** API tokens, stored by the SHA-256 of their secret; the secret itself never (adapter: dynamo-token-store.ts). */
export interface TokenStore {
  /** Returns the record without `secretHash`. */
  putToken(token: StoredToken): Promise<TokenRecord>;
  /** The authorizer's lookup: by the SHA-256 of the presented secret. Includes `secretHash` for the constant-time check. */
  findTokenByHash(secretHash: string): Promise<StoredToken | undefined>;
  listTokens(tenantId: string): Promise<TokenRecord[]>;
  /** Sets `revokedAt` (idempotent: a revoked token keeps its first revocation time). Throws TokenNotFoundError. */
  revokeToken(tenantId: string, tokenId: string, revokedAt: string): Promise<TokenRecord>;
}
