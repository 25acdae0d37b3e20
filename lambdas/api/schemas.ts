import { z } from 'zod';
import { ACCOUNT_ID_PATTERN, INGESTION_ID_PATTERN, TOKEN_ID_PATTERN } from '../control/ids';
import { PERMISSIONS } from '../control/control-model';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';

/** Request schemas of every route (strict: unknown fields are rejected). The OpenAPI document is built from them. */

/** `limit` of a paged list: an integer from 1 to 1000, default 100. */
export const PageLimitParam = z
  .string()
  .regex(/^\d+$/, 'limit must be an integer between 1 and 1000')
  .transform(Number)
  .pipe(z.number().int().min(1, 'limit must be between 1 and 1000').max(1000, 'limit must be between 1 and 1000'))
  .optional()
  .meta({ description: 'Page size: an integer from 1 to 1000 (default 100)', example: '100' });

/** Any role name and path: the documented AQtiveGuardReadOnlyAccessRole is the default, not a requirement. */
export const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export const isoInstant = z.iso.datetime({ offset: true, message: 'Expected an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' });

export const AccountIdParam = z.string().regex(ACCOUNT_ID_PATTERN, 'Expected a 12-digit AWS account id');
export const IngestionIdParam = z.string().regex(INGESTION_ID_PATTERN, 'Expected an ingestion id (26-character ULID)');
export const TokenIdParam = z.string().regex(TOKEN_ID_PATTERN, 'Expected a token id (20 hex characters)');
export const AssetIdParam = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Expected an asset id (22 URL-safe characters)');

export const RoleArn = z.string().regex(ROLE_ARN_PATTERN, 'Expected an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>');

export const Regions = z
  .array(z.enum(COMMERCIAL_REGION_NAMES as [string, ...string[]], { message: 'Unknown or unsupported region' }))
  .min(1)
  .refine((r) => new Set(r).size === r.length, 'Regions must be unique')
  .nullable()
  .describe('Regions to inventory; null = every commercial region');

export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(128),
  permissions: z
    .array(z.enum(PERMISSIONS as [string, ...string[]]))
    .min(1)
    .refine((p) => new Set(p).size === p.length, 'Permissions must be unique'),
  expiresAt: isoInstant.optional(),
});

export const LinkAccountBody = z.strictObject({
  roleArn: RoleArn,
  regions: Regions.optional(),
});

export const LinkAccountQuery = z.strictObject({
  startNow: z.enum(['true', 'false']).optional(),
});

/** EventBridge names: 1–64 of [.-_A-Za-z0-9] (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html). */
const EventBridgeName = z.string().regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'Expected an EventBridge name: 1–64 letters, digits, ".", "-" or "_"');

/** A custom setup's own rule, API destination and connection names for the health checks; null = the template's. */
export const PipelineNamesBody = z
  .strictObject({ rule: EventBridgeName.optional(), apiDestination: EventBridgeName.optional(), connection: EventBridgeName.optional() })
  .nullable();

export const PatchAccountBody = z
  .strictObject({ roleArn: RoleArn.optional(), regions: Regions.optional(), pipelineNames: PipelineNamesBody.optional() })
  .refine((b) => b.roleArn !== undefined || b.regions !== undefined || b.pipelineNames !== undefined, 'Provide roleArn, regions and/or pipelineNames');

export const UnlinkAccountQuery = z.strictObject({
  purge: z.enum(['true', 'false']).optional(),
});

export const EmptyQuery = z.strictObject({});

export const InventoryQueryParams = z.strictObject({
  type: z.enum(['key', 'certificate', 'secret', 'parameter']).optional(),
  region: z.enum(COMMERCIAL_REGION_NAMES as [string, ...string[]], { message: 'Unknown or unsupported region' }).optional(),
  accountId: AccountIdParam.optional(),
  // A real partition (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html); the value is a prefix.
  arn: z.string().regex(/^arn:aws(-cn|-us-gov)?(:|$)/, 'Expected an ARN (arn:aws:…, arn:aws-cn:… or arn:aws-us-gov:…)').max(2048).optional(),
  quantumVulnerable: z.enum(['true', 'false']).optional(),
  expiresBefore: isoInstant.optional(),
  q: z.string().min(1).max(256).optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
  hasFindings: z
    .enum(['true'], { message: 'hasFindings can only be true' })
    .optional()
    .meta({ description: 'Only assets with open findings, most urgent first (combines with type, region, accountId, severity)' }),
  severity: z
    .enum(['critical', 'high', 'medium', 'low'], { message: 'Unknown severity (expected critical, high, medium, low)' })
    .optional()
    .meta({ description: 'With hasFindings=true: only assets with an open finding of this severity' }),
  limit: PageLimitParam,
  cursor: z.string().min(1).max(4096).optional(),
});

/** GET …/accounts/{accountId}/ingestions: newest first. */
export const IngestionListQuery = z.strictObject({
  limit: PageLimitParam,
  cursor: z.string().min(1).max(4096).optional(),
});

/** GET /audit-log: newest first; `before` is the `next` of the previous page. */
export const AuditLogQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d+$/, 'limit must be an integer between 1 and 500')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be between 1 and 500').max(500, 'limit must be between 1 and 500'))
    .optional(),
  before: z.string().regex(/^AUDIT#[0-9T:.Z-]{24}#[0-9a-f-]{36}$/, 'before must be the next value of a previous page').optional(),
});
