import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_ID_PATTERN, newTokenId } from '../control/ids';

/**
 * API token secrets: `aqg_<tokenId>_<32 random bytes, base64url>`, shown once at creation. Only the SHA-256 of the
 * whole secret is stored (a fast hash is right here: the secret carries 256 bits of entropy, so it cannot be guessed
 * offline, and the authorizer must answer quickly).
 */
const PREFIX = 'aqg_';
const RANDOM_PART = /^[A-Za-z0-9_-]{43}$/;

export interface NewTokenSecret {
  readonly tokenId: string;
  readonly secret: string;
  readonly secretHash: string;
}

export function newTokenSecret(): NewTokenSecret {
  const tokenId = newTokenId();
  const secret = `${PREFIX}${tokenId}_${randomBytes(32).toString('base64url')}`;
  return { tokenId, secret, secretHash: hashTokenSecret(secret) };
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The token id embedded in a well-formed secret, or undefined when the string cannot be one of our tokens. */
export function parseTokenSecret(secret: string): { tokenId: string } | undefined {
  if (!secret.startsWith(PREFIX)) return undefined;
  const rest = secret.slice(PREFIX.length);
  const sep = rest.indexOf('_');
  if (sep < 0) return undefined;
  const tokenId = rest.slice(0, sep);
  if (!TOKEN_ID_PATTERN.test(tokenId) || !RANDOM_PART.test(rest.slice(sep + 1))) return undefined;
  return { tokenId };
}

/** Constant-time comparison of two hex SHA-256 digests. */
export function hashesEqual(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
