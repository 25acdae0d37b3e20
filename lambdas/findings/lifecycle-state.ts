import type { Asset } from '../inventory/asset';

/** Lifecycle state comparison that ignores case: events and crawls do not yet agree on it (ACTIVE vs Active). */
export function stateIn(asset: Asset, states: readonly string[]): boolean {
  const state = asset.lifecycle.state.toLowerCase();
  return states.some((s) => s.toLowerCase() === state);
}
