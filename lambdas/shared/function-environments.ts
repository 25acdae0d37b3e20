import { z } from 'zod';

/**
 * The environment of every backend function, by handler name (the file in lambdas/handlers/). One schema serves both
 * sides: the CDK construct types and checks the variables it sets (lib/constructs/platform-function.ts), and the
 * handler parses them once at init (lambdas/shared/environment.ts). This module imports only zod, so `lib/` can read
 * it without pulling in any handler code.
 *
 * Variables every function also gets from the construct (NODE_OPTIONS, POWERTOOLS_SERVICE_NAME) are not listed:
 * the code reads them through Node and Powertools, not through these schemas.
 */
const name = z.string().min(1);

const TABLES = { CONTROL_TABLE_NAME: name, INVENTORY_TABLE_NAME: name };
/** The role assumed before the customer role (role chaining); unset locally, where the customer role is assumed directly. */
const PLATFORM_ACCESS_ROLE_ARN = name.optional();
/** The public base URL (with `/v1`) clients and AWS reach the API at; unset → taken from the request (lambdas/api/public-url.ts). */
const PUBLIC_API_URL = z.url().optional();

export const FUNCTION_ENVIRONMENTS = {
  /** Results are cached by API Gateway (on the authorizer, set by the stack): a revoked token works until the TTL ends. */
  authorizer: z.object({ CONTROL_TABLE_NAME: name }),
  'openapi-api': z.object({ PUBLIC_API_URL }),
  'tokens-api': z.object({ CONTROL_TABLE_NAME: name }),
  'template-api': z.object({
    CONTROL_TABLE_NAME: name,
    /** The principal customers trust. Unset (local runtime) → the root of the account these credentials belong to. */
    PLATFORM_ACCESS_ROLE_ARN,
    PUBLIC_API_URL,
  }),
  /** HEALTH_CHECK_STATE_MACHINE_ARN: on-demand health checks run there (lib/constructs/pipeline-health-checks.ts). */
  'accounts-api': z.object({ ...TABLES, CRAWL_STATE_MACHINE_ARN: name, HEALTH_CHECK_STATE_MACHINE_ARN: name, PLATFORM_ACCESS_ROLE_ARN, PUBLIC_API_URL }),
  'ingestions-api': z.object({ CONTROL_TABLE_NAME: name, CRAWL_STATE_MACHINE_ARN: name }),
  'inventory-api': z.object(TABLES),
  'events-intake': z.object({
    EVENTS_QUEUE_URL: z.url(),
    /** Where the per-token rate-limit windows are counted (lambdas/events/dynamo-rate-counter.ts). */
    CONTROL_TABLE_NAME: name,
    /** Events per second per token before 429 (lambdas/events/rate-limit.ts). */
    EVENTS_PER_SECOND_PER_TOKEN: z.coerce.number().int().positive().default(600),
  }),
  'event-processor': z.object({
    ...TABLES,
    /** Records that fail for good go here after one attempt, with the reason (lambdas/events/poison-records.ts). */
    DEAD_LETTER_QUEUE_URL: z.url(),
    /** Records ACM cannot describe yet are re-queued here with a short delay. */
    EVENTS_QUEUE_URL: z.url(),
    HISTORY_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
    EVENT_DEDUP_DAYS: z.coerce.number().int().positive().default(7),
    PLATFORM_ACCESS_ROLE_ARN,
  }),
  'crawl-prepare': z.object({ CONTROL_TABLE_NAME: name, PLATFORM_ACCESS_ROLE_ARN }),
  'crawl-service': z.object({
    ...TABLES,
    PLATFORM_ACCESS_ROLE_ARN,
    /** JSON {"service:Operation": rps} overriding the default request quotas (benchmarks, raised quotas). */
    CRAWL_QUOTAS: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'not JSON' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), z.number().positive()))
      .optional(),
  }),
  'crawl-finalize': z.object(TABLES),
  /** Closes the run of a crawl execution that ended without Finalize (the execution status-change rule's target). */
  'crawl-execution-ended': z.object({ CONTROL_TABLE_NAME: name }),
  'scheduled-ingestion': z.object({ CONTROL_TABLE_NAME: name, CRAWL_STATE_MACHINE_ARN: name }),
  'scheduled-findings': z.object(TABLES),
  'findings-api': z.object(TABLES),
  /** Without PUBLIC_API_URL the API destination's endpoint is not compared on scheduled runs. */
  'pipeline-health': z.object({ CONTROL_TABLE_NAME: name, PLATFORM_ACCESS_ROLE_ARN, PUBLIC_API_URL }),
} as const;

export type HandlerName = keyof typeof FUNCTION_ENVIRONMENTS;
export type EnvironmentSchema<H extends HandlerName> = (typeof FUNCTION_ENVIRONMENTS)[H];
/** What a handler reads after parsing (defaults applied, numbers coerced). */
export type Environment<H extends HandlerName> = z.output<EnvironmentSchema<H>>;
/** What a deployment sets: every variable a string (CDK tokens included), optional ones may be left out. */
export type EnvironmentVariables<H extends HandlerName> = { readonly [K in keyof z.input<EnvironmentSchema<H>>]: string };
