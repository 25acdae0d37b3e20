import { Logger } from '@aws-lambda-powertools/logger';
import type { HandlerName } from './function-environments';

/**
 * The one Powertools setup of every backend function: a JSON Logger per function, named after its handler, with the
 * level from POWERTOOLS_LOG_LEVEL. Lambda's JSON log format and the log group are set by the construct
 * (lib/constructs/platform-function.ts). Metrics and Tracer are not used: the counts the product keeps are in its
 * own records (ingestion counts, event counters), and X-Ray tracing is off.
 * https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/
 */
export function createLogger(handlerName: HandlerName): Logger {
  return new Logger({ serviceName: handlerName });
}
