import { Aws, CfnCondition, CfnRule, Fn, ICfnConditionExpression, Stack } from 'aws-cdk-lib';
import { API_DESTINATION_REGION_NAMES } from '../../lambdas/shared/regions';
import { CustomerTemplateParameters, FORWARD_USAGE_ENABLED } from './parameters';

/** CloudFormation's Fn::Or / Fn::And take 2–10 conditions. */
const MAX_CONDITIONS_PER_OR = 10;

export interface CustomerTemplateConditions {
  /** This stack's region has EventBridge API destinations. */
  readonly regionSupportsApiDestinations: CfnCondition;
  /** PrimaryRegion is empty or names this region: the role, connection, API destination live here. */
  readonly isPrimaryRegion: CfnCondition;
  /** Any other region: its rule forwards to the primary region's default event bus. */
  readonly isForwardingRegion: CfnCondition;
  readonly forwardUsageEvents: CfnCondition;
}

/** Fn::Or over any number of expressions, nested so that no Fn::Or has more than 10 operands. */
export function orOfMany(expressions: ICfnConditionExpression[]): ICfnConditionExpression {
  if (expressions.length === 1) return expressions[0];
  if (expressions.length <= MAX_CONDITIONS_PER_OR) return Fn.conditionOr(...expressions);
  const groups: ICfnConditionExpression[] = [];
  for (let i = 0; i < expressions.length; i += MAX_CONDITIONS_PER_OR) {
    groups.push(orOfMany(expressions.slice(i, i + MAX_CONDITIONS_PER_OR)));
  }
  return orOfMany(groups);
}

export function declareCustomerTemplateConditions(
  stack: Stack,
  params: CustomerTemplateParameters,
): CustomerTemplateConditions {
  const primaryRegion = params.primaryRegion.valueAsString;
  const regionSupportsApiDestinations = new CfnCondition(stack, 'RegionSupportsApiDestinations', {
    expression: orOfMany(API_DESTINATION_REGION_NAMES.map((r) => Fn.conditionEquals(Aws.REGION, r))),
  });
  const primaryRegionIsThisRegion = new CfnCondition(stack, 'PrimaryRegionIsThisRegion', {
    expression: Fn.conditionOr(Fn.conditionEquals(primaryRegion, ''), Fn.conditionEquals(primaryRegion, Aws.REGION)),
  });
  // The Rules section below already fails the deploy when an unsupported region would be primary; requiring
  // support here too means such a stack can never create primary-region resources.
  const isPrimaryRegion = new CfnCondition(stack, 'IsPrimaryRegion', {
    expression: Fn.conditionAnd(primaryRegionIsThisRegion, regionSupportsApiDestinations),
  });
  const isForwardingRegion = new CfnCondition(stack, 'IsForwardingRegion', {
    expression: Fn.conditionNot(primaryRegionIsThisRegion),
  });
  const forwardUsageEvents = new CfnCondition(stack, 'ForwardUsageEventsEnabled', {
    expression: Fn.conditionEquals(params.forwardUsageEvents.valueAsString, FORWARD_USAGE_ENABLED),
  });

  declareRules(stack, params);
  return { regionSupportsApiDestinations, isPrimaryRegion, isForwardingRegion, forwardUsageEvents };
}

/**
 * CloudFormation Rules fail the deploy before any resource is touched
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html).
 */
function declareRules(stack: Stack, params: CustomerTemplateParameters): void {
  const primaryRegion = params.primaryRegion.valueAsString;
  new CfnRule(stack, 'PrimaryRegionNeedsApiDestinations', {
    ruleCondition: Fn.conditionEquals(primaryRegion, ''),
    assertions: [
      {
        assert: Fn.conditionContains([...API_DESTINATION_REGION_NAMES], Aws.REGION),
        assertDescription:
          'EventBridge API destinations are not available in this region, so it cannot be the primary region. ' +
          'Set PrimaryRegion to a region where they are available (the one your other stacks use).',
      },
    ],
  });
}
