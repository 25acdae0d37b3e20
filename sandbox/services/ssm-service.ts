/**
 * SSM Parameter Store metadata APIs (AWS JSON 1.1, target prefix `AmazonSSM`). Values are never held or served.
 * Behaviours: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html:
 * "The number of items returned … can be between zero and the value of
 * MaxResults", so the sandbox answers the first continuation of a listing with an empty page and a NextToken.
 */
import { z } from 'zod';
import type { ParameterRecord } from '../estate/estate';
import { AwsServiceError } from '../protocol/aws-service-error';
import { decodeToken, encodeToken, page } from './pagination';
import type { ServiceContext, ServiceOperations } from './service-context';
import { compact, epochSeconds, parseInput } from './service-context';

/** The sandbox's page size when MaxResults is omitted (AWS documents none; ask for 50 to page efficiently). */
export const SSM_DEFAULT_PAGE_SIZE = 10;

const FILTER_FIELDS: Readonly<Record<string, (p: ParameterRecord) => string | undefined>> = {
  Name: (p) => p.name,
  Type: (p) => p.type,
  KeyId: (p) => p.keyId,
  Tier: (p) => p.tier,
  DataType: (p) => p.dataType,
};

const DescribeInput = z.object({
  MaxResults: z.number().int().min(1).max(50).optional(),
  NextToken: z.string().min(1).optional(),
  ParameterFilters: z.array(z.object({ Key: z.string(), Option: z.enum(['Equals', 'BeginsWith']).optional(), Values: z.array(z.string()).min(1) })).optional(),
  Filters: z.array(z.unknown()).optional(),
  Shared: z.boolean().optional(),
});
const TagsInput = z.object({ ResourceType: z.string(), ResourceId: z.string().min(1) });

function applyFilters(parameters: readonly ParameterRecord[], filters: z.infer<typeof DescribeInput>['ParameterFilters']): readonly ParameterRecord[] {
  let out = parameters;
  for (const f of filters ?? []) {
    const field = FILTER_FIELDS[f.Key];
    if (!field) throw new AwsServiceError('InvalidFilterKey', `The sandbox does not implement the ParameterFilters key ${f.Key}`);
    out = out.filter((p) => {
      const value = field(p);
      return value !== undefined && f.Values.some((v) => (f.Option === 'BeginsWith' ? value.startsWith(v) : value === v));
    });
  }
  return out;
}

export function ssmOperations(options: { readonly emptyPages: boolean }): ServiceOperations {
  return {
    DescribeParameters(input, ctx) {
      const req = parseInput(DescribeInput, input);
      if (req.Filters !== undefined) throw new AwsServiceError('ValidationException', 'The sandbox does not implement the deprecated Filters parameter; use ParameterFilters');
      // Nothing is shared with the sandbox account through AWS RAM.
      const parameters = req.Shared ? [] : applyFilters(ctx.estate.ssm.parameters, req.ParameterFilters);
      const scope = `ssm:DescribeParameters:${JSON.stringify([req.ParameterFilters, req.Shared])}`;
      const token = decodeToken(req.NextToken, scope, () => new AwsServiceError('InvalidNextToken', "The specified token isn't valid."));
      if (token?.e) return { Parameters: [], NextToken: encodeToken(token.o, scope) };
      const p = page(parameters, token?.o ?? 0, req.MaxResults ?? SSM_DEFAULT_PAGE_SIZE);
      const emptyNext = options.emptyPages && token === undefined;
      return compact({
        Parameters: p.items.map((param) =>
          compact({
            Name: param.name,
            ARN: param.arn,
            Type: param.type,
            KeyId: param.keyId,
            LastModifiedDate: epochSeconds(param.lastModifiedDate),
            LastModifiedUser: param.lastModifiedUser,
            Description: param.description,
            Version: param.version,
            Tier: param.tier,
            Policies: [],
            DataType: param.dataType,
          }),
        ),
        NextToken: p.next === undefined ? undefined : encodeToken(p.next, scope, emptyNext),
      });
    },

    ListTagsForResource(input, ctx: ServiceContext) {
      const { ResourceType, ResourceId } = parseInput(TagsInput, input);
      if (ResourceType !== 'Parameter') {
        throw new AwsServiceError('InvalidResourceType', `The sandbox serves tags of parameters only, not ${ResourceType}`);
      }
      // ResourceId is the parameter *name* (not its ARN).
      const parameter = ctx.estate.ssm.parameters.find((p) => p.name === ResourceId);
      if (!parameter) throw new AwsServiceError('InvalidResourceId', 'The resource ID is not valid. Verify that you entered the correct ID and try again.');
      return { TagList: parameter.tags.map((t) => ({ Key: t.key, Value: t.value })) };
    },
  };
}
