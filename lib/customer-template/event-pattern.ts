/**
 * The event pattern of the rule `AQtiveGuardFilteredEventsRule`: which CloudTrail events the customer's account
 * forwards to AQtive Guard. Pure data, no CDK: the stack embeds it and the tests match AWS sample records against it.
 *
 * Shape (operators: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html):
 * a top-level `$or` of one branch per group of sources; the CloudTrail branches are restricted to successful calls
 * (`errorCode` absent) of the explicit list of event names the processor maps, so the crawler's own List/Describe/Get
 * calls never come back. The serialized
 * pattern must stay within the 2,048-character "Event pattern size" quota
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html).
 */

import {
  CLOUDTRAIL_CATALOGUE,
  TAG_CHANGE_DETAIL_TYPE,
  TAG_CHANGE_SERVICES,
  VERSIONED_NAME_SOURCES,
  type CatalogueEntry,
} from '../../lambdas/events/mappers/event-names';

/** Event-name matcher: an exact name or a documented `prefix` / `suffix` operator. */
export type EventNameMatcher = string | { readonly prefix: string } | { readonly suffix: string };

export interface EventPatternOptions {
  /** Include the calls that reveal who uses a key, certificate, secret or parameter (Decrypt, GetSecretValue, …). */
  readonly forwardUsageEvents: boolean;
}

export const CLOUDTRAIL_DETAIL_TYPES = ['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail'] as const;
export { TAG_CHANGE_DETAIL_TYPE, TAG_CHANGE_SERVICES };

/** ACM's own events ("ACM Certificate Approaching Expiration", "… Expired", "… Available", "… Renewal Action Required"). */
export const ACM_NATIVE_DETAIL_TYPE_PREFIX = 'ACM Certificate';

/**
 * EventBridge reads the connection's own `events!connection/…` secret on every delivery; CloudTrail records that
 * read with this service DNS name as `sourceIPAddress`. The EventBridge docs require dropping it to avoid a loop
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
 */
export const API_DESTINATIONS_CALLER = 'apidestinations.events.amazonaws.com';

/**
 * That secret read makes Secrets Manager call KMS (Decrypt, GenerateDataKey) on the caller's behalf, recorded with
 * `sourceIPAddress`/`invokedBy` `secretsmanager.amazonaws.com`
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html). Forwarding that Decrypt
 * would cause the next delivery, hence the next read. Such KMS calls are redundant with the Secrets Manager call
 * that caused them, so they are dropped — for KMS events only: Secrets Manager's own rotation outcomes come from the
 * same address and must still arrive.
 */
export const SECRETS_MANAGER_CALLER = 'secretsmanager.amazonaws.com';

/**
 * The names the rule forwards are the processor's catalogue (`lambdas/events/mappers/event-names.ts`): one list, so
 * the rule never forwards an event no mapper handles (paid for by the customer, then dropped) and no mapper waits for
 * an event the rule never sends. To fit the size quota, catalogue names that share a prefix or suffix below are
 * written as one `prefix` / `suffix` matcher — only where it covers two or more names of the branch, and only with a
 * shape no other known event of the branch's sources has (test/unit/event-catalogue.test.ts checks that the
 * crawler's own reads and the known siblings stay out).
 */
export const NAME_MATCHERS: readonly Exclude<EventNameMatcher, string>[] = [
  { prefix: 'EnableKey' }, // EnableKey, EnableKeyRotation
  { prefix: 'DisableKey' }, // DisableKey, DisableKeyRotation
  { prefix: 'RotateKey' }, // RotateKey (automatic rotation, AwsServiceEvent), RotateKeyOnDemand
  { suffix: 'KeyMaterial' }, // ImportKeyMaterial, DeleteImportedKeyMaterial, DeleteExpiredKeyMaterial (service event)
  { suffix: 'Alias' }, // CreateAlias, UpdateAlias, DeleteAlias
  { prefix: 'AddTagsTo' }, // ACM AddTagsToCertificate, SSM AddTagsToResource
  { prefix: 'RemoveTagsFrom' }, // ACM RemoveTagsFromCertificate, SSM RemoveTagsFromResource
  { prefix: 'Rotation' }, // Secrets Manager RotationSucceeded/Failed/Abandoned/Started (AwsServiceEvent)
  { prefix: 'DeleteParameter' }, // DeleteParameter, DeleteParameters
  { prefix: 'GenerateDataKey' }, // GenerateDataKey, …WithoutPlaintext, …Pair, …PairWithoutPlaintext
  // Classic ELB CreateLoadBalancer, CreateLoadBalancerListeners (sSLCertificateId). Also matches the rare
  // CreateLoadBalancerPolicy, forwarded knowingly (allow-listed in the catalogue test).
  { prefix: 'CreateLoadBalancer' },
];

/** Whether a name matcher accepts an event name (exact, `prefix` or `suffix`, case-sensitive as EventBridge). */
export function nameMatches(matcher: EventNameMatcher, name: string): boolean {
  if (typeof matcher === 'string') return matcher === name;
  return 'prefix' in matcher ? name.startsWith(matcher.prefix) : name.endsWith(matcher.suffix);
}

/**
 * The catalogue names of one branch as pattern values: versioned names (Lambda, CloudFront) by prefix; names of which
 * two or more share a matcher of NAME_MATCHERS by that matcher; the rest exactly; no duplicates.
 */
export function compactEventNames(entries: readonly CatalogueEntry[]): EventNameMatcher[] {
  const isVersioned = (e: CatalogueEntry) => VERSIONED_NAME_SOURCES.includes(e.eventSource);
  const exact = entries.filter((e) => !isVersioned(e)).flatMap((e) => e.names);
  const versioned = entries.filter(isVersioned).flatMap((e) => e.names);
  const out: EventNameMatcher[] = [];
  const seen = new Set<string>();
  const push = (m: EventNameMatcher) => {
    const key = JSON.stringify(m);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  };
  for (const name of exact) {
    push(NAME_MATCHERS.find((m) => nameMatches(m, name) && exact.filter((n) => nameMatches(m, n)).length >= 2) ?? name);
  }
  // A versioned name already covered by a shorter one's prefix (CreateDistribution covers CreateDistributionWithTags).
  for (const name of versioned) {
    if (!versioned.some((other) => other !== name && name.startsWith(other))) push({ prefix: name });
  }
  return out;
}

type PatternValue = string | Record<string, unknown>;

function cloudTrailBranch(entries: readonly CatalogueEntry[], droppedCallers: readonly string[]): Record<string, unknown> {
  return {
    source: [...new Set(entries.map((e) => e.source))],
    detail: {
      eventName: compactEventNames(entries).map((n): PatternValue => (typeof n === 'string' ? n : { ...n })),
      // Failed calls are delivered too (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
      errorCode: [{ exists: false }],
      // `anything-but` never matches a missing field; sourceIPAddress is always present in CloudTrail records
      // ("Optional: False" on the record-contents page above), so this drops only the named callers.
      sourceIPAddress: [{ 'anything-but': [...droppedCallers] }],
    },
  };
}

/** Builds the rule's event pattern. */
export function buildEventPattern(options: EventPatternOptions): Record<string, unknown> {
  const branches: Record<string, unknown>[] = [
    // Mutations of the four asset services, including Secrets Manager rotation outcomes and KMS service events (whose
    // caller is the service itself): only the API-destination caller is dropped here.
    cloudTrailBranch(
      CLOUDTRAIL_CATALOGUE.filter((e) => e.kind === 'mutation'),
      [API_DESTINATIONS_CALLER],
    ),
  ];
  if (options.forwardUsageEvents) {
    // Usage of keys, certificates, secrets and parameters, and the resources that attach keys and certificates,
    // minus the calls AWS makes on the connection's behalf (the names of the two groups do not overlap).
    branches.push(
      cloudTrailBranch(
        CLOUDTRAIL_CATALOGUE.filter((e) => e.kind === 'usage'),
        [API_DESTINATIONS_CALLER, SECRETS_MANAGER_CALLER],
      ),
    );
  }
  branches.push({ source: ['aws.tag'], detail: { service: [...TAG_CHANGE_SERVICES] } });
  // ACM's own certificate events (https://docs.aws.amazon.com/acm/latest/userguide/supported-events.html): not
  // CloudTrail records, and few (expiry notices are daily per certificate at most).
  branches.push({ source: ['aws.acm'], 'detail-type': [{ prefix: ACM_NATIVE_DETAIL_TYPE_PREFIX }] });
  return {
    'detail-type': [...CLOUDTRAIL_DETAIL_TYPES, TAG_CHANGE_DETAIL_TYPE, { prefix: ACM_NATIVE_DETAIL_TYPE_PREFIX }],
    $or: branches,
  };
}

/** EventBridge's "Event pattern size" quota, in characters of the serialized pattern. */
export const EVENT_PATTERN_MAX_LENGTH = 2048;
