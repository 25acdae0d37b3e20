import type { z } from 'zod';
import { FUNCTION_ENVIRONMENTS, type Environment, type HandlerName } from './function-environments';

/** A function started with a missing or invalid environment variable: a deployment error, reported at init. */
export class EnvironmentError extends Error {
  constructor(
    readonly handlerName: string,
    readonly variables: readonly string[],
    details: string,
  ) {
    super(`${handlerName}: invalid environment: ${details}`);
    this.name = 'EnvironmentError';
  }
}

/** The issues of a failed parse, one per variable: `EVENTS_QUEUE_URL: Invalid URL; CONTROL_TABLE_NAME: required`. */
export function describeIssues(
  error: z.ZodError,
  env: Readonly<Record<string, string | undefined>>,
): { variables: string[]; details: string } {
  const nameOf = (issue: z.core.$ZodIssue) => String(issue.path[0] ?? '(environment)');
  const variables = [...new Set(error.issues.map(nameOf))];
  const details = error.issues
    .map((i) => `${nameOf(i)}: ${env[nameOf(i)] === undefined ? 'required but not set' : i.message}`)
    .join('; ');
  return { variables, details };
}

/**
 * Parses a handler's environment once, at module scope, so a misconfigured function fails at init (the Lambda
 * init error names the variable) instead of on some later request. Schemas: lambdas/shared/function-environments.ts.
 */
export function parseEnvironment<H extends HandlerName>(
  handlerName: H,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Environment<H> {
  const result = FUNCTION_ENVIRONMENTS[handlerName].safeParse(env);
  if (result.success) return result.data as Environment<H>;
  const { variables, details } = describeIssues(result.error, env);
  throw new EnvironmentError(handlerName, variables, details);
}
