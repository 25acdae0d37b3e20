import { DescribeSecretCommand, ListSecretsCommand, type DescribeSecretCommandOutput, type ReplicationStatusType, type SecretListEntry } from '@aws-sdk/client-secrets-manager';
import { classifyKmsProtected } from '../crypto/kms-protected-crypto';
import type { CoverageGap, DiscoveredAsset, RotationInfo, SecretDetails } from '../inventory/asset';
import { errorCode, isAccessDeniedError } from './aws-error';
import { emptyAliasIndex, resolveKeyReferences } from '../inventory/key-references';
import { walkPages, type PagePosition } from './page-walker';
import { compact, coverageGap, iso, type ServiceCrawlContext } from './service-crawl-context';
import { userTags } from './user-tags';

const LIST_SECRETS_MAX_RESULTS = 100;

/** The AWS managed key a secret uses when it names none ("If the secret is encrypted with aws/secretsmanager, this field is omitted"). */
export const SECRETS_MANAGER_DEFAULT_KEY = 'alias/aws/secretsmanager';

/** Secrets EventBridge creates for its connections (API destinations credentials). */
export const EVENTBRIDGE_CONNECTION_PREFIX = 'events!connection/';

/**
 * Secrets Manager: ListSecrets with IncludePlannedDeletion (secrets scheduled for deletion are left out unless
 * asked), and DescribeSecret only for the primary of a replicated secret — the one thing the list entry lacks is
 * `ReplicationStatus` (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html).
 * Never GetSecretValue.
 */
export async function crawlSecretsManager(ctx: ServiceCrawlContext, start: PagePosition): Promise<PagePosition | undefined> {
  return walkPages<SecretListEntry>({
    start,
    concurrency: ctx.concurrency,
    shouldYield: ctx.shouldYield,
    fetchPage: async (token) => {
      const out = await ctx.call.send(
        'secretsmanager:ListSecrets',
        new ListSecretsCommand({ IncludePlannedDeletion: true, MaxResults: LIST_SECRETS_MAX_RESULTS, NextToken: token }),
        (c) => ctx.clients.secretsManager.send(c),
      );
      return { items: out.SecretList ?? [], ...(out.NextToken ? { next: out.NextToken } : {}) };
    },
    handle: async (entry) => ctx.emit(await secretAsset(ctx, entry)),
  });
}

/** What reading one secret needs (the crawl's context without its listing parts). */
type ReadContext = Pick<ServiceCrawlContext, 'accountId' | 'region' | 'partition' | 'clients' | 'call'>;

async function secretAsset(ctx: ReadContext, entry: SecretListEntry): Promise<DiscoveredAsset> {
  const gaps: CoverageGap[] = [];
  const replicas = entry.PrimaryRegion === ctx.region ? await replicationStatus(ctx, entry.ARN!, gaps) : undefined;
  return secretAssetOf(ctx, entry, replicas, gaps);
}

/**
 * One secret by ARN as the crawl reports it: DescribeSecret carries every field of a ListSecrets entry (a secret
 * scheduled for deletion included) plus ReplicationStatus, so one call is enough. Undefined when Secrets Manager
 * no longer knows the secret (ResourceNotFoundException).
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html
 */
export async function describeSecretByArn(ctx: ReadContext, arn: string): Promise<DiscoveredAsset | undefined> {
  let out: DescribeSecretCommandOutput;
  try {
    out = await ctx.call.send('secretsmanager:DescribeSecret', new DescribeSecretCommand({ SecretId: arn }), (c) => ctx.clients.secretsManager.send(c));
  } catch (err) {
    if (errorCode(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
  const { ReplicationStatus, VersionIdsToStages: _versions, $metadata: _metadata, ...entry } = out;
  const replicas = entry.PrimaryRegion === ctx.region ? replicaEntries(ReplicationStatus) : undefined;
  return secretAssetOf(ctx, entry, replicas, []);
}

function secretAssetOf(ctx: ReadContext, entry: SecretListEntry, replicas: SecretDetails['replicas'], gaps: CoverageGap[]): DiscoveredAsset {
  const name = entry.Name ?? entry.ARN!;
  const asset: DiscoveredAsset = {
    type: 'secret',
    accountId: ctx.accountId,
    region: ctx.region,
    arn: entry.ARN!,
    name,
    secure: true,
    tags: userTags(entry.Tags),
    crypto: classifyKmsProtected(ctx.region),
    lifecycle: compact({
      // DeletedDate is present only when the secret is scheduled for deletion; it is the time deletion was
      // requested (the recovery window is not returned), recorded as the deletion date.
      state: entry.DeletedDate ? 'PendingDeletion' : 'Active',
      createdAt: iso(entry.CreatedDate),
      lastModifiedAt: iso(entry.LastChangedDate),
      deletionDate: iso(entry.DeletedDate),
      rotation: rotation(entry),
    }),
    relations: { inUseBy: [], kmsKeyRef: entry.KmsKeyId ?? SECRETS_MANAGER_DEFAULT_KEY },
    details: compact<SecretDetails>({
      kind: 'secret',
      description: entry.Description,
      owningService: entry.OwningService,
      primaryRegion: entry.PrimaryRegion,
      managedByEventBridge: name.startsWith(EVENTBRIDGE_CONNECTION_PREFIX),
      rotationLambdaArn: entry.RotationLambdaARN,
      rotationRules: entry.RotationRules
        ? compact({
            automaticallyAfterDays: entry.RotationRules.AutomaticallyAfterDays,
            scheduleExpression: entry.RotationRules.ScheduleExpression,
            duration: entry.RotationRules.Duration,
          })
        : undefined,
      lastAccessedAt: iso(entry.LastAccessedDate),
      replicas,
    }),
    ...(gaps.length > 0 ? { coverageGaps: gaps } : {}),
  };
  // Key ARNs and bare ids resolve now; alias references wait for the Region's alias index.
  return resolveKeyReferences(asset, emptyAliasIndex({ partition: ctx.partition, region: ctx.region, accountId: ctx.accountId }));
}

/** "If the secret has never been configured for rotation, Secrets Manager returns null" → unknown, not false. */
function rotation(entry: SecretListEntry): RotationInfo {
  return compact({
    applicable: true,
    enabled: entry.RotationEnabled ?? null,
    periodDays: entry.RotationRules?.AutomaticallyAfterDays,
    lastRotatedAt: iso(entry.LastRotatedDate),
    nextRotationAt: iso(entry.NextRotationDate),
  });
}

function replicaEntries(status: ReplicationStatusType[] | undefined): SecretDetails['replicas'] {
  return (status ?? []).map((r) => compact({ region: r.Region!, status: r.Status, kmsKeyRef: r.KmsKeyId }));
}

async function replicationStatus(ctx: ReadContext, arn: string, gaps: CoverageGap[]): Promise<SecretDetails['replicas']> {
  try {
    const out = await ctx.call.send('secretsmanager:DescribeSecret', new DescribeSecretCommand({ SecretId: arn }), (c) =>
      ctx.clients.secretsManager.send(c),
    );
    return replicaEntries(out.ReplicationStatus);
  } catch (err) {
    if (isAccessDeniedError(err) || errorCode(err) === 'ResourceNotFoundException') {
      gaps.push(coverageGap('secretsmanager:DescribeSecret', err));
      return undefined;
    }
    throw err;
  }
}
