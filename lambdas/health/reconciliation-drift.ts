import type { CrawlPart } from '../control/control-model';
import type { DriftCounts } from './health-model';

/** Drift of one run: per region, per service. */
export type RunDrift = Readonly<Record<string, Readonly<Record<string, DriftCounts>>>>;

/**
 * Drift per (region, service) from the crawl parts (their created / updated counts, lambdas/ingestion/run-crawl-item.ts)
 * and what Finalize swept there (deleted). Only cleanly crawled pairs count: a failed one says nothing.
 */
export function runDrift(parts: readonly CrawlPart[], sweptByPart: ReadonlyMap<string, number>): RunDrift {
  const drift: Record<string, Record<string, DriftCounts>> = {};
  for (const part of parts) {
    if (part.status !== 'SUCCEEDED') continue;
    (drift[part.region] ??= {})[part.service] = {
      created: part.counts?.driftCreated ?? 0,
      updated: part.counts?.driftUpdated ?? 0,
      deleted: sweptByPart.get(`${part.region}#${part.service}`) ?? 0,
    };
  }
  return drift;
}

/** Summed over services: what the health checks show per region. */
export function driftByRegion(drift: RunDrift): Record<string, DriftCounts> {
  return Object.fromEntries(Object.entries(drift).map(([region, services]) => [region, sumDrift(Object.values(services))]));
}

export function sumDrift(all: Iterable<DriftCounts>): DriftCounts {
  let created = 0;
  let updated = 0;
  let deleted = 0;
  for (const d of all) {
    created += d.created;
    updated += d.updated;
    deleted += d.deleted;
  }
  return { created, updated, deleted };
}
