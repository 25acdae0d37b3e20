import { CloudFormationClient, DescribeStackSetCommand, DescribeStacksCommand, paginateDescribeStacks, paginateListStackInstances } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { errorCode, errorMessage } from '../../lambdas/discovery/aws-error';
import type { ObservedStack, ObservedTrail } from './doctor-checks';

const reason = (err: unknown) => `${errorCode(err)}: ${errorMessage(err)}`;

/** Trails that apply to the region (its own and multi-region ones: includeShadowTrails) with their logging status. */
export async function observeTrails(client: CloudTrailClient): Promise<ObservedTrail[] | { unknown: string }> {
  try {
    const { trailList = [] } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    return Promise.all(
      trailList.map(async (t) => {
        let isLogging: boolean | undefined;
        try {
          // A shadow trail's status is read by its ARN (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html).
          isLogging = (await client.send(new GetTrailStatusCommand({ Name: t.TrailARN ?? t.Name }))).IsLogging;
        } catch {
          isLogging = undefined;
        }
        return { name: t.Name ?? '(unnamed)', homeRegion: t.HomeRegion, isMultiRegionTrail: t.IsMultiRegionTrail, isLogging };
      }),
    );
  } catch (err) {
    return { unknown: reason(err) };
  }
}

/** The region's AQtive Guard stack: the one whose description names the template (lib/customer-template-stack.ts). */
export async function observeStack(client: CloudFormationClient, stackName?: string): Promise<ObservedStack | undefined | { unknown: string }> {
  try {
    if (stackName) {
      const { Stacks = [] } = await client.send(new DescribeStacksCommand({ StackName: stackName })).catch((err: unknown) => {
        if (errorCode(err) === 'ValidationError') return { Stacks: [] };
        throw err;
      });
      return Stacks[0] && toObserved(Stacks[0]);
    }
    for await (const page of paginateDescribeStacks({ client }, {})) {
      const ours = (page.Stacks ?? []).find((s) => s.StackStatus !== 'DELETE_COMPLETE' && s.Description?.startsWith('AQtive Guard AWS integration'));
      if (ours) return toObserved(ours);
    }
    return undefined;
  } catch (err) {
    return { unknown: reason(err) };
  }
}

function toObserved(s: { StackName?: string; StackStatus?: string; StackStatusReason?: string; Outputs?: Array<{ OutputKey?: string; OutputValue?: string }> }): ObservedStack {
  return {
    kind: 'stack',
    name: s.StackName ?? '(unnamed)',
    status: s.StackStatus ?? 'UNKNOWN',
    ...(s.StackStatusReason && { statusReason: s.StackStatusReason }),
    ...(s.Outputs?.find((o) => o.OutputKey === 'TemplateVersion')?.OutputValue && { templateVersion: s.Outputs.find((o) => o.OutputKey === 'TemplateVersion')!.OutputValue }),
  };
}

/** A StackSet's instances by region, and its PrimaryRegion parameter (shared by every instance). */
export async function observeStackSet(
  client: CloudFormationClient,
  stackSetName: string,
): Promise<{ primaryRegion?: string; instances: Map<string, ObservedStack> } | { unknown: string }> {
  try {
    const { StackSet } = await client.send(new DescribeStackSetCommand({ StackSetName: stackSetName }));
    const primaryRegion = StackSet?.Parameters?.find((p) => p.ParameterKey === 'PrimaryRegion')?.ParameterValue || undefined;
    const instances = new Map<string, ObservedStack>();
    for await (const page of paginateListStackInstances({ client }, { StackSetName: stackSetName })) {
      for (const i of page.Summaries ?? []) {
        if (!i.Region) continue;
        instances.set(i.Region, {
          kind: 'stack-set-instance',
          name: `${stackSetName} (${i.Account ?? '?'} ${i.Region})`,
          status: i.Status ?? 'UNKNOWN',
          ...(i.StackInstanceStatus?.DetailedStatus && { detailedStatus: i.StackInstanceStatus.DetailedStatus }),
          ...(i.StatusReason && { statusReason: i.StatusReason }),
        });
      }
    }
    return { primaryRegion, instances };
  } catch (err) {
    return { unknown: reason(err) };
  }
}

