import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  AccountMismatchError,
  AccountNotLinkedError,
  IngestionAlreadyRunningError,
  NotFoundError,
  RoleAssumptionError,
  RoleVerificationUnavailableError,
} from '../control/errors';
import { TokenLookupError, UnauthorizedError } from '../auth/authorize';
import { FindingsInputError } from '../findings/errors';
import { InvalidCursorError } from '../inventory/inventory-cursor';
import { errorResponse, internalErrorResponse } from '../shared/http';
import { isPlatformUnavailableError } from '../shared/platform-errors';
import { ForbiddenError } from './request';
import { ValidationError } from './validation-error';

export interface ErrorLogger {
  error(message: string, extra: { error: Error }): void;
}

/**
 * The one table from domain errors to HTTP answers. Anything not listed is a 500 with a generic body; its detail
 * goes to the log only.
 */
export function toErrorResponse(err: unknown, logger: ErrorLogger): APIGatewayProxyResult {
  if (err instanceof ValidationError) return errorResponse(400, 'ValidationError', err.message, err.field);
  if (err instanceof InvalidCursorError) return errorResponse(400, 'ValidationError', err.message, err.field);
  if (err instanceof FindingsInputError) return errorResponse(400, 'ValidationError', err.message, err.field);
  if (err instanceof UnauthorizedError) return errorResponse(401, 'Unauthorized', 'This token is unknown, revoked or expired');
  if (err instanceof ForbiddenError) return errorResponse(403, 'Forbidden', 'This token is not allowed to call this route');
  // Another tenant's ids land here too, indistinguishable from ids that do not exist.
  if (err instanceof NotFoundError) return errorResponse(404, 'NotFound', `${err.resource} not found`);
  if (err instanceof IngestionAlreadyRunningError) {
    return errorResponse(409, 'IngestionAlreadyRunning', `An ingestion is already running for this account (${err.runningIngestionId})`);
  }
  if (err instanceof AccountNotLinkedError) return errorResponse(409, 'AccountNotLinked', err.message);
  if (err instanceof RoleAssumptionError) return errorResponse(422, `RoleAssumptionFailed`, err.message, 'roleArn');
  if (err instanceof RoleVerificationUnavailableError) {
    return { ...errorResponse(503, 'RoleVerificationUnavailable', err.message, 'roleArn'), headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': '30' } };
  }
  if (err instanceof AccountMismatchError) return errorResponse(422, 'AccountMismatch', err.message, 'roleArn');
  if (isPlatformUnavailableError(err) || err instanceof TokenLookupError) {
    logger.error('Platform dependency unavailable after retries', { error: err as Error });
    return serviceUnavailableResponse();
  }
  logger.error('Unhandled error', { error: err instanceof Error ? err : new Error(String(err)) });
  return internalErrorResponse();
}

/**
 * 429 with Retry-After: this token is over its per-second limit (lambdas/events/rate-limit.ts); nothing was done, and
 * the same request may be sent after the header's seconds.
 */
export function tooManyRequestsResponse(retryAfterSeconds: number, message = 'This token sends requests faster than its limit; retry after the Retry-After seconds.'): APIGatewayProxyResult {
  const response = errorResponse(429, 'TooManyRequests', message);
  return { ...response, headers: { ...response.headers, 'Retry-After': String(retryAfterSeconds) } };
}

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * 503 with Retry-After: the platform's own storage is throttled or failing right now; nothing was written, and the
 * same request may be sent again (EventBridge retries 5xx answers for up to 24 hours).
 * https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */
export function serviceUnavailableResponse(message = 'The service is busy; nothing was stored. Try again shortly.'): APIGatewayProxyResult {
  const response = errorResponse(503, 'ServiceUnavailable', message);
  return { ...response, headers: { ...response.headers, 'Retry-After': String(RETRY_AFTER_SECONDS) } };
}
