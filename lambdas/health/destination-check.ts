import { consolePaths } from './console-paths';
import { type CheckResult, NOTHING_TO_DO } from './health-model';
import type { Observation, ObservedApiDestination } from './eventbridge-observations';
import { unknownCheck } from './unknown-check';

/**
 * The primary region's API destination: ApiDestinationState ACTIVE (ACTIVE | INACTIVE,
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeApiDestination.html), its
 * InvocationEndpoint this deployment's events endpoint (a stale one after a platform move delivers nowhere).
 */
export function destinationCheck(
  region: string,
  name: string,
  destination: Observation<ObservedApiDestination>,
  expectedEndpoint: string | undefined,
): CheckResult {
  const where = consolePaths.apiDestination(region, name);
  if (destination.outcome === 'unknown') return unknownCheck('destination', 'events:DescribeApiDestination', `${name} in ${region}`, destination.reason);
  if (destination.outcome === 'missing') {
    return {
      check: 'destination',
      status: 'fail',
      observed: `The API destination ${name} does not exist in ${region}: the rule has nowhere to deliver.`,
      remedy: `Update the AQtive Guard stack in ${region} (CloudFormation recreates ${name}) — ${consolePaths.stacks(region)}.`,
    };
  }
  const d = destination.value;
  if (d.state !== 'ACTIVE') {
    return {
      check: 'destination',
      status: 'fail',
      observed: `${name} is ${d.state ?? 'in no state'}, not ACTIVE.`,
      remedy: `Check its connection (next check), then update the stack in ${region} or edit the destination: ${where}.`,
    };
  }
  if (expectedEndpoint !== undefined && d.invocationEndpoint !== expectedEndpoint) {
    return {
      check: 'destination',
      status: 'fail',
      observed: `${name} delivers to ${d.invocationEndpoint ?? '(no endpoint)'}, not to this AQtive Guard deployment's ${expectedEndpoint}.`,
      remedy:
        `Download cloudformation-template.json again from AQtive Guard (it carries the current endpoint) and update the stack in ${region}; ` +
        `or edit the destination's endpoint: ${where}.`,
    };
  }
  return {
    check: 'destination',
    status: 'pass',
    observed: `${name} is ACTIVE and delivers to ${d.invocationEndpoint ?? '(endpoint not shown)'}.`,
    remedy: NOTHING_TO_DO,
  };
}
