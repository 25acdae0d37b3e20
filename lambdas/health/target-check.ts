import { consolePaths } from './console-paths';
import { type CheckResult, NOTHING_TO_DO } from './health-model';
import type { Observation, ObservedApiDestination, ObservedTarget } from './eventbridge-observations';
import { unknownCheck } from './unknown-check';

/** arn:aws:events:<region>:<account>:api-destination/<name>/<uuid> */
const API_DESTINATION_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):api-destination\/([.\-_A-Za-z0-9]+)(?:\/|$)/;
/** arn:aws:events:<region>:<account>:event-bus/default */
const EVENT_BUS_ARN = /^arn:aws[a-z-]*:events:([a-z0-9-]+):(\d{12}):event-bus\/([.\-_/A-Za-z0-9]+)$/;

export type TargetKind =
  | { readonly kind: 'api-destination'; readonly region: string; readonly name: string }
  | { readonly kind: 'event-bus'; readonly region: string; readonly bus: string }
  | { readonly kind: 'other' };

export function classifyTarget(arn: string): TargetKind {
  const dest = API_DESTINATION_ARN.exec(arn);
  if (dest) return { kind: 'api-destination', region: dest[1], name: dest[3] };
  const bus = EVENT_BUS_ARN.exec(arn);
  if (bus) return { kind: 'event-bus', region: bus[1], bus: bus[3] };
  return { kind: 'other' };
}

export interface TargetCheckInput {
  readonly region: string;
  readonly accountId: string;
  readonly ruleName: string;
  readonly apiDestinationName: string;
  readonly targets: Observation<readonly ObservedTarget[]>;
  /**
   * The API destination as read in the region a forwarder points at (a forwarder's primary). Undefined when that
   * region was not read.
   */
  readonly primaryDestination?: (region: string) => Observation<ObservedApiDestination> | undefined;
}

/**
 * In the primary region the rule's target is the API destination; in a forwarding region it is the primary region's
 * default event bus. A forwarder whose bus has no API destination means the PrimaryRegion stack is missing (the
 * template's PrimaryRegion names a region where it was never deployed).
 */
export function targetCheck(input: TargetCheckInput): CheckResult {
  const { region, ruleName, targets } = input;
  const where = consolePaths.rule(region, ruleName);
  if (targets.outcome === 'unknown') return unknownCheck('target', 'events:ListTargetsByRule', `rule ${ruleName} in ${region}`, targets.reason);
  if (targets.outcome === 'missing') {
    return { check: 'target', status: 'fail', observed: `No rule ${ruleName} in ${region}, so no target.`, remedy: `See the rule check. (${where})` };
  }
  const ours = targets.value.map((t) => ({ target: t, kind: classifyTarget(t.arn) }));
  const destination = ours.find((t) => t.kind.kind === 'api-destination');
  const bus = ours.find((t) => t.kind.kind === 'event-bus');
  if (destination && destination.kind.kind === 'api-destination') {
    if (destination.kind.name !== input.apiDestinationName || destination.kind.region !== region) {
      return {
        check: 'target',
        status: 'fail',
        observed: `${ruleName} sends to ${destination.target.arn}, not to the API destination ${input.apiDestinationName} of ${region}.`,
        remedy: `Update the AQtive Guard stack in ${region} so that the rule targets ${input.apiDestinationName}. (${where})`,
      };
    }
    return { check: 'target', status: 'pass', observed: `${ruleName} sends to the API destination ${input.apiDestinationName}.`, remedy: NOTHING_TO_DO };
  }
  if (bus && bus.kind.kind === 'event-bus') {
    const primary = bus.kind.region;
    if (primary === region || bus.kind.bus !== 'default') {
      return {
        check: 'target',
        status: 'fail',
        observed: `${ruleName} forwards to ${bus.target.arn}, which is not another region's default event bus: events never leave ${region}.`,
        remedy: `Set the stack parameter PrimaryRegion to the region that holds the API destination and update the stack. (${where})`,
      };
    }
    const found = input.primaryDestination?.(primary);
    if (found?.outcome === 'missing') {
      return {
        check: 'target',
        status: 'fail',
        observed: `${ruleName} forwards to ${primary}, but ${primary} has no API destination ${input.apiDestinationName}: the PrimaryRegion stack is missing.`,
        remedy:
          `Deploy the template in ${primary} with PrimaryRegion empty (or ${primary}) — for StackSets, add ${primary} to the stack ` +
          `instances — or set PrimaryRegion in ${region} to the region that has it. ${consolePaths.stacks(primary)}.`,
      };
    }
    if (found?.outcome === 'unknown') {
      return unknownCheck('target', 'events:DescribeApiDestination', `${input.apiDestinationName} in ${primary} (this region's primary)`, found.reason);
    }
    return { check: 'target', status: 'pass', observed: `${ruleName} forwards to the default event bus of ${primary}.`, remedy: NOTHING_TO_DO };
  }
  return {
    check: 'target',
    status: 'fail',
    observed:
      targets.value.length === 0
        ? `${ruleName} has no target: matched events are dropped.`
        : `${ruleName} targets ${targets.value.map((t) => t.arn).join(', ')}, none of them AQtive Guard's API destination or a primary region's event bus.`,
    remedy: `Update the AQtive Guard stack in ${region} (it restores the target). (${where})`,
  };
}
