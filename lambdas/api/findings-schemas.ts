import { z } from 'zod';
import { EXPIRY_BUCKETS } from '../findings/findings-summary';
import { RULES } from '../findings/catalogue';
import { FINDING_STATUSES, PROFILES } from '../findings/finding';
import { SEVERITIES } from '../findings/severity';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import { AccountIdParam, isoInstant, PageLimitParam } from './schemas';

/** Request and response schemas of the findings routes (lambdas/api/findings-routes.ts). */

const RULE_IDS = RULES.map((r) => r.id);
const Instant = z.iso.datetime({ offset: true });

export const FindingIdParam = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Expected a finding id (22 URL-safe characters)');

const severity = z.enum(SEVERITIES, { message: `Unknown severity (expected ${SEVERITIES.join(', ')})` });
const ruleId = z.string().refine((id) => RULE_IDS.includes(id), { error: (issue) => `Unknown rule id "${String(issue.input)}" (GET /v1/findings/rules lists them)` });
const profile = z.enum(['all', ...PROFILES], { message: `Unknown profile (expected all, ${PROFILES.join(', ')})` });

export const FindingsQueryParams = z.strictObject({
  status: z.enum(FINDING_STATUSES, { message: `Unknown status (expected ${FINDING_STATUSES.join(', ')})` }).optional(),
  severity: severity.optional(),
  ruleId: ruleId.optional(),
  profile: profile.optional(),
  accountId: AccountIdParam.optional(),
  region: z.enum(COMMERCIAL_REGION_NAMES as [string, ...string[]], { message: 'Unknown or unsupported region' }).optional(),
  assetType: z.enum(['key', 'certificate', 'secret', 'parameter']).optional(),
  tag: z
    .string()
    .regex(/^[^=]{1,128}=.{0,256}$/, 'Expected key=value')
    .optional()
    .meta({ description: 'A user tag the asset carries, as key=value', example: 'env=prod' }),
  format: z.enum(['json', 'sarif']).optional().meta({ description: 'sarif: a SARIF 2.1.0 log of this page (code-scanning tools)' }),
  limit: PageLimitParam,
  cursor: z.string().min(1).max(4096).optional(),
});

export const FindingsSummaryQuery = z.strictObject({ accountId: AccountIdParam.optional(), profile: profile.optional() });

export const SuppressionBody = z.strictObject({
  reason: z.string().trim().min(1, 'A suppression needs a reason').max(1000),
  expiresAt: isoInstant.optional(),
});

const BlastRadiusEntry = z.object({
  arn: z.string(),
  resourceType: z.string(),
  knownFrom: z.enum(['InUseBy', 'event', 'encrypts', 'replica']),
  lastSeenAt: Instant.optional(),
});

export const FindingBody = z
  .object({
    findingId: z.string(),
    ruleId: z.string(),
    title: z.string(),
    severity,
    status: z.enum(FINDING_STATUSES),
    asset: z.object({ assetId: z.string(), arn: z.string(), type: z.string(), accountId: z.string(), region: z.string(), name: z.string() }),
    evidence: z.record(z.string(), z.unknown()),
    blastRadius: z.array(BlastRadiusEntry),
    blastRadiusTotal: z.number().int(),
    compliance: z.array(z.object({ framework: z.string(), control: z.string() })),
    remediation: z.object({ text: z.string(), url: z.string() }),
    dueAt: Instant,
    firstSeenAt: Instant,
    lastSeenAt: Instant,
    resolvedAt: Instant.optional(),
    suppression: z.object({ reason: z.string(), expiresAt: Instant.optional(), by: z.string(), at: Instant, source: z.string() }).optional(),
    catalogueVersion: z.string(),
  })
  .meta({ id: 'Finding' });

export const FindingsPageBody = z.object({
  items: z.array(FindingBody),
  nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null = no more' }),
});

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): the top level; the rest per the standard. */
export const SarifLogBody = z.looseObject({ version: z.literal('2.1.0'), $schema: z.string().optional(), runs: z.array(z.looseObject({ tool: z.looseObject({}) })) }).meta({ id: 'SarifLog' });

export const FindingsListBody = z.union([FindingsPageBody, SarifLogBody]).meta({ id: 'FindingsList' });

export const FindingResponse = z.object({ finding: FindingBody });

export const RuleCatalogueBody = z.object({
  catalogueVersion: z.string(),
  rules: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      assetTypes: z.array(z.string()),
      defaultSeverity: severity,
      severityCriteria: z.array(z.string()),
      raisedWhen: z.string(),
      exclusions: z.array(z.string()),
      rationale: z.string(),
      remediation: z.object({ text: z.string(), url: z.string() }),
      compliance: z.array(z.object({ framework: z.string(), control: z.string() })),
      profiles: z.array(z.string()),
    }),
  ),
});

const countRecord = z.record(z.string(), z.number().int());
export const FindingsSummaryBody = z.object({
  open: z.number().int(),
  suppressed: z.number().int(),
  bySeverity: countRecord,
  byRule: countRecord,
  byAccount: countRecord,
  certificateExpiry: z.object(Object.fromEntries(EXPIRY_BUCKETS.map((b) => [b, z.number().int()]))),
  quantumVulnerable: z.object({
    byAssetType: z.record(z.string(), z.object({ vulnerable: z.number().int(), total: z.number().int() })),
    byAlgorithm: countRecord,
  }),
  mostUrgent: z.array(FindingBody).meta({ description: 'The three most urgent open findings (severity, then due date)' }),
  pipeline: z
    .object({
      failingRegions: z.number().int().meta({ description: 'Regions whose event pipeline failed its last health check' }),
      accountsWithFailingRegion: z.number().int(),
    })
    .meta({ description: 'Linked accounts’ event pipelines at their last health check (GET …/accounts/{accountId}/health)' }),
});
