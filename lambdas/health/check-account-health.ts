import type { Observation, ObservedApiDestination, PipelineReader, RegionObservations } from './eventbridge-observations';
import { type AccountHealthReport, worstStatus } from './health-model';
import type { PipelineNames } from './pipeline-names';
import { type RegionDeliveryFacts, regionHealth } from './region-health';
import { classifyTarget } from './target-check';

export interface AccountHealthInput {
  readonly accountId: string;
  /** Every region of the account's data source. */
  readonly regions: readonly string[];
  readonly names: PipelineNames;
  readonly delivery: (region: string) => RegionDeliveryFacts;
}

export interface AccountHealthDeps {
  /** Reads through the account's customer role (paced per region and API). */
  readonly reader: PipelineReader;
  readonly now: () => Date;
  readonly currentTemplateVersion: string;
  /** This deployment's events endpoint; undefined = the destination's endpoint is not compared. */
  readonly expectedEndpoint?: string;
}

/**
 * Runs every check in every region of the account: each region's four EventBridge reads at once (one call per API
 * per region), then, for a forwarder pointing at a region outside the data source, that region's reads too. Regions
 * the account has not enabled are left out (nothing can be deployed there). Region status = worst of its checks;
 * account status = worst of its regions.
 */
export async function checkAccountHealth(input: AccountHealthInput, deps: AccountHealthDeps): Promise<AccountHealthReport> {
  const checkedAt = deps.now().toISOString();
  const observed = new Map<string, RegionObservations>();
  await Promise.all(input.regions.map(async (r) => observed.set(r, await deps.reader.read(r))));
  const primaries = new Set<string>();
  for (const o of observed.values()) {
    if (o.targets.outcome !== 'found') continue;
    for (const t of o.targets.value) {
      const kind = classifyTarget(t.arn);
      if (kind.kind === 'event-bus' && !observed.has(kind.region)) primaries.add(kind.region);
    }
  }
  await Promise.all([...primaries].map(async (r) => observed.set(r, await deps.reader.read(r))));
  const destinationIn = (region: string): Observation<ObservedApiDestination> | undefined => {
    const o = observed.get(region);
    if (!o) return undefined;
    if (o.notEnabled) return { outcome: 'missing', message: `${region} is not enabled in this account` };
    return o.apiDestination;
  };
  const regions = input.regions
    .map((r) => observed.get(r)!)
    .filter((o) => !o.notEnabled)
    .map((o) =>
      regionHealth({
        accountId: input.accountId,
        names: input.names,
        observations: o,
        delivery: input.delivery(o.region),
        currentTemplateVersion: deps.currentTemplateVersion,
        expectedEndpoint: deps.expectedEndpoint,
        destinationIn,
      }),
    );
  // No region to check (all not enabled) is not a healthy pipeline: nothing is known.
  const status = regions.length === 0 ? 'unknown' : worstStatus(regions.map((r) => r.status));
  return { accountId: input.accountId, status, checkedAt, regions };
}
