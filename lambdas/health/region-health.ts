import type { PipelineNames } from './pipeline-names';
import { connectionCheck } from './connection-check';
import { deliveryCheck } from './delivery-check';
import { destinationCheck } from './destination-check';
import type { Observation, ObservedApiDestination, RegionObservations } from './eventbridge-observations';
import { type CheckResult, type DriftCounts, type RegionHealthReport, type RegionRole, worstStatus } from './health-model';
import type { RegionEventCounts } from './region-event-counts';
import { ruleCheck } from './rule-check';
import { classifyTarget, targetCheck } from './target-check';

/** What the backend itself knows about a region (from events received and the last re-crawl). */
export interface RegionDeliveryFacts {
  readonly lastEventAt?: string;
  readonly templateVersion?: string;
  readonly drift?: DriftCounts;
  readonly events?: RegionEventCounts;
}

export interface RegionHealthInput {
  readonly accountId: string;
  readonly names: PipelineNames;
  readonly observations: RegionObservations;
  readonly delivery: RegionDeliveryFacts;
  readonly currentTemplateVersion: string;
  /** This deployment's events endpoint; undefined = not compared. */
  readonly expectedEndpoint?: string;
  /** The API destination as read in another region (a forwarder's primary). */
  readonly destinationIn: (region: string) => Observation<ObservedApiDestination> | undefined;
}

/**
 * The primary region holds the API destination (the rule targets it, or it exists there); every other region is a
 * forwarder, whose rule sends to the primary's default bus and which has no destination or connection of its own
 * (lib/customer-template-stack.ts).
 */
export function regionRole(o: RegionObservations): RegionRole {
  if (o.targets.outcome === 'found' && o.targets.value.some((t) => classifyTarget(t.arn).kind === 'api-destination')) return 'primary';
  if (o.targets.outcome === 'found' && o.targets.value.some((t) => classifyTarget(t.arn).kind === 'event-bus')) return 'forwarder';
  return o.apiDestination.outcome === 'found' ? 'primary' : 'forwarder';
}

export function regionHealth(input: RegionHealthInput): RegionHealthReport {
  const { observations: o, names } = input;
  const role = regionRole(o);
  const checks: CheckResult[] = [
    ruleCheck(o.region, names.rule, o.rule),
    targetCheck({
      region: o.region,
      accountId: input.accountId,
      ruleName: names.rule,
      apiDestinationName: names.apiDestination,
      targets: o.targets,
      primaryDestination: input.destinationIn,
    }),
  ];
  if (role === 'primary') {
    checks.push(destinationCheck(o.region, names.apiDestination, o.apiDestination, input.expectedEndpoint));
    const destinationConnection = o.apiDestination.outcome === 'found' ? o.apiDestination.value.connectionArn : undefined;
    checks.push(connectionCheck(o.region, names.connection, o.connection, destinationConnection));
  }
  checks.push(
    deliveryCheck({
      region: o.region,
      ...input.delivery,
      currentTemplateVersion: input.currentTemplateVersion,
      eventBridgeHealthy: checks.every((c) => c.status === 'pass'),
    }),
  );
  return {
    region: o.region,
    role,
    status: worstStatus(checks.map((c) => c.status)),
    checks,
    lastEventAt: input.delivery.lastEventAt ?? null,
    templateVersion: input.delivery.templateVersion ?? null,
    drift: input.delivery.drift ?? null,
    eventsPerDay: input.delivery.events?.eventsPerDay ?? [],
    droppedByReason: input.delivery.events?.droppedByReason ?? {},
  };
}
