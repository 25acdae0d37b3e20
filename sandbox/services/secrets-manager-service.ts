/**
 * Secrets Manager metadata APIs (AWS JSON 1.1, target prefix `secretsmanager`). Values are never held or served.
 * Behaviours: https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html.
 */
import { z } from 'zod';
import type { SecretRecord } from '../estate/estate';
import { AwsServiceError } from '../protocol/aws-service-error';
import { decodeToken, encodeToken, page } from './pagination';
import type { ServiceContext, ServiceOperations } from './service-context';
import { compact, epochSeconds, parseInput } from './service-context';

const FilterKey = z.enum(['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all']);
const ListInput = z.object({
  IncludePlannedDeletion: z.boolean().optional(),
  MaxResults: z.number().int().min(1).max(100).optional(),
  NextToken: z.string().min(1).max(4096).optional(),
  Filters: z.array(z.object({ Key: FilterKey, Values: z.array(z.string()).min(1).max(10) })).max(10).optional(),
  SortOrder: z.enum(['asc', 'desc']).optional(),
  SortBy: z.enum(['created-date', 'last-accessed-date', 'last-changed-date', 'name']).optional(),
});
const DescribeInput = z.object({ SecretId: z.string().min(1).max(2048) });

function fieldsFor(key: z.infer<typeof FilterKey>, s: SecretRecord): (string | undefined)[] {
  switch (key) {
    case 'description':
      return [s.description];
    case 'name':
      return [s.name];
    case 'tag-key':
      return s.tags.map((t) => t.key);
    case 'tag-value':
      return s.tags.map((t) => t.value);
    case 'primary-region':
      return [s.primaryRegion];
    case 'owning-service':
      return [s.owningService];
    case 'all':
      return [s.name, s.description, s.primaryRegion, s.owningService, ...s.tags.flatMap((t) => [t.key, t.value])];
  }
}

/** Filter values match by prefix; a leading `!` negates ("Values … prefix matching, case-sensitive"). */
function matches(s: SecretRecord, filter: { Key: z.infer<typeof FilterKey>; Values: string[] }): boolean {
  const fields = fieldsFor(filter.Key, s).filter((f): f is string => f !== undefined);
  return filter.Values.some((v) => (v.startsWith('!') ? !fields.some((f) => f.startsWith(v.slice(1))) : fields.some((f) => f.startsWith(v))));
}

function sortKey(s: SecretRecord, by: string): string {
  switch (by) {
    case 'name':
      return s.name;
    case 'last-accessed-date':
      return s.lastAccessedDate ?? '';
    case 'last-changed-date':
      return s.lastChangedDate;
    default:
      return s.createdDate;
  }
}

function secretFields(s: SecretRecord): Record<string, unknown> {
  return {
    ARN: s.arn,
    Name: s.name,
    Description: s.description,
    KmsKeyId: s.kmsKeyId, // omitted for the AWS-managed aws/secretsmanager key
    RotationEnabled: s.rotationEnabled, // omitted when never configured
    RotationLambdaARN: s.rotationLambdaArn,
    RotationRules: s.rotationRules
      ? compact({ AutomaticallyAfterDays: s.rotationRules.automaticallyAfterDays, ScheduleExpression: s.rotationRules.scheduleExpression, Duration: s.rotationRules.duration })
      : undefined,
    LastRotatedDate: epochSeconds(s.lastRotatedDate),
    LastChangedDate: epochSeconds(s.lastChangedDate),
    LastAccessedDate: epochSeconds(s.lastAccessedDate),
    DeletedDate: epochSeconds(s.deletedDate),
    NextRotationDate: epochSeconds(s.nextRotationDate),
    Tags: s.tags.length > 0 ? s.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
    OwningService: s.owningService,
    CreatedDate: epochSeconds(s.createdDate),
    PrimaryRegion: s.primaryRegion,
  };
}

function findSecret(ctx: ServiceContext, secretId: string): SecretRecord {
  const secret = ctx.estate.secretsmanager.secrets.find((s) => s.arn === secretId || s.name === secretId || (secretId.startsWith('arn:') && s.arn.startsWith(`${secretId}-`)));
  if (!secret) throw new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  return secret;
}

export const secretsManagerOperations: ServiceOperations = {
  ListSecrets(input, ctx) {
    const req = parseInput(ListInput, input);
    // "By default, secrets scheduled for deletion aren't included."
    let secrets = ctx.estate.secretsmanager.secrets.filter((s) => (req.IncludePlannedDeletion ?? false) || s.deletedDate === undefined);
    for (const filter of req.Filters ?? []) secrets = secrets.filter((s) => matches(s, filter));
    const by = req.SortBy ?? 'created-date';
    const direction = req.SortOrder === 'asc' ? 1 : -1;
    if (req.SortBy !== undefined || req.SortOrder !== undefined) secrets = [...secrets].sort((a, b) => sortKey(a, by).localeCompare(sortKey(b, by)) * direction);
    const scope = `secretsmanager:ListSecrets:${JSON.stringify([req.IncludePlannedDeletion, req.Filters, req.SortBy, req.SortOrder])}`;
    const start = decodeToken(req.NextToken, scope, () => new AwsServiceError('InvalidNextTokenException', 'The NextToken value is invalid.'))?.o ?? 0;
    const p = page(secrets, start, req.MaxResults ?? 100);
    return compact({
      SecretList: p.items.map((s) => compact({ ...secretFields(s), SecretVersionsToStages: s.versionIdsToStages })),
      NextToken: p.next === undefined ? undefined : encodeToken(p.next, scope),
    });
  },

  DescribeSecret(input, ctx) {
    const s = findSecret(ctx, parseInput(DescribeInput, input).SecretId);
    return compact({
      ...secretFields(s),
      VersionIdsToStages: s.versionIdsToStages,
      ReplicationStatus: s.replicationStatus?.map((r) =>
        compact({ Region: r.region, KmsKeyId: r.kmsKeyId, Status: r.status, StatusMessage: r.statusMessage }),
      ),
    });
  },
};
