import { z } from 'zod';
import { CHECK_NAMES, CHECK_STATUSES } from '../health/health-model';
import { PipelineHealth } from './response-schemas';

/** Request and response schemas of the pipeline health routes (lambdas/api/health-routes.ts) beyond PipelineHealth. */

const Instant = z.iso.datetime({ offset: true });
const CheckStatus = z.enum(CHECK_STATUSES);

export const HealthHistoryQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d+$/, 'limit must be an integer between 1 and 100')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be between 1 and 100').max(100, 'limit must be between 1 and 100'))
    .optional(),
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[a-z0-9-]{1,30}$/, 'before must be the next value of a previous page')
    .optional(),
});

export const HealthHistoryPage = z
  .object({
    items: z.array(
      z.object({
        at: Instant.meta({ description: 'The check that saw the change' }),
        region: z.string(),
        kind: z.enum(['region-failing', 'region-recovered']),
        from: CheckStatus.nullable().meta({ description: 'The status at the check before; null at the region’s first check' }),
        to: CheckStatus,
        failedChecks: z
          .array(z.object({ check: z.enum(CHECK_NAMES), status: CheckStatus, observed: z.string(), remedy: z.string() }))
          .meta({ description: 'region-failing: the checks that failed, as observed then' }),
      }),
    ),
    next: z.string().optional().meta({ description: 'Pass as `before` for older entries; absent on the last page' }),
  })
  .meta({ id: 'PipelineHealthHistory' });

export const HealthCheckRunIdParam = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'runId must be the id a POST …/health-checks answered');

export const HealthCheckRun = z
  .object({
    runId: z.string(),
    accountId: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
    startedAt: Instant,
    finishedAt: Instant.optional(),
    report: PipelineHealth.optional().meta({ description: 'SUCCEEDED: the result, also stored as the account’s latest health' }),
    error: z.string().optional().meta({ description: 'FAILED: why (a run that outlives its time limit is failed, never left running)' }),
  })
  .meta({ id: 'PipelineHealthCheckRun' });
