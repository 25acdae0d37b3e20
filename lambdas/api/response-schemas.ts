import { z } from 'zod';
import { PERMISSIONS } from '../control/control-model';
import { FindingBody } from './findings-schemas';
import { CHECK_NAMES, CHECK_STATUSES } from '../health/health-model';
import { EVENT_WINDOW_DAYS } from '../health/region-event-counts';

/**
 * Response bodies of every route, as zod schemas the OpenAPI document is generated from (lambdas/api/openapi.ts) and
 * the end-to-end tests check real answers against. Objects are not strict: a reader must tolerate fields added later.
 * The TypeScript types they describe: lambdas/control/control-model.ts, lambdas/inventory/asset.ts.
 */

const Instant = z.iso.datetime({ offset: true });
const Counts = z.record(z.string(), z.number().int());

/** `{ error: { code, message, field? } }`: every error answer, from a handler or from API Gateway itself. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. ValidationError, NotFound' }),
      message: z.string(),
      field: z.string().optional().meta({ description: 'The offending input field (400 only)' }),
    }),
  })
  .meta({ id: 'Error' });

export const Token = z
  .object({
    tokenId: z.string(),
    tenantId: z.string(),
    name: z.string(),
    permissions: z.array(z.enum(PERMISSIONS as [string, ...string[]])),
    createdAt: Instant,
    createdBy: z.string().optional().meta({ description: 'Id of the token that created this one (`admin-cli` for the admin CLI)' }),
    expiresAt: Instant.optional(),
    revokedAt: Instant.optional(),
  })
  .meta({ id: 'Token' });

export const CreatedToken = z.object({
  token: Token,
  secret: z.string().meta({ description: 'The token secret (X-API-Key value): shown once, never again' }),
});
export const TokenList = z.object({ items: z.array(Token) });
export const TokenResponse = z.object({ token: Token });

/** GET /audit-log (lambdas/auth/audit-log.ts): token creations and revocations, newest first. */
export const AuditEntry = z
  .object({
    tenantId: z.string(),
    at: Instant,
    action: z.enum(['token-created', 'token-revoked']),
    actor: z.string().meta({ description: 'Id of the token that made the call (`admin-cli` for the admin CLI)' }),
    tokenId: z.string(),
    tokenName: z.string().optional(),
    permissions: z.array(z.enum(PERMISSIONS as [string, ...string[]])).optional(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditPage = z.object({
  items: z.array(AuditEntry),
  next: z.string().optional().meta({ description: 'Pass as `before` for older entries; absent on the last page' }),
});

export const Account = z
  .object({
    tenantId: z.string(),
    accountId: z.string(),
    roleArn: z.string(),
    status: z.enum(['LINKED', 'UNLINKED']),
    regions: z.array(z.string()).nullable().meta({ description: 'null = every commercial region' }),
    linkedAt: Instant,
    updatedAt: Instant,
    unlinkedAt: Instant.optional(),
    lastIngestionId: z.string().optional(),
    runningIngestionId: z.string().optional(),
    runningIngestionStartedAt: Instant.optional(),
    healthStatus: z.enum(CHECK_STATUSES).optional().meta({ description: 'Pipeline health at the last check (absent before any)' }),
    healthCheckedAt: Instant.optional(),
    healthFailingRegions: z.number().int().optional().meta({ description: 'Regions failing at the last check (absent before any)' }),
    driftCreated: z.number().int().optional().meta({ description: 'Reconciliation drift summed over re-crawls: assets found that no event had created' }),
    driftUpdated: z.number().int().optional().meta({ description: '…changed without an event' }),
    driftDeleted: z.number().int().optional().meta({ description: '…deleted without an event' }),
  })
  .meta({ id: 'Account' });

const IngestionStatus = z.enum(['RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED']);

export const Ingestion = z
  .object({
    ingestionId: z.string(),
    tenantId: z.string(),
    accountId: z.string(),
    status: IngestionStatus,
    startedAt: Instant,
    finishedAt: Instant.optional(),
    regions: z.array(z.string()),
    counts: Counts.optional(),
    errors: z
      .array(z.object({ region: z.string().optional(), service: z.string().optional(), code: z.string(), message: z.string() }))
      .optional(),
    executionArn: z.string().optional(),
    drift: z
      .record(z.string(), z.record(z.string(), z.object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int() })))
      .optional()
      .meta({ description: 'Re-crawls only: per region, per service, the changes the crawl found that events had not applied' }),
  })
  .meta({ id: 'Ingestion' });

const CrawlPart = z.object({
  ingestionId: z.string(),
  region: z.string(),
  service: z.string(),
  status: z.enum(['SUCCEEDED', 'NOT_ENABLED', 'FAILED']),
  finishedAt: Instant,
  counts: Counts.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const AccountDetails = Account.extend({
  health: z.array(
    z.object({ region: z.string(), lastEventAt: Instant.optional(), templateVersion: z.string().optional(), lastEventId: z.string().optional() }),
  ),
  eventStats: Counts.meta({ description: 'Events applied, duplicate and dropped (by reason)' }),
  lastIngestion: Ingestion.optional(),
}).meta({ id: 'AccountDetails' });

export const LinkAccountResponse = z.object({
  account: Account,
  ingestion: z.object({ ingestionId: z.string(), status: IngestionStatus }).optional().meta({ description: 'Present with startNow=true' }),
});
export const AccountList = z.object({ items: z.array(Account) });
export const AccountResponse = z.object({ account: Account });
export const AccountDetailsResponse = z.object({ account: AccountDetails });
export const UnlinkAccountResponse = z.object({
  account: Account,
  assetsPurged: z.number().int().optional().meta({ description: 'With purge=true: assets deleted' }),
  assetsMarked: z.number().int().optional().meta({ description: 'Without purge: assets kept and marked unlinkedAt' }),
});

export const StartedIngestion = z.object({ ingestionId: z.string(), status: IngestionStatus });
export const IngestionList = z.object({
  items: z.array(Ingestion),
  nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for older runs; null = no more' }),
});
export const IngestionResponse = z.object({ ingestion: Ingestion.extend({ parts: z.array(CrawlPart) }) });

const Lifecycle = z.object({
  state: z.string(),
  createdAt: Instant.optional(),
  lastModifiedAt: Instant.optional(),
  notBefore: Instant.optional(),
  notAfter: Instant.optional(),
  deletionDate: Instant.optional(),
  rotation: z
    .object({
      applicable: z.boolean(),
      enabled: z.boolean().nullable(),
      periodDays: z.number().optional(),
      lastRotatedAt: Instant.optional(),
      nextRotationAt: Instant.optional(),
    })
    .optional(),
});

export const Asset = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    source: z.literal('AWS'),
    type: z.enum(['key', 'certificate', 'secret', 'parameter']),
    accountId: z.string(),
    region: z.string(),
    arn: z.string(),
    name: z.string(),
    secure: z.boolean().optional(),
    tags: z.record(z.string(), z.string()),
    crypto: z.object({
      family: z.string(),
      algorithm: z.string(),
      keySize: z.number().optional(),
      curve: z.string().optional(),
      signatureAlgorithm: z.string().optional(),
      keyUsage: z.array(z.string()).optional(),
      quantumVulnerable: z.boolean().nullable().meta({ description: 'null = unknown' }),
      nistSecurityLevel: z.number().optional(),
      classicalSecurityBits: z.number().optional(),
    }),
    lifecycle: Lifecycle,
    relations: z.object({
      kmsKeyArn: z.string().optional(),
      kmsKeyRef: z.string().optional(),
      inUseBy: z.array(z.string()),
      aliases: z.array(z.string()).optional(),
    }),
    details: z
      .looseObject({ kind: z.enum(['key', 'certificate', 'secret', 'parameter']) })
      .meta({ description: 'Service-specific fields, by kind (lambdas/inventory/asset.ts)' }),
    coverageGaps: z.array(z.object({ api: z.string(), errorCode: z.string(), message: z.string().optional() })).optional(),
    firstSeen: Instant,
    lastSeen: Instant,
    observedAt: Instant,
    deleted: z.boolean().optional(),
    deletedAt: Instant.optional(),
    unlinkedAt: Instant.optional(),
  })
  .meta({ id: 'Asset' });

export const InventoryPage = z.object({
  items: z.array(Asset),
  nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null = no more' }),
});

export const AssetDetailsResponse = z.object({
  asset: Asset,
  usages: z.array(
    z.object({
      assetArn: z.string(),
      resourceArn: z.string(),
      resourceType: z.string(),
      via: z.string(),
      firstSeen: Instant,
      lastSeen: Instant,
      count: z.number().int(),
    }),
  ),
  history: z
    .array(
      z.object({
        tenantId: z.string(),
        assetArn: z.string(),
        eventId: z.string(),
        eventName: z.string(),
        who: z.string(),
        at: Instant,
        changes: z.array(z.looseObject({ op: z.string(), path: z.string(), applied: z.boolean() })),
      }),
    )
    .meta({ description: 'Most recent changes first' }),
  findings: z.array(FindingBody).meta({ description: 'The asset’s open findings, most urgent first' }),
});

/** CycloneDX 1.6 (https://cyclonedx.org/docs/1.6/json/): the fields every export has; the rest per the standard. */
export const CbomDocument = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.literal('1.6'),
  serialNumber: z.string().optional(),
  version: z.number().int(),
  metadata: z.looseObject({}),
  components: z.array(z.looseObject({ type: z.string(), name: z.string() })),
});

/** The customer CloudFormation template (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html). */
export const CloudFormationTemplate = z.looseObject({
  AWSTemplateFormatVersion: z.string().optional(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
  Resources: z.record(z.string(), z.looseObject({ Type: z.string() })),
});

export const AcceptedEvent = z.object({ accepted: z.literal(true), id: z.string().meta({ description: 'The EventBridge event id' }) });

/** An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0): this one. */
export const OpenApiDocumentBody = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });

const CheckStatus = z.enum(CHECK_STATUSES).meta({
  description: 'pass; warn = degraded (works partly, or needs an update); fail = events do not flow; unknown = the check could not be made (access denied, throttled)',
});

/** The pipeline health of one account (lambdas/health/health-model.ts). */
export const PipelineHealth = z
  .object({
    accountId: z.string(),
    status: CheckStatus.meta({ description: 'The worst of its regions' }),
    checkedAt: Instant.nullable().meta({ description: 'null: never checked' }),
    regions: z.array(
      z.object({
        region: z.string(),
        role: z.enum(['primary', 'forwarder']),
        status: CheckStatus.meta({ description: 'The worst of its checks' }),
        checks: z.array(
          z.object({
            check: z.enum(CHECK_NAMES),
            status: CheckStatus,
            observed: z.string(),
            remedy: z.string().meta({ description: 'What a cloud admin does, with the console path' }),
          }),
        ),
        lastEventAt: Instant.nullable(),
        templateVersion: z.string().nullable(),
        drift: z
          .object({ created: z.number().int(), updated: z.number().int(), deleted: z.number().int() })
          .nullable()
          .meta({ description: 'Changes the last re-crawl found that events had not applied; null before any' }),
        eventsPerDay: z
          .array(
            z.object({
              date: z.iso.date(),
              events: z.number().int().meta({ description: 'Events received from the region that UTC day: applied, duplicate or dropped' }),
              dropped: z.number().int(),
            }),
          )
          .meta({ description: `The last ${EVENT_WINDOW_DAYS} days up to the check, oldest first` }),
        droppedByReason: z
          .record(z.string(), z.number().int())
          .meta({ description: 'Over the same days: events dropped, by reason (e.g. unsupported-event, failed-call, future-event)' }),
      }),
    ),
  })
  .meta({ id: 'PipelineHealth' });
