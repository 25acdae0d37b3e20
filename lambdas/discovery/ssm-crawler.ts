import { DescribeParametersCommand, ListTagsForResourceCommand, type ParameterMetadata } from '@aws-sdk/client-ssm';
import { classifyKmsProtected, classifyUnencrypted } from '../crypto/kms-protected-crypto';
import type { CoverageGap, DiscoveredAsset, ParameterDetails } from '../inventory/asset';
import { errorCode, isAccessDeniedError } from './aws-error';
import { emptyAliasIndex, resolveKeyReferences } from '../inventory/key-references';
import { walkPages, type PagePosition } from './page-walker';
import { compact, coverageGap, iso, type ServiceCrawlContext } from './service-crawl-context';
import { userTags } from './user-tags';

const DESCRIBE_PARAMETERS_MAX_RESULTS = 50;

/** The AWS managed key of a SecureString that names none. */
export const SSM_DEFAULT_KEY = 'alias/aws/ssm';

/**
 * SSM Parameter Store: DescribeParameters (never returns values; pages may be EMPTY with a NextToken — "the number
 * of items returned can be between zero and MaxResults" — so keep paging until there is no token) and
 * ListTagsForResource per parameter, which takes the parameter NAME.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html
 * Never GetParameter(s).
 */
export async function crawlSsm(ctx: ServiceCrawlContext, start: PagePosition): Promise<PagePosition | undefined> {
  return walkPages<ParameterMetadata>({
    start,
    concurrency: ctx.concurrency,
    shouldYield: ctx.shouldYield,
    fetchPage: async (token) => {
      const out = await ctx.call.send(
        'ssm:DescribeParameters',
        new DescribeParametersCommand({ MaxResults: DESCRIBE_PARAMETERS_MAX_RESULTS, NextToken: token }),
        (c) => ctx.clients.ssm.send(c),
      );
      return { items: out.Parameters ?? [], ...(out.NextToken ? { next: out.NextToken } : {}) };
    },
    handle: async (parameter) => {
      const asset = await parameterAsset(ctx, parameter);
      if (asset) await ctx.emit(asset);
    },
  });
}

/** Parameter ARN: `parameter/` + the name without its leading slash. */
export function parameterArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}

/** What reading one parameter needs (the crawl's context without its listing parts). */
type ReadContext = Pick<ServiceCrawlContext, 'accountId' | 'region' | 'partition' | 'clients' | 'call'>;

/**
 * One parameter by name as the crawl reports it: DescribeParameters filtered on `Name Equals` (paged while there is
 * a NextToken: SSM may answer empty pages first) + ListTagsForResource. Undefined when no such parameter exists.
 * `names` are the candidate spellings of one parameter (a parameter ARN does not say whether a one-level name had
 * a leading slash); the first candidate found wins.
 */
export async function describeParameterByName(ctx: ReadContext, names: readonly string[]): Promise<DiscoveredAsset | undefined> {
  const found: ParameterMetadata[] = [];
  let token: string | undefined;
  do {
    const out = await ctx.call.send(
      'ssm:DescribeParameters',
      new DescribeParametersCommand({
        ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [...names] }],
        MaxResults: DESCRIBE_PARAMETERS_MAX_RESULTS,
        NextToken: token,
      }),
      (c) => ctx.clients.ssm.send(c),
    );
    found.push(...(out.Parameters ?? []));
    token = out.NextToken;
  } while (token);
  const parameter = names.map((n) => found.find((p) => p.Name === n)).find((p) => p !== undefined);
  return parameter ? parameterAsset(ctx, parameter) : undefined;
}

async function parameterAsset(ctx: ReadContext, p: ParameterMetadata): Promise<DiscoveredAsset | undefined> {
  const name = p.Name!;
  const gaps: CoverageGap[] = [];
  let tags: Record<string, string> = {};
  try {
    const out = await ctx.call.send(
      'ssm:ListTagsForResource',
      new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name }),
      (c) => ctx.clients.ssm.send(c),
    );
    tags = userTags(out.TagList);
  } catch (err) {
    // Deleted between listing and tagging.
    if (errorCode(err) === 'InvalidResourceId') return undefined;
    if (!isAccessDeniedError(err)) throw err;
    gaps.push(coverageGap('ssm:ListTagsForResource', err));
  }
  const secure = p.Type === 'SecureString';
  const asset: DiscoveredAsset = {
    type: 'parameter',
    accountId: ctx.accountId,
    region: ctx.region,
    arn: p.ARN ?? parameterArn(ctx.partition, ctx.region, ctx.accountId, name),
    name,
    secure,
    tags,
    crypto: secure ? classifyKmsProtected(ctx.region) : classifyUnencrypted(),
    lifecycle: compact({ state: 'Active', lastModifiedAt: iso(p.LastModifiedDate) }),
    relations: compact({ inUseBy: [], kmsKeyRef: secure ? (p.KeyId ?? SSM_DEFAULT_KEY) : undefined }),
    details: compact<ParameterDetails>({
      kind: 'parameter',
      parameterType: p.Type ?? 'String',
      tier: p.Tier,
      dataType: p.DataType,
      version: p.Version,
      description: p.Description,
      lastModifiedUser: p.LastModifiedUser,
    }),
    ...(gaps.length > 0 ? { coverageGaps: gaps } : {}),
  };
  return resolveKeyReferences(asset, emptyAliasIndex({ partition: ctx.partition, region: ctx.region, accountId: ctx.accountId }));
}
