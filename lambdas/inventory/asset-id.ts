import { createHash } from 'node:crypto';

/**
 * Deterministic, URL-safe asset id from tenant and ARN, so a crawl and an event always address the same item.
 * 128 bits of SHA-256 in base64url (22 characters): collisions are not a practical concern.
 */
export function assetId(tenantId: string, arn: string): string {
  return createHash('sha256').update(`${tenantId}\n${arn}`).digest('base64url').slice(0, 22);
}
