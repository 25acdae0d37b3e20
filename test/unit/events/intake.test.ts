import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventQueueUnavailableError, EventTooLargeError, InvalidEventError } from '../../../lambdas/events/errors';
import { acceptEvent, fitToQueue, MAX_BODY_BYTES } from '../../../lambdas/events/intake';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../fixtures/cloudtrail', `${name}.json`), 'utf8')).event;

function fakeQueue() {
  const sent: string[] = [];
  const groups: string[] = [];
  return { sent, groups, queue: { send: async (body: string, group: string) => void (sent.push(body), groups.push(group)) } };
}

const request = (body: string | null, isBase64Encoded = false) => ({ body, isBase64Encoded, tenantId: 't1', templateVersion: '1.2.0' });

describe('acceptEvent', () => {
  it('queues a valid envelope with tenant, template version and receive time', async () => {
    const { sent, queue } = fakeQueue();
    const envelope = fixture('kms-create-key');
    await acceptEvent(request(JSON.stringify(envelope)), { queue, now: () => new Date('2024-06-01T00:00:00Z') });
    expect(sent).toHaveLength(1);
    const message = JSON.parse(sent[0]!);
    expect(message).toMatchObject({ tenantId: 't1', templateVersion: '1.2.0', receivedAt: '2024-06-01T00:00:00.000Z' });
    expect(message.envelope).toEqual(envelope); // unknown fields pass through untouched
  });

  it('queues each event in its tenant\'s message group (SQS fair queues)', async () => {
    const { groups, queue } = fakeQueue();
    await acceptEvent(request(JSON.stringify(fixture('kms-create-key'))), { queue });
    expect(groups).toEqual(['t1']);
  });

  it('decodes base64-encoded bodies', async () => {
    const { sent, queue } = fakeQueue();
    const envelope = fixture('tag-change-kms-key');
    await acceptEvent(request(Buffer.from(JSON.stringify(envelope)).toString('base64'), true), { queue });
    expect(JSON.parse(sent[0]!).envelope.id).toBe(envelope.id);
  });

  it.each([
    ['not JSON', '{"version":', 'body'],
    ['an array', '[]', 'body'],
    ['missing detail', JSON.stringify({ ...fixture('kms-create-key'), detail: undefined }), 'detail'],
    ['detail of the wrong type', JSON.stringify({ ...fixture('kms-create-key'), detail: 'x' }), 'detail'],
    ['a bad account', JSON.stringify({ ...fixture('kms-create-key'), account: 'abc' }), 'account'],
    ['a bad eventTime type', JSON.stringify({ ...fixture('kms-create-key'), detail: { ...fixture('kms-create-key').detail, eventTime: 5 } }), 'detail.eventTime'],
  ])('rejects %s with 400 naming the field', async (_label, body, field) => {
    const { sent, queue } = fakeQueue();
    await expect(acceptEvent(request(body), { queue })).rejects.toMatchObject({ name: 'InvalidEventError', field });
    expect(sent).toHaveLength(0);
  });

  it('rejects a body over 1 MiB without writing', async () => {
    const { sent, queue } = fakeQueue();
    await expect(acceptEvent(request('x'.repeat(MAX_BODY_BYTES + 1)), { queue })).rejects.toBeInstanceOf(EventTooLargeError);
    expect(sent).toHaveLength(0);
  });

  it('trims unused large fields to fit the queue, and says so', () => {
    const envelope = fixture('kms-create-key');
    envelope.detail.requestParameters.policy = 'p'.repeat(5000);
    const text = fitToQueue({ tenantId: 't1', receivedAt: 'now', envelope }, 4000);
    const message = JSON.parse(text);
    expect(message.trimmed).toEqual(['detail.requestParameters.policy']);
    expect(message.envelope.detail.responseElements.keyMetadata.keyId).toBe('1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => fitToQueue({ tenantId: 't1', receivedAt: 'now', envelope: { ...envelope, detail: { ...envelope.detail, big: 'b'.repeat(5000) } } }, 4000)).toThrow(EventTooLargeError);
  });

  it('turns a queue failure into EventQueueUnavailableError (a 503, never a 401)', async () => {
    const queue = { send: async () => Promise.reject(new Error('SQS down')) };
    await expect(acceptEvent(request(JSON.stringify(fixture('kms-create-key'))), { queue })).rejects.toBeInstanceOf(EventQueueUnavailableError);
  });

  it('never fails with anything but a 4xx error for arbitrary bodies, and never queues them', async () => {
    const valid = fixture('kms-create-key');
    const mutated = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ key: fc.constantFrom('version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'), value: fc.anything() }).map(({ key, value }) =>
        JSON.stringify({ ...valid, [key]: value }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(mutated, fc.boolean(), async (body, base64) => {
        const { sent, queue } = fakeQueue();
        const encoded = base64 ? Buffer.from(body).toString('base64') : body;
        try {
          await acceptEvent(request(encoded, base64), { queue });
          // accepted: it must then be a valid envelope, queued once
          expect(sent).toHaveLength(1);
        } catch (err) {
          expect(err instanceof InvalidEventError || err instanceof EventTooLargeError).toBe(true);
          expect(sent).toHaveLength(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
