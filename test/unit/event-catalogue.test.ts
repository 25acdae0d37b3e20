/**
 * One truth for which CloudTrail events matter: the customer rule's pattern (lib/customer-template/event-pattern.ts)
 * against the processor's mappers (lambdas/events/mappers). An event the rule forwards but no mapper handles is paid
 * for by the customer and dropped as `unsupported-event`; an event a mapper handles but the rule never forwards is dead
 * code. Both directions are checked here with the test matcher (test/support/event-pattern-matcher.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_DESTINATIONS_CALLER,
  SECRETS_MANAGER_CALLER,
  buildEventPattern,
  EVENT_PATTERN_MAX_LENGTH,
  nameMatches,
  type EventNameMatcher,
} from '../../lib/customer-template/event-pattern';
import { dropReasonOf } from '../../lambdas/events/drop-rules';
import { queuedEventSchema } from '../../lambdas/events/envelope';
import { HANDLED_EVENTS, mapEvent } from '../../lambdas/events/mappers';
import { ACM_NATIVE_DETAIL_TYPES, CLOUDTRAIL_CATALOGUE, TAG_CHANGE_SERVICES, VERSIONED_NAME_SOURCES, type CatalogueEntry } from '../../lambdas/events/mappers/event-names';
import { normalizeEvent } from '../../lambdas/events/normalized-event';
import { matchesEventPattern } from '../support/event-pattern-matcher';

type Json = Record<string, unknown>;

const USAGE_ON = buildEventPattern({ forwardUsageEvents: true });
const USAGE_OFF = buildEventPattern({ forwardUsageEvents: false });

/** A real event name of a versioned source: Lambda `…20150331`, CloudFront `…2020_05_31`. */
function wireName(eventSource: string, name: string): string {
  if (eventSource === 'lambda.amazonaws.com') return `${name}20150331${name === 'UpdateFunctionConfiguration' ? 'v2' : ''}`;
  if (eventSource === 'cloudfront.amazonaws.com') return `${name}2020_05_31`;
  return name;
}

/** The smallest well-formed EventBridge envelope of a CloudTrail record with this source and name. */
function cloudTrailEnvelope(entry: Pick<CatalogueEntry, 'eventSource' | 'source' | 'serviceEvents'>, name: string, detail: Json = {}): Json {
  const serviceEvent = entry.serviceEvents?.includes(name) ?? false;
  return {
    version: '0',
    id: '00000000-0000-0000-0000-00000000c0de',
    'detail-type': serviceEvent ? 'AWS Service Event via CloudTrail' : 'AWS API Call via CloudTrail',
    source: entry.source,
    account: '111122223333',
    time: '2024-07-01T00:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: serviceEvent
        ? { accountId: '111122223333', invokedBy: entry.eventSource }
        : { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/App/session', accountId: '111122223333' },
      eventTime: '2024-07-01T00:00:00Z',
      eventSource: entry.eventSource,
      eventName: name,
      awsRegion: 'eu-west-1',
      sourceIPAddress: serviceEvent ? entry.eventSource : '198.51.100.7',
      userAgent: 'aws-sdk-js/3',
      requestParameters: null,
      responseElements: null,
      eventID: '00000000-0000-0000-0000-0000000e0e0e',
      readOnly: false,
      eventType: serviceEvent ? 'AwsServiceEvent' : 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '111122223333',
      ...detail,
    },
  };
}

const rows = CLOUDTRAIL_CATALOGUE.flatMap((entry) => entry.names.map((name) => ({ entry, name, kind: entry.kind })));

describe('every event the processor maps is forwarded by the rule', () => {
  it.each(rows.map((r) => [r.entry.eventSource, r.name, r.kind, r.entry] as const))('%s %s (%s)', (eventSource, name, kind, entry) => {
    // GIVEN a minimal CloudTrail envelope with that source and name, as AWS spells the name on the wire
    const envelope = cloudTrailEnvelope(entry, wireName(eventSource, name));
    // THEN usage on forwards it; usage off forwards mutations only
    expect(matchesEventPattern(USAGE_ON, envelope)).toBe(true);
    expect(matchesEventPattern(USAGE_OFF, envelope)).toBe(kind === 'mutation');
    // AND the processor dispatches it (listed for its source)
    expect(HANDLED_EVENTS[eventSource]).toContain(name);
  });

  it.each(TAG_CHANGE_SERVICES)('aws.tag "Tag Change on Resource" for %s', (service) => {
    const envelope = {
      version: '0',
      id: 'e',
      'detail-type': 'Tag Change on Resource',
      source: 'aws.tag',
      account: '111122223333',
      time: '2024-07-01T00:00:00Z',
      region: 'eu-west-1',
      resources: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      detail: { 'changed-tag-keys': ['team'], service, 'resource-type': 'key', version: 1, tags: { team: 'payments' } },
    };
    expect(matchesEventPattern(USAGE_ON, envelope)).toBe(true);
    expect(matchesEventPattern(USAGE_OFF, envelope)).toBe(true);
    expect(HANDLED_EVENTS['aws.tag']).toEqual(['Tag Change on Resource']);
  });

  it.each(ACM_NATIVE_DETAIL_TYPES)('aws.acm "%s"', (detailType) => {
    const envelope = {
      version: '0',
      id: 'e',
      'detail-type': detailType,
      source: 'aws.acm',
      account: '111122223333',
      time: '2024-07-01T00:00:00Z',
      region: 'eu-west-1',
      resources: ['arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'],
      detail: { DaysToExpiry: 31, CommonName: 'example.com' },
    };
    expect(matchesEventPattern(USAGE_ON, envelope)).toBe(true);
    expect(matchesEventPattern(USAGE_OFF, envelope)).toBe(true);
    expect(HANDLED_EVENTS['aws.acm']).toContain(detailType);
  });

  it('HANDLED_EVENTS lists nothing beyond the catalogue, the tag change and ACM events', () => {
    const fromCatalogue = new Set(rows.map((r) => `${r.entry.eventSource} ${r.name}`));
    const listed = Object.entries(HANDLED_EVENTS)
      .filter(([source]) => source !== 'aws.tag' && source !== 'aws.acm')
      .flatMap(([source, names]) => names.map((n) => `${source} ${n}`));
    expect(listed.filter((x) => !fromCatalogue.has(x))).toEqual([]);
  });
});

/**
 * Names a prefix/suffix matcher of the pattern also accepts although no mapper handles them: forwarded on purpose,
 * because listing the mapped names exactly would not fit the 2,048-character quota (or, for versioned names, is not
 * possible). Each is a rare control-plane call, so the cost to the customer is negligible; the processor acknowledges
 * and counts them as `unsupported-event`.
 */
const FORWARDED_WITHOUT_MAPPER: Readonly<Record<string, string>> = {
  CreateLoadBalancerPolicy: 'classic ELB policy, no certificate; shares the CreateLoadBalancer prefix',
  CreateDistributionTenant: 'CloudFront multi-tenant distribution; shares the CreateDistribution prefix',
  UpdateDistributionTenant: 'CloudFront multi-tenant distribution; shares the UpdateDistribution prefix',
  UpdateDistributionWithStagingConfig: 'CloudFront staging promotion (no distributionConfig in the request); shares the UpdateDistribution prefix',
};

/** Real event names of the forwarded sources that share a matcher's prefix or suffix (the known siblings). */
const KNOWN_SIBLINGS: readonly string[] = Object.keys(FORWARDED_WITHOUT_MAPPER);

interface Branch {
  readonly source: readonly string[];
  readonly detail: { readonly eventName: readonly EventNameMatcher[] };
}

function cloudTrailBranches(pattern: Json): Branch[] {
  return (pattern.$or as Json[]).filter((b) => (b.detail as Json | undefined)?.eventName !== undefined) as unknown as Branch[];
}

const handledFor = (sources: readonly string[]) =>
  CLOUDTRAIL_CATALOGUE.filter((e) => sources.includes(e.source)).flatMap((e) => e.names.map((n) => ({ entry: e, name: n })));

describe('every event the rule forwards is mapped by the processor', () => {
  const branches = cloudTrailBranches(USAGE_ON);
  const matchers = branches.flatMap((b) => b.detail.eventName.map((m) => ({ matcher: m, sources: b.source })));

  it('the pattern has the mutation and the usage CloudTrail branches', () => expect(branches).toHaveLength(2));

  it.each(matchers.map((m) => [JSON.stringify(m.matcher), m] as const))('%s', (_label, { matcher, sources }) => {
    const handled = handledFor(sources);
    if (typeof matcher === 'string') {
      // An exact name is mapped for at least one source of its branch.
      expect(handled.map((h) => h.name)).toContain(matcher);
      return;
    }
    // A prefix or suffix: the catalogue names it stands for (their wire spelling) are the representatives …
    const represented = handled.filter((h) => nameMatches(matcher, wireName(h.entry.eventSource, h.name)));
    expect(represented.length).toBeGreaterThanOrEqual(1);
    // … and a prefix/suffix of exact (unversioned) names stands for two or more of them, else it should be the name.
    const unversioned = represented.filter((h) => !VERSIONED_NAME_SOURCES.includes(h.entry.eventSource));
    if (unversioned.length > 0) expect(unversioned.length).toBeGreaterThanOrEqual(2);
    // Known siblings it also accepts must be allow-listed with a reason.
    const siblings = KNOWN_SIBLINGS.filter((n) => nameMatches(matcher, n) && !handled.some((h) => h.name === n));
    for (const sibling of siblings) expect([sibling, FORWARDED_WITHOUT_MAPPER[sibling]]).toEqual([sibling, expect.any(String)]);
  });

  it('every allow-listed name is really accepted by a matcher (no stale entries)', () => {
    for (const name of Object.keys(FORWARDED_WITHOUT_MAPPER)) {
      expect([name, matchers.some(({ matcher }) => typeof matcher !== 'string' && nameMatches(matcher, name))]).toEqual([name, true]);
    }
  });

  it('the aws.tag branch covers exactly the services the tag mapper handles', () => {
    const tagBranch = (USAGE_ON.$or as Json[]).find((b) => (b.source as string[])[0] === 'aws.tag') as { detail: { service: string[] } };
    expect(tagBranch.detail.service).toEqual([...TAG_CHANGE_SERVICES]);
  });
});

describe('what the rule must never forward', () => {
  // The crawler's own reads through AQtiveGuardReadOnlyAccessRole (lib/customer-template/role-actions.ts), and other
  // read-only calls of the asset services that share a name shape with forwarded ones.
  const READS: Record<string, string[]> = {
    'kms.amazonaws.com': ['ListKeys', 'ListAliases', 'DescribeKey', 'GetKeyPolicy', 'GetKeyRotationStatus', 'ListResourceTags', 'GetParametersForImport', 'GenerateRandom'],
    'acm.amazonaws.com': ['ListCertificates', 'DescribeCertificate', 'GetCertificate', 'ListTagsForCertificate'],
    'secretsmanager.amazonaws.com': ['ListSecrets', 'DescribeSecret', 'ListSecretVersionIds', 'BatchGetSecretValue'],
    'ssm.amazonaws.com': ['DescribeParameters', 'ListTagsForResource', 'GetParametersByPath', 'GetParameterHistory'],
    'sts.amazonaws.com': ['GetCallerIdentity'],
  };
  it.each(Object.entries(READS).flatMap(([eventSource, names]) => names.map((n) => [eventSource, n] as const)))('%s %s', (eventSource, name) => {
    const envelope = cloudTrailEnvelope({ eventSource, source: `aws.${eventSource.split('.')[0]}` }, name, { readOnly: true });
    expect(matchesEventPattern(USAGE_ON, envelope)).toBe(false);
  });

  it('a mapped event made by the API destination itself, or that failed, is not forwarded', () => {
    const entry = CLOUDTRAIL_CATALOGUE.find((e) => e.eventSource === 'secretsmanager.amazonaws.com' && e.kind === 'usage')!;
    expect(matchesEventPattern(USAGE_ON, cloudTrailEnvelope(entry, 'GetSecretValue', { sourceIPAddress: API_DESTINATIONS_CALLER }))).toBe(false);
    expect(matchesEventPattern(USAGE_ON, cloudTrailEnvelope(entry, 'GetSecretValue', { errorCode: 'AccessDenied' }))).toBe(false);
    expect(matchesEventPattern(USAGE_ON, cloudTrailEnvelope(entry, 'GetSecretValue'))).toBe(true);
  });

  it('stays within the 2,048-character quota both ways', () => {
    expect(JSON.stringify(USAGE_ON).length).toBeLessThanOrEqual(EVENT_PATTERN_MAX_LENGTH);
    expect(JSON.stringify(USAGE_OFF).length).toBeLessThanOrEqual(EVENT_PATTERN_MAX_LENGTH);
  });
});

describe('the fixture corpus agrees with the rule', () => {
  const FIXTURES = join(__dirname, '..', 'fixtures', 'cloudtrail');
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it.each(files)('%s: applied by the processor ⇔ forwarded by the rule (usage on)', (file) => {
    // GIVEN a corpus record as the processor sees it (linked account, not the platform's role)
    const envelope = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')).event as Json;
    const event = normalizeEvent(queuedEventSchema.parse({ tenantId: 't', receivedAt: '2024-07-01T00:00:00.000Z', envelope }));
    const dropped = dropReasonOf(event, { status: 'LINKED' });
    // A secret named only by name is resolved by the processor from the inventory; any ARN stands in for it here.
    const applied = !dropped && mapEvent(event, { resolvedSecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-AbCdEf' }).kind === 'changes';
    const forwarded = matchesEventPattern(USAGE_ON, envelope);
    // The one difference by design: KMS calls Secrets Manager makes on a caller's behalf are dropped by the rule (the
    // forwarding loop of docs/architecture.md, and redundant with the GetSecretValue that caused them); the processor still maps a
    // non-connection one (from a template that forwarded it) as a usage of the key by the secret.
    const bySecretsManager = event.eventSource === 'kms.amazonaws.com' && event.detail.sourceIPAddress === SECRETS_MANAGER_CALLER;
    // THEN what the processor would apply, the rule forwards; what the rule forwards, the processor applies or drops
    // for a reason of its own (a failed call never reaches it; the platform role's calls look like anyone's to the rule)
    if (applied && !bySecretsManager) expect(forwarded).toBe(true);
    if (forwarded) expect([file, applied || dropped !== undefined]).toEqual([file, true]);
  });
});
