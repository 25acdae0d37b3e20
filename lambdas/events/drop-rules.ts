import { isEventBridgeConnectionSecret } from './arn';
import type { AccountLink } from './event-store';
import { obj, requestOf } from './mappers/record-fields';
import { secretIdentifiersOf } from './mappers/secretsmanager';
import type { NormalizedEvent } from './normalized-event';
import { placeProblemOf } from './place-rules';

/**
 * Events the platform acknowledges but never applies, each counted in the account's EVENTSTATS item as
 * `dropped_<reason>`. The customer's rule pattern already filters most of them (lib/customer-template/event-pattern.ts); these are the
 * second line.
 */
export const DROP_REASONS = [
  'account-not-linked',
  'account-mismatch',
  'unknown-region',
  'foreign-arn',
  'future-event',
  'failed-call',
  'source-ip-apidestinations',
  'secretsmanager-decrypt-loop',
  'platform-role',
  'unsupported-event',
] as const;

export type DropReason = (typeof DROP_REASONS)[number];

/**
 * Reasons decided before the event is believed at all: such an event writes no health row, and its counter goes to
 * the tenant's `unlinked` bucket unless the account has a record (so no sequence of events can create rows for
 * accounts or Regions the tenant never linked).
 */
export const UNTRUSTED_DROPS: ReadonlySet<DropReason> = new Set(['account-not-linked', 'account-mismatch', 'unknown-region', 'foreign-arn', 'future-event']);

/**
 * Clock skew tolerated between the customer's clock (CloudTrail's eventTime, EventBridge's time) and ours. An event
 * dated later is refused and counted, not clamped: clamping would still let a forged event win every newest-wins
 * register up to the receive time, and CloudTrail never dates a record after its delivery, so nothing real is lost.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** EventBridge reading the connection's secret (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html). */
export const API_DESTINATIONS_SOURCE_IP = 'apidestinations.events.amazonaws.com';
const SECRETS_MANAGER_PRINCIPAL = 'secretsmanager.amazonaws.com';

/**
 * Calls AWS services make on a caller's behalf: CloudTrail sets `userIdentity.invokedBy` and `sourceIPAddress` to the
 * service's DNS name ("For services in AWS, only the DNS name is displayed"), values a caller cannot choose
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
 * `userAgent` is whatever the client sent, so it never decides a drop on its own.
 */
function madeBy(event: NormalizedEvent, principal: string): boolean {
  return event.detail.userIdentity?.invokedBy === principal || event.detail.sourceIPAddress === principal;
}

const madeByAwsService = (event: NormalizedEvent): boolean =>
  [event.detail.userIdentity?.invokedBy, event.detail.sourceIPAddress].some((v) => typeof v === 'string' && v.endsWith('.amazonaws.com'));

/** The event claims a time later than we received it, beyond the tolerated skew. */
export function isFromTheFuture(event: Pick<NormalizedEvent, 'eventTime' | 'envelopeTime' | 'receivedAt'>): boolean {
  const limit = Date.parse(event.receivedAt) + MAX_CLOCK_SKEW_MS;
  return [event.eventTime, event.envelopeTime].some((t) => !(Date.parse(t) <= limit));
}

/**
 * Decides whether an event is dropped, in this order: place and tenant isolation first (recipient ≠ sender, an account
 * not linked to the token's tenant, an unknown Region or an ARN of another account — place-rules.ts), then time
 * (MAX_CLOCK_SKEW_MS), then failed calls, then the forwarding loop and
 * EventBridge's own connection secret, then the platform's own calls (the crawler's reads through the customer role).
 */
export function dropReasonOf(event: NormalizedEvent, account: AccountLink | undefined): DropReason | undefined {
  const misplaced = placeProblemOf(event);
  if (misplaced === 'account-mismatch') return misplaced;
  if (!account || account.status !== 'LINKED') return 'account-not-linked';
  if (misplaced) return misplaced;
  if (isFromTheFuture(event)) return 'future-event';
  const detail = event.detail;
  if (detail.errorCode) return 'failed-call';
  if (madeBy(event, API_DESTINATIONS_SOURCE_IP)) return 'source-ip-apidestinations';
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
    return madeBy(event, SECRETS_MANAGER_PRINCIPAL) && Object.values(context ?? {}).some(isEventBridgeConnectionSecret);
  }
  // A person reading or changing the connection secret (it holds the uploader token) is exactly what must be seen:
  // only AWS services' own calls on it are plumbing.
  if (!madeByAwsService(event)) return false;
  if (event.eventSource === 'secretsmanager.amazonaws.com') return secretIdentifiersOf(event).some(isEventBridgeConnectionSecret);
  return event.envelopeResources.some(isEventBridgeConnectionSecret);
}
