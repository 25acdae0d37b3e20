import { isEventBridgeConnectionSecret } from './arn';
import type { AccountLink } from './event-store';
import { obj, requestOf } from './mappers/record-fields';
import { secretIdentifiersOf } from './mappers/secretsmanager';
import type { NormalizedEvent } from './normalized-event';

/**
 * Events the platform acknowledges but never applies, each counted in the account's EVENTSTATS item as
 * `dropped_<reason>`. The customer's rule pattern already filters most of them (lib/customer-template/event-pattern.ts); these are the
 * second line.
 */
export const DROP_REASONS = [
  'account-not-linked',
  'failed-call',
  'source-ip-apidestinations',
  'secretsmanager-decrypt-loop',
  'platform-role',
  'unsupported-event',
] as const;

export type DropReason = (typeof DROP_REASONS)[number];

/** EventBridge reading the connection's secret (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html). */
export const API_DESTINATIONS_SOURCE_IP = 'apidestinations.events.amazonaws.com';
const SECRETS_MANAGER_PRINCIPAL = 'secretsmanager.amazonaws.com';

/**
 * Decides whether an event is dropped, in this order: tenant isolation first (an event from an account that is not
 * linked to the token's tenant is never looked at further), then failed calls, then the forwarding loop and
 * EventBridge's own connection secret, then the platform's own calls (the crawler's reads through the customer role).
 */
export function dropReasonOf(event: NormalizedEvent, account: AccountLink | undefined): DropReason | undefined {
  if (!account || account.status !== 'LINKED') return 'account-not-linked';
  const detail = event.detail;
  if (detail.errorCode) return 'failed-call';
  if (detail.sourceIPAddress === API_DESTINATIONS_SOURCE_IP || detail.userAgent === API_DESTINATIONS_SOURCE_IP) return 'source-ip-apidestinations';
  if (touchesConnectionSecret(event)) return 'secretsmanager-decrypt-loop';
  const issuer = detail.userIdentity?.sessionContext?.sessionIssuer?.arn;
  if (account.roleArn && issuer === account.roleArn) return 'platform-role';
  return undefined;
}

/**
 * The forwarding loop (docs/architecture.md, "Loop prevention"): Secrets Manager decrypting an `events!connection/…` secret for EventBridge (a KMS Decrypt
 * with `invokedBy` secretsmanager.amazonaws.com and the secret in the encryption context), and any other event about
 * such a secret — platform plumbing, never a customer asset.
 */
function touchesConnectionSecret(event: NormalizedEvent): boolean {
  if (event.eventSource === 'kms.amazonaws.com') {
    const context = obj(requestOf(event), 'encryptionContext');
    const byService = event.detail.userIdentity?.invokedBy === SECRETS_MANAGER_PRINCIPAL || event.detail.sourceIPAddress === SECRETS_MANAGER_PRINCIPAL;
    return byService && Object.values(context ?? {}).some(isEventBridgeConnectionSecret);
  }
  if (event.eventSource === 'secretsmanager.amazonaws.com') return secretIdentifiersOf(event).some(isEventBridgeConnectionSecret);
  return event.envelopeResources.some(isEventBridgeConnectionSecret);
}
