import type { Asset } from '../inventory/asset';

/**
 * Whether the asset's lifecycle state is one of these. States are compared exactly: the crawl and the event mappers
 * write the same casing (the service's own for KMS and ACM; `Active` / `PendingDeletion` for secrets and parameters,
 * lambdas/events/mappers/secretsmanager.ts).
 */
export function stateIn(asset: Asset, states: readonly string[]): boolean {
  return states.includes(asset.lifecycle.state);
}
