/** Which platform-side (DynamoDB, SQS, Step Functions) failures mean "try again later": the API maps them to 503 with Retry-After. */
/** Error names AWS services use for throttling (the SDK's own list of retryable throttling codes). */
const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'SlowDown',
  'TransactionInProgressException',
]);
/** Node's codes for a connection that dropped, was refused or timed out. */
const CONNECTION_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH']);

/**
 * A platform-side failure that outlasted the SDK's retries: throttling, a 5xx of the service, a timeout or a dropped
 * connection. Nothing was written (or what was is retried idempotently), so the caller should try again later:
 * the API answers 503 with Retry-After, never 500.
 */
export function isPlatformUnavailableError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { $fault?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  if (THROTTLING_ERRORS.has(e.name)) return true;
  if (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.name === 'TimeoutError' || (e.code !== undefined && CONNECTION_ERRORS.has(e.code))) return true;
  return false;
}
