/**
 * CloudTrail (AWS JSON 1.1, `X-Amz-Target: CloudTrail_20131101.<Operation>` as @aws-sdk/client-cloudtrail sends it): the two
 * reads the doctor makes (cli/doctor/customer-observations.ts), over the account's trails (sandbox/pipeline/account-trails.ts).
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DescribeTrails.html, API_GetTrailStatus.html
 */
import { z } from 'zod';
import { AwsServiceError } from '../protocol/aws-service-error';
import type { SandboxTrail, SandboxTrails } from '../pipeline/account-trails';
import { compact, epochSeconds, parseInput, type ServiceOperations } from './service-context';

export function cloudTrailOperations(trails: SandboxTrails): ServiceOperations {
  const describe = (t: SandboxTrail) => ({
    Name: t.name,
    S3BucketName: `aws-cloudtrail-logs-${trails.accountId}-${t.name}`,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    HomeRegion: t.homeRegion,
    TrailARN: trails.arnOf(t),
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  });
  return {
    DescribeTrails(input, ctx) {
      const { trailNameList, includeShadowTrails = true } = parseInput(z.object({ trailNameList: z.array(z.string()).optional(), includeShadowTrails: z.boolean().optional() }), input);
      // A region sees its own trails and, as shadow trails, the multi-region trails of other regions.
      const visible = trails.all().filter((t) => t.homeRegion === ctx.region || (includeShadowTrails && t.isMultiRegionTrail));
      const named = trailNameList && trailNameList.length > 0 ? visible.filter((t) => trailNameList.includes(t.name) || trailNameList.includes(trails.arnOf(t))) : visible;
      return { trailList: named.map(describe) };
    },
    GetTrailStatus(input, ctx) {
      const { Name: name } = parseInput(z.object({ Name: z.string().min(1) }), input);
      // By name only in its home region; a shadow trail's status is read by its ARN.
      const trail = trails.all().find((t) => trails.arnOf(t) === name || (t.name === name && t.homeRegion === ctx.region));
      if (!trail) throw new AwsServiceError('TrailNotFoundException', `Unknown trail: ${name} for the user: ${ctx.accountId}`);
      return compact({
        IsLogging: trail.isLogging,
        StartLoggingTime: epochSeconds(trail.startedAt?.toISOString()),
        StopLoggingTime: epochSeconds(trail.stoppedAt?.toISOString()),
        TimeLoggingStarted: trail.startedAt?.toISOString(),
        TimeLoggingStopped: trail.stoppedAt?.toISOString(),
      });
    },
  };
}
