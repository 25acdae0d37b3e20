/**
 * Classifies AWS SDK v3 errors by their error code (`error.name`), the only stable signal across protocols.
 * Codes: https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html and each service's API reference.
 */

export function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; Code?: unknown; code?: unknown };
    for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string' && v !== 'Error') return v;
  }
  return 'UnknownError';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedException']);

/**
 * What a Region that is not enabled (opt-in, never activated) answers: the security token is not recognised there.
 * JSON services: UnrecognizedClientException; STS/IAM: InvalidClientTokenId; EC2: AuthFailure; STS in a Region that
 * is not active for the calling account: RegionDisabledException.
 * https://repost.aws/knowledge-center/iam-validate-access-credentials
 */
const NOT_ENABLED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure', 'RegionDisabledException']);

const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);

export const isThrottlingError = (err: unknown): boolean => THROTTLING.has(errorCode(err));
export const isAccessDeniedError = (err: unknown): boolean => ACCESS_DENIED.has(errorCode(err));
export const isNotEnabledError = (err: unknown): boolean => NOT_ENABLED.has(errorCode(err));
export const isExpiredCredentialsError = (err: unknown): boolean => EXPIRED.has(errorCode(err));
