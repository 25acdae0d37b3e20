/**
 * CloudFormation over the AWS query protocol (form-encoded `Action=…&Version=2010-05-15`, XML answers, as
 * @aws-sdk/client-cloudformation sends and reads them): the reads the doctor makes of the template's deployment
 * (sandbox/pipeline/template-stacks.ts). https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html,
 * API_DescribeStackSet.html, API_ListStackInstances.html
 */
import { AwsServiceError } from '../protocol/aws-service-error';
import type { XmlValue } from '../protocol/query-protocol';
import { templateDescription, type SandboxTemplateStacks } from '../pipeline/template-stacks';

export const CLOUDFORMATION_XML_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

export interface QueryServiceContext {
  readonly region: string;
  readonly accountId: string;
}

export type QueryOperation = (params: Readonly<Record<string, string>>, ctx: QueryServiceContext) => XmlValue;

/** Pages of ListStackInstances (the API's maximum is 100). */
const PAGE = 100;

export function cloudFormationOperations(deployment: SandboxTemplateStacks): Readonly<Record<string, QueryOperation>> {
  return {
    DescribeStacks(params, ctx) {
      const name = params.StackName;
      const stack = deployment.stacks.get(ctx.region);
      const matches = stack && (name === undefined || name === stack.name || name === deployment.stackArn(stack)) ? [stack] : [];
      if (name !== undefined && matches.length === 0) throw new AwsServiceError('ValidationError', `Stack with id ${name} does not exist`);
      return {
        Stacks: matches.map((s) => ({
          StackId: deployment.stackArn(s),
          StackName: s.name,
          Description: templateDescription(s.templateVersion),
          CreationTime: s.createdAt.toISOString(),
          StackStatus: s.status,
          StackStatusReason: s.statusReason,
          Outputs: [{ OutputKey: 'TemplateVersion', OutputValue: s.templateVersion, Description: 'The AQtive Guard template version of this stack' }],
        })),
      };
    },
    DescribeStackSet(params) {
      const set = params.StackSetName === undefined ? undefined : deployment.stackSets.get(params.StackSetName);
      if (!set) throw new AwsServiceError('StackSetNotFoundException', `StackSet ${params.StackSetName ?? ''} not found`, 404);
      return {
        StackSet: {
          StackSetName: set.name,
          StackSetId: set.stackSetId,
          Status: 'ACTIVE',
          PermissionModel: 'SELF_MANAGED',
          Parameters: [{ ParameterKey: 'PrimaryRegion', ParameterValue: set.primaryRegion }],
        },
      };
    },
    ListStackInstances(params, ctx) {
      const set = params.StackSetName === undefined ? undefined : deployment.stackSets.get(params.StackSetName);
      if (!set) throw new AwsServiceError('StackSetNotFoundException', `StackSet ${params.StackSetName ?? ''} not found`, 404);
      const max = Math.min(PAGE, Number(params.MaxResults ?? PAGE) || PAGE);
      const start = Number(params.NextToken ?? 0) || 0;
      const all = [...set.instances.values()];
      const page = all.slice(start, start + max);
      return {
        Summaries: page.map((i) => ({
          StackSetId: set.stackSetId,
          Region: i.region,
          Account: ctx.accountId,
          Status: i.status,
          StatusReason: i.statusReason,
          StackInstanceStatus: { DetailedStatus: i.detailedStatus },
        })),
        NextToken: start + max < all.length ? String(start + max) : undefined,
      };
    },
  };
}
