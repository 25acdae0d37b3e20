import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCaller } from '../../../lambdas/events/caller';
import { dropReasonOf, MAX_CLOCK_SKEW_MS } from '../../../lambdas/events/drop-rules';
import { queuedEventSchema } from '../../../lambdas/events/envelope';
import { acceptEvent } from '../../../lambdas/events/intake';
import { MAX_JSON_DEPTH, MAX_STRING_CHARS } from '../../../lambdas/events/json-limits';
import { mapTagChange } from '../../../lambdas/events/mappers/tag';
import { normalizeEvent } from '../../../lambdas/events/normalized-event';
import { changesStayInPlace } from '../../../lambdas/events/place-rules';
import { userTags } from '../../../lambdas/discovery/user-tags';
import { fromAssetItem, toAssetItem } from '../../../lambdas/inventory/asset-item';
import type { Asset } from '../../../lambdas/inventory/asset';

// The uploader token lives in the customer's EventBridge connection: everything below is what its holder can send.
const FIXTURES = join(__dirname, '../../fixtures/cloudtrail');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
const LINKED = { status: 'LINKED' as const, roleArn: 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole' };
const OTHER = '999988887777';
const RECEIVED = '2024-07-01T00:00:00.000Z';

const normalized = (envelope: unknown, receivedAt = RECEIVED) => normalizeEvent(queuedEventSchema.parse({ tenantId: 't', receivedAt, envelope }));
const dropOf = (envelope: unknown, receivedAt = RECEIVED) => dropReasonOf(normalized(envelope, receivedAt), LINKED);
const withDetail = (name: string, detail: Record<string, unknown>) => {
  const e = fixture(name);
  return { ...e, detail: { ...e.detail, ...detail } };
};

describe('time: an event dated in the future is refused and counted', () => {
  const future = (ms: number) => new Date(Date.parse(RECEIVED) + ms).toISOString();

  it.each([
    ['eventTime', (t: string) => withDetail('kms-disable-key', { eventTime: t })],
    ['envelope time', (t: string) => ({ ...fixture('kms-disable-key'), time: t })],
  ])('%s beyond the skew → future-event; within the skew → applied', (_label, make) => {
    expect(dropOf(make(future(MAX_CLOCK_SKEW_MS + 1000)))).toBe('future-event');
    expect(dropOf(make('2999-01-01T00:00:00Z'))).toBe('future-event');
    expect(dropOf(make(future(MAX_CLOCK_SKEW_MS - 1000)))).toBeUndefined();
  });
});

describe('place: only the sending account, known Regions, its own ARNs', () => {
  it('a recipientAccountId other than the envelope account is dropped before the account is even trusted', () => {
    const event = withDetail('kms-disable-key', { recipientAccountId: OTHER });
    expect(dropOf(event)).toBe('account-mismatch');
    expect(dropReasonOf(normalized(event), undefined)).toBe('account-mismatch');
  });

  it.each([
    ['an invented Region', { awsRegion: 'xx-fake-9' }],
    ['a Region of another partition', { awsRegion: 'cn-north-1' }],
  ])('%s is dropped as unknown-region', (_label, detail) => {
    expect(dropOf(withDetail('kms-disable-key', detail))).toBe('unknown-region');
  });

  it.each([
    ['a key of another account', `arn:aws:kms:eu-west-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ['an invented partition', 'arn:aws-evil:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['an invented Region', 'arn:aws:kms:zz-top-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('a request naming %s is dropped as foreign-arn', (_label, arn) => {
    expect(dropOf(withDetail('kms-disable-key', { requestParameters: { keyId: arn } }))).toBe('foreign-arn');
    expect(dropOf(withDetail('kms-disable-key', { resources: [{ ARN: arn, accountId: '111122223333', type: 'AWS::KMS::Key' }] }))).toBe('foreign-arn');
  });

  it('an aws.tag event about another account\'s key is dropped', () => {
    const event = { ...fixture('tag-change-kms-key'), resources: [`arn:aws:kms:eu-west-1:${OTHER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`] };
    expect(dropOf(event)).toBe('foreign-arn');
  });

  it('principals of other accounts (a cross-account grantee) are who, not what: not a reason to drop', () => {
    const event = withDetail('kms-disable-key', { requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', granteePrincipal: `arn:aws:iam::${OTHER}:role/Reader` } });
    expect(dropOf(event)).toBeUndefined();
  });

  it('changes a mapper builds are checked too', () => {
    const event = normalized(fixture('kms-disable-key'));
    const key = (accountId: string, region: string) => ({ type: 'key' as const, arn: `arn:aws:kms:${region}:${accountId}:key/k`, accountId, region });
    expect(changesStayInPlace([{ kind: 'asset', asset: key('111122223333', 'eu-west-1'), ops: [] }], event)).toBe(true);
    expect(changesStayInPlace([{ kind: 'asset', asset: key(OTHER, 'eu-west-1'), ops: [] }], event)).toBe(false);
    expect(changesStayInPlace([{ kind: 'refresh', asset: key('111122223333', 'mars-1') }], event)).toBe(false);
    expect(changesStayInPlace([{ kind: 'usage', assetArn: key(OTHER, 'eu-west-1').arn, resourceArn: 'x', resourceType: 'other', via: 'Decrypt' }], event)).toBe(false);
  });
});

describe('who: drop rules key on what AWS records, never on the user agent alone', () => {
  it('a GetSecretValue that only claims the API destinations user agent is not hidden', () => {
    const event = withDetail('secretsmanager-get-secret-value-by-lambda', { userAgent: 'apidestinations.events.amazonaws.com' });
    expect(dropOf(event)).toBeUndefined();
  });

  it('a ScheduleKeyDeletion sent with the API destinations user agent is not hidden', () => {
    expect(dropOf(withDetail('kms-schedule-key-deletion', { userAgent: 'apidestinations.events.amazonaws.com' }))).toBeUndefined();
  });

  it('EventBridge itself reading the connection secret (sourceIPAddress/invokedBy set by AWS) is still dropped', () => {
    expect(dropOf(fixture('secretsmanager-get-secret-value-by-apidestinations'))).toBe('source-ip-apidestinations');
    expect(dropOf(fixture('kms-decrypt-connection-secret-by-secretsmanager'))).toBe('secretsmanager-decrypt-loop');
  });

  it('a person reading the connection secret (it holds the uploader token) is seen, not dropped as plumbing', () => {
    const e = fixture('secretsmanager-get-secret-value-by-apidestinations');
    const byPerson = {
      ...e,
      detail: {
        ...e.detail,
        userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/mallory', accountId: '111122223333' },
        sourceIPAddress: '198.51.100.7',
        userAgent: 'apidestinations.events.amazonaws.com',
      },
    };
    expect(dropOf(byPerson)).toBeUndefined();
  });
});

describe('shape: tag names are data', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'toString'])('aws.tag: a changed key %s is stored as an ordinary tag (or removed when absent)', (key) => {
    const e = fixture('tag-change-kms-key');
    const present = JSON.parse(JSON.stringify({ ...e, detail: { ...e.detail, 'changed-tag-keys': [key] } }).replace('"tags":{"team":"payments"}', `"tags":{"${key}":"v"}`));
    const absent = { ...e, detail: { ...e.detail, 'changed-tag-keys': [key], tags: {} } };
    const put = mapTagChange(normalized(present));
    const removed = mapTagChange(normalized(absent));
    expect(put).toMatchObject({ changes: [{ ops: [{ op: 'put-entry', key, value: 'v' }] }] });
    expect(removed).toMatchObject({ changes: [{ ops: [{ op: 'remove-entry', key }] }] });
  });

  it('crawl: reserved tag names survive userTags and the DynamoDB item round trip', () => {
    const tags = userTags([{ Key: '__proto__', Value: 'a' }, { Key: 'constructor', Value: 'b' }, { Key: '~x', Value: 'c' }, { Key: 'prototype', Value: 'd' }]);
    expect(Object.keys(tags).sort()).toEqual(['__proto__', '~x', 'constructor', 'prototype'].sort());
    const asset = { id: 'a', tenantId: 't', accountId: '111122223333', region: 'eu-west-1', type: 'secret', arn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:s-AbCdEf', lifecycle: { state: 'Active' }, tags } as unknown as Asset;
    // Before the fix the SDK refused an object with an own `constructor` ("Unsupported type passed") and lost __proto__.
    const stored = unmarshall(marshall(toAssetItem(asset), { removeUndefinedValues: true, convertClassInstanceToMap: false }));
    const back = fromAssetItem(stored).tags;
    expect(Object.entries(back).sort()).toEqual(Object.entries(tags).sort());
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});

describe('shape: bounded bodies are a 400 naming the field, never a 500', () => {
  const queue = { send: jest.fn(async () => undefined) };
  const request = (body: string) => ({ body, isBase64Encoded: false, tenantId: 't' });
  beforeEach(() => queue.send.mockClear());

  it('a deeply nested body (which overflowed the stack in zod) is refused', async () => {
    const deep = `{"a":`.repeat(50_000) + '1' + '}'.repeat(50_000);
    const body = JSON.stringify(fixture('kms-disable-key')).replace('"requestParameters":{', `"requestParameters":{"x":${deep},`);
    await expect(acceptEvent(request(body), { queue })).rejects.toMatchObject({ name: 'InvalidEventError', field: expect.stringMatching(/^detail\.requestParameters\.x/) });
    const justDeepEnough = `{"a":`.repeat(MAX_JSON_DEPTH - 3) + '1' + '}'.repeat(MAX_JSON_DEPTH - 3);
    const ok = JSON.stringify(fixture('kms-disable-key')).replace('"requestParameters":{', `"requestParameters":{"x":${justDeepEnough},`);
    await expect(acceptEvent(request(ok), { queue })).resolves.toBeDefined();
    expect(queue.send).toHaveBeenCalledTimes(1);
  });

  it('a lone surrogate is refused, naming the field', async () => {
    const body = JSON.stringify(withDetail('kms-disable-key', { eventName: 'Disable\ud800Key' }));
    await expect(acceptEvent(request(body), { queue })).rejects.toMatchObject({ name: 'InvalidEventError', field: 'detail.eventName' });
    expect(queue.send).not.toHaveBeenCalled();
  });

  it('an overlong string is refused', async () => {
    const body = JSON.stringify(withDetail('kms-disable-key', { userAgent: 'u'.repeat(MAX_STRING_CHARS + 1) }));
    await expect(acceptEvent(request(body), { queue })).rejects.toMatchObject({ name: 'InvalidEventError', field: 'detail.userAgent' });
  });

  it.each(['[]', '"event"', '42', 'null', 'true'])('a top-level %s is refused', async (body) => {
    await expect(acceptEvent(request(body), { queue })).rejects.toMatchObject({ name: 'InvalidEventError', field: 'body' });
  });
});

describe('fuzz: the events intake answers any body with a 2xx or a 4xx error, and queues nothing it refuses', () => {
  it('holds for arbitrary JSON, mutated real events and raw text', async () => {
    const fc = (await import('fast-check')).default;
    const base = fixture('kms-disable-key');
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base), 'detail', '__proto__'), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ key, value }) =>
      JSON.stringify({ ...base, [key]: value }),
    );
    const body = fc.oneof(fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? 'null'), mutated, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const sent: string[] = [];
        const outcome = await acceptEvent({ body: text, isBase64Encoded: false, tenantId: 't' }, { queue: { send: async (b) => void sent.push(b) } }).then(
          () => 'queued',
          (err: Error) => err.name,
        );
        expect(['queued', 'InvalidEventError', 'EventTooLargeError']).toContain(outcome);
        expect(sent).toHaveLength(outcome === 'queued' ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('who: a caller is a Lambda function only on what AWS records, never on the user agent alone', () => {
  const personAsFunction = (detail: Record<string, unknown>) => {
    const e = fixture('secretsmanager-get-secret-value-by-lambda');
    return { ...e, detail: { ...e.detail, ...detail } };
  };

  it("a person's session named after a function, with Lambda's user agent, is attributed to the role CloudTrail recorded", () => {
    // GIVEN a person who assumed some role with session name "payments" and sends Lambda's exec-env user agent
    const identity = {
      type: 'AssumedRole',
      principalId: 'AROAPERSON:payments',
      arn: 'arn:aws:sts::111122223333:assumed-role/DeveloperRole/payments',
      accountId: '111122223333',
      sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/DeveloperRole', accountId: '111122223333', userName: 'DeveloperRole' } },
    };
    const caller = resolveCaller(normalized(personAsFunction({ userIdentity: identity, userAgent: 'aws-sdk-nodejs/3.600.0 exec-env/AWS_Lambda_nodejs20.x' })));
    // THEN the edge names that role, not a Lambda function called "payments"
    expect(caller).toEqual({ arn: 'arn:aws:iam::111122223333:role/DeveloperRole', type: 'iam-role' });
  });

  it('an encryption context naming a function counts only in a call the Lambda service made (invokedBy)', () => {
    const byLambda = fixture('kms-decrypt-by-lambda');
    const functionArn = byLambda.detail.requestParameters.encryptionContext['aws:lambda:FunctionArn'];
    expect(resolveCaller(normalized(byLambda))).toEqual({ arn: functionArn, type: 'lambda-function' });
    // The same context in a call a role made itself (no invokedBy) names the role.
    const { invokedBy: _service, ...identity } = byLambda.detail.userIdentity;
    const forged = { ...byLambda, detail: { ...byLambda.detail, userIdentity: identity, sourceIPAddress: '192.0.2.1', userAgent: 'lambda.amazonaws.com' } };
    expect(resolveCaller(normalized(forged))).toEqual({ arn: byLambda.detail.userIdentity.sessionContext.sessionIssuer.arn, type: 'iam-role' });
  });
});
