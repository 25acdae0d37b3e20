// Keep the handlers' init logs out of the test output.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_ENVIRONMENTS } from '../../../lambdas/shared/function-environments';

const HANDLERS_DIR = join(__dirname, '../../../lambdas/handlers');

/** A valid value for every variable any handler reads. */
const VALID: Record<string, string> = {
  CONTROL_TABLE_NAME: 'control',
  INVENTORY_TABLE_NAME: 'inventory',
  CRAWL_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:crawl',
  HEALTH_CHECK_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:health-check-runs',
  PLATFORM_ACCESS_ROLE_ARN: 'arn:aws:iam::123456789012:role/platform-access',
  EVENTS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/events',
  DEAD_LETTER_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/events-dlq',
  PUBLIC_API_URL: 'https://api.example.com/v1',
  HISTORY_RETENTION_DAYS: '365',
  EVENT_DEDUP_DAYS: '7',
  CRAWL_QUOTAS: '{"kms:ListKeys":100}',
};

/** What each handler cannot start without (the schema's required variables, written out as the contract). */
const REQUIRED: Record<string, string[]> = {
  authorizer: ['CONTROL_TABLE_NAME'],
  'openapi-api': [],
  'tokens-api': ['CONTROL_TABLE_NAME'],
  'template-api': ['CONTROL_TABLE_NAME'],
  'accounts-api': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME', 'CRAWL_STATE_MACHINE_ARN', 'HEALTH_CHECK_STATE_MACHINE_ARN'],
  'ingestions-api': ['CONTROL_TABLE_NAME', 'CRAWL_STATE_MACHINE_ARN'],
  'inventory-api': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME'],
  'events-intake': ['EVENTS_QUEUE_URL', 'CONTROL_TABLE_NAME'],
  'event-processor': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME', 'DEAD_LETTER_QUEUE_URL', 'EVENTS_QUEUE_URL'],
  'crawl-prepare': ['CONTROL_TABLE_NAME'],
  'crawl-service': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME'],
  'crawl-finalize': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME'],
  'crawl-execution-ended': ['CONTROL_TABLE_NAME'],
  'scheduled-ingestion': ['CONTROL_TABLE_NAME', 'CRAWL_STATE_MACHINE_ARN'],
  'findings-api': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME'],
  'scheduled-findings': ['CONTROL_TABLE_NAME', 'INVENTORY_TABLE_NAME'],
  'pipeline-health': ['CONTROL_TABLE_NAME'],
};

/** Values a handler must refuse at init, for the variables whose schema is more than "a non-empty string". */
const INVALID: Record<string, Array<[string, string]>> = {
  'openapi-api': [['PUBLIC_API_URL', 'api.example.com']],
  'template-api': [['PUBLIC_API_URL', 'not a url'], ['CONTROL_TABLE_NAME', '']],
  'events-intake': [['EVENTS_QUEUE_URL', 'events'], ['EVENTS_PER_SECOND_PER_TOKEN', 'lots']],
  'event-processor': [
    ['HISTORY_RETENTION_DAYS', 'a year'],
    ['EVENT_DEDUP_DAYS', '0'],
    ['DEAD_LETTER_QUEUE_URL', 'events-dlq'],
  ],
  'crawl-service': [
    ['CRAWL_QUOTAS', '{kms:ListKeys=100}'],
    ['CRAWL_QUOTAS', '{"kms:ListKeys":-1}'],
  ],
};

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** Loads the handler module in a fresh registry with exactly `variables` of the schema set: its init parses them. */
function load(handlerName: string, variables: Record<string, string>): unknown {
  for (const name of Object.keys(VALID)) delete process.env[name];
  Object.assign(process.env, variables);
  let mod: { handler?: unknown } | undefined;
  jest.isolateModules(() => {
    mod = require(join(HANDLERS_DIR, handlerName));
  });
  return mod?.handler;
}

function initError(handlerName: string, variables: Record<string, string>): { name: string; variables: readonly string[]; message: string } {
  try {
    load(handlerName, variables);
  } catch (err) {
    const e = err as { name: string; variables: readonly string[]; message: string };
    return { name: e.name, variables: e.variables, message: e.message };
  }
  throw new Error(`${handlerName} started with ${JSON.stringify(variables)}`);
}

const validFor = (handlerName: string) =>
  Object.fromEntries(Object.keys(FUNCTION_ENVIRONMENTS[handlerName as keyof typeof FUNCTION_ENVIRONMENTS].shape).map((name) => [name, VALID[name]!]));

describe('handler environments', () => {
  it('covers every handler in lambdas/handlers/ and every handler schema', () => {
    const files = readdirSync(HANDLERS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(Object.keys(REQUIRED).sort()).toEqual(files);
    expect(Object.keys(FUNCTION_ENVIRONMENTS).sort()).toEqual(files);
  });

  describe.each(Object.keys(REQUIRED))('%s', (handlerName) => {
    it('starts with its full environment, and with only its required variables', () => {
      expect(typeof load(handlerName, validFor(handlerName))).toBe('function');
      expect(typeof load(handlerName, Object.fromEntries(REQUIRED[handlerName]!.map((n) => [n, VALID[n]!])))).toBe('function');
    });

    const required = REQUIRED[handlerName]!;
    if (required.length === 0) {
      it('needs no variable: starts with none set', () => {
        expect(typeof load(handlerName, {})).toBe('function');
      });
    } else {
      it.each(required)('fails at init naming %s when it is missing', (variable) => {
        const { [variable]: _missing, ...rest } = validFor(handlerName);
        expect(initError(handlerName, rest)).toEqual({
          name: 'EnvironmentError',
          variables: [variable],
          message: `${handlerName}: invalid environment: ${variable}: required but not set`,
        });
      });
    }

    const invalid = INVALID[handlerName] ?? [];
    if (invalid.length > 0) {
      it.each(invalid)('fails at init naming %s when it is %j', (variable, value) => {
        const error = initError(handlerName, { ...validFor(handlerName), [variable]: value });
        expect(error).toEqual({ name: 'EnvironmentError', variables: [variable], message: expect.stringMatching(new RegExp(`^${handlerName}: invalid environment: ${variable}: `)) });
      });
    }
  });
});
