import { consolePaths } from '../../lambdas/health/console-paths';
import { compareVersions } from '../../lambdas/health/delivery-check';
import { type CheckStatus, NOTHING_TO_DO } from '../../lambdas/health/health-model';

/** What only the customer can see: the trail feeding EventBridge, and the stacks that deploy the template. */
export interface DoctorCheckResult {
  readonly check: 'trail' | 'stack';
  readonly status: CheckStatus;
  readonly observed: string;
  readonly remedy: string;
}

/** A trail as DescribeTrails (includeShadowTrails) and GetTrailStatus show it in one region. */
export interface ObservedTrail {
  readonly name: string;
  readonly homeRegion?: string;
  readonly isMultiRegionTrail?: boolean;
  /** GetTrailStatus IsLogging; undefined when the status could not be read. */
  readonly isLogging?: boolean;
}

/**
 * EventBridge receives CloudTrail management events only while a trail is logging
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html): some trail that applies
 * to the region (its home region, or a multi-region trail) must be logging.
 */
export function trailCheck(region: string, trails: readonly ObservedTrail[] | { readonly unknown: string }): DoctorCheckResult {
  if ('unknown' in trails) {
    return { check: 'trail', status: 'unknown', observed: `Could not read trails: ${trails.unknown}`, remedy: 'Allow cloudtrail:DescribeTrails and cloudtrail:GetTrailStatus for these credentials.' };
  }
  const covering = trails.filter((t) => t.homeRegion === region || t.isMultiRegionTrail);
  const logging = covering.filter((t) => t.isLogging === true);
  if (logging.length > 0) return { check: 'trail', status: 'pass', observed: `Trail ${logging.map((t) => t.name).join(', ')} is logging.`, remedy: NOTHING_TO_DO };
  if (covering.some((t) => t.isLogging === undefined)) {
    return { check: 'trail', status: 'unknown', observed: `Trail ${covering.map((t) => t.name).join(', ')}: logging status not readable.`, remedy: 'Allow cloudtrail:GetTrailStatus for these credentials.' };
  }
  return {
    check: 'trail',
    status: 'fail',
    observed: covering.length === 0 ? `No CloudTrail trail covers ${region}: EventBridge receives no management events there.` : `Trail ${covering.map((t) => t.name).join(', ')} covers ${region} but is not logging.`,
    remedy: `Create a multi-region trail, or start logging on the existing one — ${consolePaths.trails(region)}.`,
  };
}

/** One region's stack, or StackSet instance, of the AQtive Guard template. */
export interface ObservedStack {
  readonly kind: 'stack' | 'stack-set-instance';
  readonly name: string;
  /** Stack: StackStatus (CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE…); instance: Status (CURRENT | OUTDATED | INOPERABLE) / DetailedStatus. */
  readonly status: string;
  readonly detailedStatus?: string;
  readonly statusReason?: string;
  /** The stack's TemplateVersion output. */
  readonly templateVersion?: string;
}

const STACK_OK = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);

/**
 * The template must be deployed in the region and healthy: a stack in a *_COMPLETE state that is not a rollback, or a
 * StackSet instance CURRENT (OUTDATED: the instance has not received the StackSet's last update; INOPERABLE / FAILED:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackInstanceSummary.html).
 */
export function stackCheck(region: string, stack: ObservedStack | undefined | { readonly unknown: string }, currentVersion: string, primaryRegion?: string): DoctorCheckResult {
  const where = consolePaths.stacks(region);
  if (stack && 'unknown' in stack) return { check: 'stack', status: 'unknown', observed: `Could not read stacks: ${stack.unknown}`, remedy: 'Allow cloudformation:DescribeStacks (and, for StackSets, cloudformation:DescribeStackSet and ListStackInstances).' };
  if (!stack) {
    const primary = primaryRegion === region ? ` ${region} is the PrimaryRegion: without it no region delivers.` : '';
    return { check: 'stack', status: 'fail', observed: `No AQtive Guard stack or StackSet instance in ${region}.${primary}`, remedy: `Deploy the template in ${region} (or add it to the StackSet) — ${where}.` };
  }
  const reason = stack.statusReason ? ` (${stack.statusReason})` : '';
  if (stack.kind === 'stack-set-instance') {
    if (stack.status === 'OUTDATED') return { check: 'stack', status: 'warn', observed: `StackSet instance ${stack.name} is OUTDATED${reason}.`, remedy: `Update the StackSet's stack instances so ${region} gets its last version — ${where}.` };
    if (stack.status !== 'CURRENT' || stack.detailedStatus === 'FAILED') {
      return { check: 'stack', status: 'fail', observed: `StackSet instance ${stack.name} is ${stack.status}${stack.detailedStatus ? `/${stack.detailedStatus}` : ''}${reason}.`, remedy: `Read the instance's status reason, fix it and retry the operation — ${where}.` };
    }
  } else if (!STACK_OK.has(stack.status)) {
    return { check: 'stack', status: stack.status.endsWith('_IN_PROGRESS') ? 'warn' : 'fail', observed: `Stack ${stack.name} is ${stack.status}${reason}.`, remedy: `Open the stack's Events tab, fix the cause and update the stack — ${where}.` };
  }
  if (stack.templateVersion && compareVersions(stack.templateVersion, currentVersion) < 0) {
    return { check: 'stack', status: 'warn', observed: `${stack.name} runs template ${stack.templateVersion}; the current one is ${currentVersion}.`, remedy: `Download cloudformation-template.json again and update the stack / StackSet — ${where}.` };
  }
  return { check: 'stack', status: 'pass', observed: `${stack.name} is ${stack.status}${stack.templateVersion ? ` (template ${stack.templateVersion})` : ''}.`, remedy: NOTHING_TO_DO };
}
