import { consolePaths } from './console-paths';
import { type CheckResult, NOTHING_TO_DO } from './health-model';
import type { Observation, ObservedRule } from './eventbridge-observations';
import { unknownCheck } from './unknown-check';

/**
 * The rule must exist in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. ENABLED alone still matches mutating
 * management events but not read-only ones (Decrypt, GetSecretValue: the usage edges), so it is degraded
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html). That state can
 * be set only through the CLI or CloudFormation, not the console, so the remedy is to update the stack.
 */
export function ruleCheck(region: string, ruleName: string, rule: Observation<ObservedRule>): CheckResult {
  const where = consolePaths.rule(region, ruleName);
  const restore =
    `Update the AQtive Guard stack (or StackSet instance) in ${region}: CloudFormation restores the state ` +
    `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, which the console cannot set. Or run: aws events put-rule --region ${region} ` +
    `--name ${ruleName} --event-pattern "$(aws events describe-rule --region ${region} --name ${ruleName} --query EventPattern --output text)" ` +
    '--state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  if (rule.outcome === 'unknown') return unknownCheck('rule', 'events:DescribeRule', `rule ${ruleName} in ${region}`, rule.reason);
  if (rule.outcome === 'missing') {
    return {
      check: 'rule',
      status: 'fail',
      observed: `No rule named ${ruleName} on the default event bus in ${region}: events from this region are not sent.`,
      remedy: `Deploy the AQtive Guard template in ${region} (a stack, or add ${region} to the StackSet) — ${consolePaths.stacks(region)}.`,
    };
  }
  const state = rule.value.state ?? '(none)';
  switch (state) {
    case 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS':
      return { check: 'rule', status: 'pass', observed: `${ruleName} is ${state}.`, remedy: NOTHING_TO_DO };
    case 'ENABLED':
      return {
        check: 'rule',
        status: 'warn',
        observed:
          `${ruleName} is ENABLED, not ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS: changes still arrive, but read-only events ` +
          '(Decrypt, GetSecretValue…) do not, so AQtive Guard cannot show who uses each key and secret.',
        remedy: `${restore}. (${where})`,
      };
    case 'DISABLED':
      return {
        check: 'rule',
        status: 'fail',
        observed: `${ruleName} is DISABLED: no event from ${region} reaches AQtive Guard.`,
        remedy: `${restore}. Enabling it in the console (${where}) only gives ENABLED, which misses read-only events.`,
      };
    default:
      return {
        check: 'rule',
        status: 'fail',
        observed: `${ruleName} is in state ${state}, which does not deliver CloudTrail management events.`,
        remedy: `${restore}. (${where})`,
      };
  }
}
