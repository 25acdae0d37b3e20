import { createHash } from 'node:crypto';

/**
 * Deterministic, URL-safe finding id from (tenant, rule, asset): every evaluation of the same condition on the same
 * asset addresses the same finding, so it keeps its id, firstSeenAt and suppression while it stays open.
 * Same construction as the asset id (lambdas/inventory/asset-id.ts): 128 bits of SHA-256 in base64url.
 */
export function findingId(tenantId: string, ruleId: string, assetId: string): string {
  return createHash('sha256').update(`${tenantId}\n${ruleId}\n${assetId}`).digest('base64url').slice(0, 22);
}
