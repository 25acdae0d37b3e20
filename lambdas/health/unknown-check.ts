import { CUSTOMER_ROLE_NAME } from '../shared/protocol';
import type { CheckName, CheckResult } from './health-model';

/**
 * A read that could not be made (AccessDenied, throttling, an unreachable region) is `unknown` with the reason, never
 * `fail`: a denied check says nothing about the pipeline itself.
 */
export function unknownCheck(check: CheckName, action: string, resource: string, reason: string): CheckResult {
  return {
    check,
    status: 'unknown',
    observed: `Could not call ${action} on ${resource}: ${reason}`,
    remedy:
      `Allow ${action} on ${resource} for the role ${CUSTOMER_ROLE_NAME} (the AQtive Guard template grants it; look for ` +
      'a service control policy, permissions boundary or a custom role that denies it). If the reason is throttling, the next check retries.',
  };
}
