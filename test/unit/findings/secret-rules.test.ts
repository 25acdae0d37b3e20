import { ruleContext, type AssetRelations } from '../../../lambdas/findings/rule-context';
import { secretNotRotated } from '../../../lambdas/findings/rules/secret-not-rotated';
import { secretRotationDisabled } from '../../../lambdas/findings/rules/secret-rotation-disabled';
import { secretUnused } from '../../../lambdas/findings/rules/secret-unused';
import { APP_FUNCTION, days, NOW, secret, usage } from './finding-fixtures';

const ctx = (relations: Partial<AssetRelations> = {}) => ruleContext(NOW, relations);
const noRotation = { rotation: { applicable: true, enabled: null } };

describe('secret-rotation-disabled', () => {
  test('fires medium when rotation was never configured (RotationEnabled absent is "not rotating")', () => {
    const apiKey = secret({ name: 'prod/api-key', lifecycle: noRotation, details: { rotationLambdaArn: undefined, rotationRules: undefined } });
    expect(secretRotationDisabled.evaluate(apiKey, ctx())).toEqual({ severity: 'medium', evidence: { rotationEnabled: null, rotationLambdaArn: null } });
  });

  test('fires when rotation was turned off', () => {
    expect(secretRotationDisabled.evaluate(secret({ lifecycle: { rotation: { applicable: true, enabled: false } } }), ctx())?.severity).toBe('medium');
  });

  test('does not fire when rotating', () => {
    expect(secretRotationDisabled.evaluate(secret(), ctx())).toBeUndefined();
  });

  test.each([
    ['an RDS-managed secret (OwningService)', { name: 'rds!db-3f5e8a1c-0b2d-4e6f-9a7b-1c2d3e4f5a6b', details: { owningService: 'rds' } }],
    ['an EventBridge connection secret', { name: 'events!connection/AQGAWSConnectionKey/5d3c1b2a-0f9e-4d8c-b7a6-543210fedcba' }],
    ['a replica (rotation is set on the primary)', { region: 'us-west-2', details: { primaryRegion: 'eu-west-1' } }],
    ['a secret scheduled for deletion', { lifecycle: { state: 'PendingDeletion', deletionDate: days(-2) } }],
  ])('%s is excepted', (_name, o: Parameters<typeof secret>[0]) => {
    const asset = secret({ ...o, lifecycle: { ...o?.lifecycle, ...noRotation } });
    expect(secretRotationDisabled.evaluate(asset, ctx())).toBeUndefined();
  });

  test('the primary of a replicated secret is not excepted', () => {
    const primary = secret({ details: { primaryRegion: 'eu-west-1', replicas: [{ region: 'us-west-2', status: 'InSync' }] }, lifecycle: noRotation });
    expect(secretRotationDisabled.evaluate(primary, ctx())?.severity).toBe('medium');
  });
});

describe('secret-not-rotated', () => {
  test('fires high when the scheduled rotation is more than a day overdue', () => {
    const stale = secret({ lifecycle: { rotation: { applicable: true, enabled: true, periodDays: 30, lastRotatedAt: days(-35), nextRotationAt: days(-5) } } });
    expect(secretNotRotated.evaluate(stale, ctx())).toEqual({
      severity: 'high',
      evidence: { lastRotatedAt: days(-35), nextRotationAt: days(-5), expectedRotationBy: days(-5), overdue: true, lastRotationOutcome: null },
    });
  });

  test('fires when the latest rotation failed, even on schedule', () => {
    const asset = secret();
    const match = secretNotRotated.evaluate(asset, ctx({ history: [{ eventName: 'RotationSucceeded', at: days(-10) }, { eventName: 'RotationFailed', at: days(-1) }] }));
    expect(match).toMatchObject({ severity: 'high', evidence: { overdue: false, lastRotationOutcome: `RotationFailed at ${days(-1)}` } });
    expect(secretNotRotated.evaluate(asset, ctx({ history: [{ eventName: 'RotationAbandoned', at: days(-1) }] }))?.severity).toBe('high');
  });

  test('a failure followed by a success, or older than the last rotation, does not fire', () => {
    const asset = secret();
    expect(secretNotRotated.evaluate(asset, ctx({ history: [{ eventName: 'RotationFailed', at: days(-3) }, { eventName: 'RotationSucceeded', at: days(-2) }] }))).toBeUndefined();
    expect(secretNotRotated.evaluate(asset, ctx({ history: [{ eventName: 'RotationFailed', at: days(-15) }] }))).toBeUndefined();
  });

  test('a rotation recorded after a stale NextRotationDate (RotationSucceeded event) is not overdue', () => {
    const rotatedByEvent = secret({ lifecycle: { rotation: { applicable: true, enabled: true, periodDays: 30, lastRotatedAt: days(-4), nextRotationAt: days(-5) } } });
    expect(secretNotRotated.evaluate(rotatedByEvent, ctx())).toBeUndefined();
  });

  test('a rate() schedule without NextRotationDate: overdue after the period since the last rotation (or creation)', () => {
    const stripe = (lastRotatedAt?: string) =>
      secret({
        name: 'prod/stripe',
        details: { rotationRules: { scheduleExpression: 'rate(7 days)', duration: '2h' } },
        lifecycle: { createdAt: days(-60), rotation: { applicable: true, enabled: true, ...(lastRotatedAt ? { lastRotatedAt } : {}) } },
      });
    expect(secretNotRotated.evaluate(stripe(days(-9)), ctx())?.evidence).toMatchObject({ expectedRotationBy: days(-2), overdue: true });
    expect(secretNotRotated.evaluate(stripe(days(-5)), ctx())).toBeUndefined();
    expect(secretNotRotated.evaluate(stripe(), ctx())?.evidence).toMatchObject({ expectedRotationBy: days(-53) });
  });

  test('a cron schedule with no NextRotationDate is unknown: no finding', () => {
    const cron = secret({ details: { rotationRules: { scheduleExpression: 'cron(0 16 1,15 * ? *)' } }, lifecycle: { rotation: { applicable: true, enabled: true, lastRotatedAt: days(-400) } } });
    expect(secretNotRotated.evaluate(cron, ctx())).toBeUndefined();
  });

  test('rotation off, managed secrets and replicas are excepted', () => {
    const failedHistory = { history: [{ eventName: 'RotationFailed', at: days(-1) }] };
    expect(secretNotRotated.evaluate(secret({ lifecycle: noRotation }), ctx(failedHistory))).toBeUndefined();
    expect(secretNotRotated.evaluate(secret({ name: 'rds!db-3f5e8a1c', details: { owningService: 'rds' } }), ctx(failedHistory))).toBeUndefined();
    expect(secretNotRotated.evaluate(secret({ region: 'us-west-2', details: { primaryRegion: 'eu-west-1' } }), ctx(failedHistory))).toBeUndefined();
  });
});

describe('secret-unused', () => {
  test('fires low when LastAccessedDate is older than 90 days', () => {
    const idle = secret({ name: 'legacy/ftp', details: { lastAccessedAt: days(-120) } });
    expect(secretUnused.evaluate(idle, ctx())).toEqual({
      severity: 'low',
      evidence: { lastAccessedAt: days(-120), lastUsageEventAt: null, createdAt: days(-300), idleDays: 120 },
    });
  });

  test('a read seen in events since LastAccessedDate keeps it used', () => {
    const idle = secret({ details: { lastAccessedAt: days(-120) } });
    expect(secretUnused.evaluate(idle, ctx({ usages: [usage(idle, APP_FUNCTION, 'lambda-function', days(-3), 'GetSecretValue')] }))).toBeUndefined();
  });

  test('never accessed counts from creation', () => {
    expect(secretUnused.evaluate(secret({ details: { lastAccessedAt: undefined } }), ctx())?.evidence).toMatchObject({ idleDays: 300 });
    expect(secretUnused.evaluate(secret({ details: { lastAccessedAt: undefined }, lifecycle: { createdAt: days(-20) } }), ctx())).toBeUndefined();
  });

  test('does not fire when accessed recently, for EventBridge connection secrets, secrets pending deletion, or when the age is unknown', () => {
    expect(secretUnused.evaluate(secret(), ctx())).toBeUndefined();
    expect(secretUnused.evaluate(secret({ name: 'events!connection/AQGAWSConnectionKey/5d3c1b2a', details: { lastAccessedAt: days(-200) } }), ctx())).toBeUndefined();
    expect(secretUnused.evaluate(secret({ details: { lastAccessedAt: days(-200) }, lifecycle: { state: 'PendingDeletion' } }), ctx())).toBeUndefined();
    expect(secretUnused.evaluate(secret({ details: { lastAccessedAt: undefined }, lifecycle: { createdAt: undefined } }), ctx())).toBeUndefined();
  });
});
