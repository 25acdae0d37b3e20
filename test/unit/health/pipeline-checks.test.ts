import { ConnectionState, RuleState } from '@aws-sdk/client-eventbridge';
import { connectionCheck } from '../../../lambdas/health/connection-check';
import { compareVersions, deliveryCheck } from '../../../lambdas/health/delivery-check';
import { destinationCheck } from '../../../lambdas/health/destination-check';
import type { Observation } from '../../../lambdas/health/eventbridge-observations';
import { type AccountHealthReport, type CheckStatus, worstStatus } from '../../../lambdas/health/health-model';
import { failingRegionCount, healthTransitions, pipelineSummary } from '../../../lambdas/health/health-transitions';
import { eventWindowStart, type RegionEventDay, regionEventCounts } from '../../../lambdas/health/region-event-counts';
import { ruleCheck } from '../../../lambdas/health/rule-check';
import { targetCheck } from '../../../lambdas/health/target-check';

const found = <T>(value: T): Observation<T> => ({ outcome: 'found', value });
const missing: Observation<never> = { outcome: 'missing', message: 'ResourceNotFoundException' };
const denied: Observation<never> = { outcome: 'unknown', reason: 'AccessDeniedException: explicit deny in a service control policy' };
const throttled: Observation<never> = { outcome: 'unknown', reason: 'ThrottlingException: Rate exceeded' };

const RULE = 'AQtiveGuardFilteredEventsRule';
const DEST = 'AQGAWSDestinationApiRoute';
const CONN = 'AQGAWSConnectionKey';
const ACCOUNT = '111122223333';
const destArn = (region: string) => `arn:aws:events:${region}:${ACCOUNT}:api-destination/${DEST}/0f6b7a2e-1c1e-4b44-9d6a-1a2b3c4d5e6f`;
const connArn = `arn:aws:events:us-east-1:${ACCOUNT}:connection/${CONN}/5d1e2f3a-aaaa-bbbb-cccc-111122223333`;
const ENDPOINT = 'https://api.example.com/v1/data-sources/aws/events';

describe('rule check (DescribeRule State: every documented value)', () => {
  it.each([
    [RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, 'pass'],
    [RuleState.ENABLED, 'warn'],
    [RuleState.DISABLED, 'fail'],
  ])('%s → %s', (state, status) => {
    const result = ruleCheck('eu-west-1', RULE, found({ name: RULE, state }));
    expect(result).toMatchObject({ check: 'rule', status });
    expect(result.observed).toContain(state);
  });

  it('ENABLED is degraded: read-only events (the usage edges) are missing, and the console cannot fix it', () => {
    const result = ruleCheck('eu-west-1', RULE, found({ name: RULE, state: 'ENABLED' }));
    expect(result.observed).toMatch(/read-only events/);
    expect(result.remedy).toMatch(/Update the AQtive Guard stack/);
    expect(result.remedy).toContain('ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
  });

  it('DISABLED names the console path and warns that enabling there is not enough', () => {
    const result = ruleCheck('eu-west-1', RULE, found({ name: RULE, state: 'DISABLED' }));
    expect(result.remedy).toContain(`EventBridge console → Rules → default bus → ${RULE}`);
    expect(result.remedy).toMatch(/only gives ENABLED/);
  });

  it('a missing rule fails and asks to deploy the template in that region', () => {
    expect(ruleCheck('ap-southeast-2', RULE, missing)).toMatchObject({ status: 'fail', remedy: expect.stringMatching(/Deploy the AQtive Guard template in ap-southeast-2/) });
  });

  it.each([
    ['access denied', denied],
    ['throttling', throttled],
  ])('%s → unknown with the reason, never fail', (_name, observation) => {
    const result = ruleCheck('eu-west-1', RULE, observation);
    expect(result.status).toBe('unknown');
    expect(result.observed).toContain(observation.outcome === 'unknown' ? observation.reason : '');
    expect(result.remedy).toContain('events:DescribeRule');
  });
});

describe('target check (ListTargetsByRule)', () => {
  const base = { region: 'us-east-1', accountId: ACCOUNT, ruleName: RULE, apiDestinationName: DEST };

  it('primary: the API destination of this region passes', () => {
    expect(targetCheck({ ...base, targets: found([{ id: 'AQGApiDestination', arn: destArn('us-east-1') }]) }).status).toBe('pass');
  });

  it('primary: another API destination fails', () => {
    const other = `arn:aws:events:us-east-1:${ACCOUNT}:api-destination/SomethingElse/abc`;
    expect(targetCheck({ ...base, targets: found([{ id: 'x', arn: other }]) })).toMatchObject({ status: 'fail', observed: expect.stringContaining(other) });
  });

  it('forwarder: the default bus of a region that has the API destination passes', () => {
    const result = targetCheck({
      ...base,
      region: 'eu-west-1',
      targets: found([{ id: 'AQGPrimaryRegionEventBus', arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default` }]),
      primaryDestination: () => found({ name: DEST, state: 'ACTIVE' }),
    });
    expect(result).toMatchObject({ status: 'pass', observed: expect.stringContaining('us-east-1') });
  });

  it('forwarder pointing at a region without the API destination: the PrimaryRegion stack is missing', () => {
    const result = targetCheck({
      ...base,
      region: 'eu-west-1',
      targets: found([{ id: 'AQGPrimaryRegionEventBus', arn: `arn:aws:events:eu-central-1:${ACCOUNT}:event-bus/default` }]),
      primaryDestination: (r) => (r === 'eu-central-1' ? missing : undefined),
    });
    expect(result.status).toBe('fail');
    expect(result.observed).toMatch(/PrimaryRegion stack is missing/);
    expect(result.remedy).toMatch(/Deploy the template in eu-central-1/);
  });

  it('forwarder to its own region never leaves it', () => {
    const result = targetCheck({ ...base, region: 'eu-west-1', targets: found([{ id: 'x', arn: `arn:aws:events:eu-west-1:${ACCOUNT}:event-bus/default` }]) });
    expect(result.status).toBe('fail');
  });

  it('no target fails; a missing rule fails; denied is unknown', () => {
    expect(targetCheck({ ...base, targets: found([]) })).toMatchObject({ status: 'fail', observed: expect.stringMatching(/no target/) });
    expect(targetCheck({ ...base, targets: missing }).status).toBe('fail');
    expect(targetCheck({ ...base, targets: denied }).status).toBe('unknown');
  });
});

describe('destination check (DescribeApiDestination ApiDestinationState: ACTIVE | INACTIVE)', () => {
  const active = { name: DEST, state: 'ACTIVE', connectionArn: connArn, invocationEndpoint: ENDPOINT };

  it('ACTIVE with this deployment’s endpoint passes', () => {
    expect(destinationCheck('us-east-1', DEST, found(active), ENDPOINT).status).toBe('pass');
  });

  it('INACTIVE fails', () => {
    expect(destinationCheck('us-east-1', DEST, found({ ...active, state: 'INACTIVE' }), ENDPOINT)).toMatchObject({ status: 'fail', observed: expect.stringContaining('INACTIVE') });
  });

  it('a stale endpoint (after a platform move) fails and says to download the template again', () => {
    const stale = destinationCheck('us-east-1', DEST, found({ ...active, invocationEndpoint: 'https://old.example.com/v1/data-sources/aws/events' }), ENDPOINT);
    expect(stale.status).toBe('fail');
    expect(stale.observed).toContain('https://old.example.com');
    expect(stale.remedy).toMatch(/Download cloudformation-template.json again/);
  });

  it('without a known endpoint the endpoint is not compared', () => {
    expect(destinationCheck('us-east-1', DEST, found({ ...active, invocationEndpoint: 'https://elsewhere' }), undefined).status).toBe('pass');
  });

  it('deleted fails with the stack update; denied is unknown', () => {
    expect(destinationCheck('us-east-1', DEST, missing, ENDPOINT)).toMatchObject({ status: 'fail', remedy: expect.stringMatching(/recreates/) });
    expect(destinationCheck('us-east-1', DEST, denied, ENDPOINT).status).toBe('unknown');
  });
});

describe('connection check (DescribeConnection ConnectionState: every documented value)', () => {
  const states = Object.values(ConnectionState);

  it('covers the SDK’s whole enum', () => {
    expect(states).toEqual(expect.arrayContaining(['AUTHORIZED', 'DEAUTHORIZED', 'AUTHORIZING', 'DEAUTHORIZING', 'CREATING', 'UPDATING', 'DELETING', 'ACTIVE', 'FAILED_CONNECTIVITY']));
  });

  it.each(states.map((s) => [s, s === 'AUTHORIZED' ? 'pass' : 'fail']))('%s → %s', (state, status) => {
    const result = connectionCheck('us-east-1', CONN, found({ name: CONN, arn: connArn, state, stateReason: `reason for ${state}` }), connArn);
    expect(result.status).toBe(status);
    if (status === 'fail') expect(result.observed).toContain(`reason for ${state}`);
  });

  it('DEAUTHORIZED: the re-authentication steps (API key named X-API-Key, an Uploader token) and AWS’s StateReason', () => {
    const result = connectionCheck('us-east-1', CONN, found({ name: CONN, arn: connArn, state: 'DEAUTHORIZED', stateReason: 'Received 401 from endpoint' }), connArn);
    expect(result.observed).toContain('Received 401 from endpoint');
    expect(result.remedy).toContain('X-API-Key');
    expect(result.remedy).toMatch(/Uploader permission/);
    expect(result.remedy).toContain(`EventBridge console → Integration → Connections → ${CONN}`);
  });

  it('a destination using another connection fails; missing fails; denied is unknown', () => {
    expect(connectionCheck('us-east-1', CONN, found({ name: CONN, arn: connArn, state: 'AUTHORIZED' }), `${connArn}-other`).status).toBe('fail');
    expect(connectionCheck('us-east-1', CONN, missing, undefined).status).toBe('fail');
    expect(connectionCheck('us-east-1', CONN, throttled, undefined).status).toBe('unknown');
  });
});

describe('delivery check', () => {
  const healthy = { region: 'eu-west-1', currentTemplateVersion: '1.2.0', eventBridgeHealthy: true };

  it('drift with a healthy EventBridge: events are lost on the way (trail not logging…)', () => {
    const result = deliveryCheck({ ...healthy, drift: { created: 2, updated: 1, deleted: 0 } });
    expect(result.status).toBe('warn');
    expect(result.observed).toMatch(/3 change\(s\)/);
    expect(result.remedy).toMatch(/CloudTrail trail is logging/);
  });

  it('an older template asks to update the stack / StackSet', () => {
    expect(deliveryCheck({ ...healthy, templateVersion: '1.1.9', lastEventAt: '2026-01-01T00:00:00Z' })).toMatchObject({ status: 'warn', remedy: expect.stringMatching(/update the stack \/ StackSet/) });
  });

  it('zero drift, current template: pass with what was seen', () => {
    const result = deliveryCheck({ ...healthy, templateVersion: '1.2.0', lastEventAt: '2026-01-01T00:00:00Z', drift: { created: 0, updated: 0, deleted: 0 } });
    expect(result.status).toBe('pass');
    expect(result.observed).toMatch(/Last event 2026-01-01T00:00:00Z.*no missed change/);
  });

  it('drift when EventBridge is already failing adds nothing new (the other checks say why)', () => {
    expect(deliveryCheck({ ...healthy, eventBridgeHealthy: false, drift: { created: 1, updated: 0, deleted: 0 } }).status).toBe('pass');
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('local-demo', '1.0.0')).toBe(0);
  });
});

describe('worstStatus', () => {
  it('fail > warn > unknown > pass', () => {
    expect(worstStatus(['pass', 'unknown'])).toBe('unknown');
    expect(worstStatus(['unknown', 'warn'])).toBe('warn');
    expect(worstStatus(['warn', 'fail', 'pass'])).toBe('fail');
    expect(worstStatus([])).toBe('pass');
  });
});

describe('events per region and day (delivery)', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const rows: RegionEventDay[] = [
    { region: 'eu-west-1', day: '2026-03-10', counters: { applied: 4, duplicates: 1, 'dropped_unsupported-event': 2, refresh_unavailable: 1 } },
    { region: 'eu-west-1', day: '2026-03-09', counters: { applied: 10, 'dropped_failed-call': 1 } },
    { region: 'eu-west-1', day: '2026-03-03', counters: { applied: 99 } }, // before the 7-day window
    { region: 'us-east-1', day: '2026-03-10', counters: { applied: 50 } },
  ];

  it('sums a region’s days in the window, zeros for quiet days, drops by reason', () => {
    expect(eventWindowStart(now)).toBe('2026-03-04');
    const counts = regionEventCounts(rows, 'eu-west-1', now);
    expect(counts.eventsPerDay.map((d) => d.date)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(counts.eventsPerDay.at(-1)).toEqual({ date: '2026-03-10', events: 7, dropped: 2 });
    expect(counts.eventsPerDay.at(-2)).toEqual({ date: '2026-03-09', events: 11, dropped: 1 });
    expect(counts.eventsPerDay.slice(0, 5).every((d) => d.events === 0)).toBe(true);
    expect(counts.droppedByReason).toEqual({ 'unsupported-event': 2, 'failed-call': 1 });
  });

  it('the delivery check says how many events arrived and why some were dropped', () => {
    const events = regionEventCounts(rows, 'eu-west-1', now);
    const result = deliveryCheck({ region: 'eu-west-1', lastEventAt: '2026-03-10T11:00:00.000Z', currentTemplateVersion: '1.0.0', eventBridgeHealthy: true, events });
    expect(result.status).toBe('pass');
    expect(result.observed).toContain('18 event(s) received in the last 7 days (today 7), 3 dropped (unsupported-event 2, failed-call 1)');
    const quiet = deliveryCheck({ region: 'ap-south-1', currentTemplateVersion: '1.0.0', eventBridgeHealthy: true, events: regionEventCounts(rows, 'ap-south-1', now) });
    expect(quiet.observed).toContain('0 event(s) received in the last 7 days (today 0)');
  });
});

describe('health transitions (the account’s history)', () => {
  const report = (at: string, statuses: Record<string, CheckStatus>): AccountHealthReport => ({
    accountId: ACCOUNT,
    status: worstStatus(Object.values(statuses)),
    checkedAt: at,
    regions: Object.entries(statuses).map(([region, status]) => ({
      region,
      role: 'forwarder',
      status,
      checks: [{ check: 'rule', status, observed: `rule is ${status}`, remedy: 'r' }],
      lastEventAt: null,
      templateVersion: null,
      drift: null,
      eventsPerDay: [],
      droppedByReason: {},
    })),
  });

  it('records only a region turning failing (from anything, its first check included) and recovering (to anything)', () => {
    const first = report('2026-01-01T00:00:00.000Z', { 'eu-west-1': 'fail', 'us-east-1': 'pass', 'ap-south-1': 'warn' });
    expect(healthTransitions(undefined, first).map((t) => [t.region, t.kind, t.from, t.to])).toEqual([['eu-west-1', 'region-failing', null, 'fail']]);
    const second = report('2026-01-01T06:00:00.000Z', { 'eu-west-1': 'warn', 'us-east-1': 'unknown', 'ap-south-1': 'fail' });
    const transitions = healthTransitions(first, second);
    expect(transitions.map((t) => [t.region, t.kind, t.from, t.to])).toEqual([
      ['eu-west-1', 'region-recovered', 'fail', 'warn'],
      ['ap-south-1', 'region-failing', 'warn', 'fail'],
    ]);
    expect(transitions[1]).toMatchObject({ at: '2026-01-01T06:00:00.000Z', failedChecks: [{ check: 'rule', status: 'fail' }] });
    expect(healthTransitions(second, second)).toEqual([]);
  });

  it('the summary counts failing regions of linked accounts only', () => {
    expect(failingRegionCount(report('2026-01-01T00:00:00.000Z', { a: 'fail', b: 'fail', c: 'warn' }))).toBe(2);
    expect(
      pipelineSummary([
        { status: 'LINKED', healthFailingRegions: 2 },
        { status: 'LINKED' },
        { status: 'LINKED', healthFailingRegions: 1 },
        { status: 'UNLINKED', healthFailingRegions: 5 },
      ]),
    ).toEqual({ failingRegions: 3, accountsWithFailingRegion: 2 });
  });
});
