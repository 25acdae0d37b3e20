import { COMMERCIAL_REGION_NAMES } from '../shared/regions';

export class RegionSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegionSelectionError';
  }
}

const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * The Regions to crawl: the ones asked for, or every commercial Region from the maintained list (the customer role
 * has no region-listing permission). `null`/`undefined`/['all'] = all. Unknown but well-formed names are accepted
 * (a Region newer than our list); malformed ones are rejected, naming them.
 */
export function resolveRegions(requested: readonly string[] | null | undefined): string[] {
  if (!requested || requested.length === 0 || (requested.length === 1 && requested[0] === 'all')) return [...COMMERCIAL_REGION_NAMES];
  const bad = requested.filter((r) => !REGION_SHAPE.test(r));
  if (bad.length > 0) throw new RegionSelectionError(`not a Region name: ${bad.join(', ')}`);
  return [...new Set(requested)];
}
