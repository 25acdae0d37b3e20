import { EVENTS_PATH } from '../../lambdas/shared/protocol';
import { postEvents, waitForIngestion } from '../../local/demo';
import type { LocalRuntime } from '../../local/local-runtime';
import { ACCOUNTS, type ContractCheckedApiClient, estateAssets, startE2eRuntime, userTags } from './e2e-support';

/**
 * End to end over real HTTP on the local runtime: the synthesized backend, the real handlers and state machine, the
 * sandbox customer account. One scenario, in order, as a customer lives it.
 */
jest.setTimeout(120_000);

let runtime: LocalRuntime;
let api: ContractCheckedApiClient;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ runtime, api, cleanup } = await startE2eRuntime());
});
afterAll(async () => cleanup?.());

const admin = () => api.as(runtime.tokens.admin);
const reader = () => api.as(runtime.tokens.reader);
const sandbox = () => runtime.sandbox!;

type InventoryAsset = Record<string, any> & { arn: string; type: string; id: string };

describe('a customer connects the sandbox account and keeps its inventory current', () => {
  it('serves its OpenAPI document with the URL it was reached at as the server (http locally)', async () => {
    const res = await api.request<any>('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.servers).toEqual([{ url: runtime.url }]);
  });

  it('downloads the template with the tenant ExternalId', async () => {
    const res = await admin().request<any>('GET', '/data-sources/aws/template');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(runtime.tenant.externalId);
  });

  it('refuses a role whose trust needs another ExternalId, and an unknown role (422)', async () => {
    const unknownRole = await admin().request<any>('POST', ACCOUNTS, { roleArn: `arn:aws:iam::${sandbox().accountId}:role/NoSuchRole` });
    expect(unknownRole.status).toBe(422);
    // A role whose trust policy does not accept this tenant's ExternalId (another account's role: STS refuses it).
    const otherAccount = await admin().request<any>('POST', ACCOUNTS, { roleArn: 'arn:aws:iam::999999999999:role/AQtiveGuardReadOnlyAccessRole' });
    expect(otherAccount.status).toBe(422);
  });

  it('connects the good role (201)', async () => {
    const res = await admin().request<any>('POST', ACCOUNTS, { roleArn: sandbox().roleArn });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ accountId: sandbox().accountId, status: 'LINKED' });
  });

  let inventory: InventoryAsset[];
  it('runs an ingestion to SUCCEEDED', async () => {
    const started = await admin().call<any>('POST', `${ACCOUNTS}/${sandbox().accountId}/ingestions`, {}, [202]);
    const ingestion = await waitForIngestion(admin(), sandbox().accountId, started.ingestionId);
    expect(ingestion.status).toBe('SUCCEEDED');
    inventory = await reader().inventory<InventoryAsset>();
  });

  it('lists exactly the sandbox estate, with the properties discovery reports', () => {
    const truth = estateAssets(sandbox().estate);
    expect(inventory.map((a) => a.arn).sort()).toEqual(truth.map((a) => a.arn).sort());
    const byArn = new Map(inventory.map((a) => [a.arn, a]));
    for (const t of truth) {
      const a = byArn.get(t.arn)!;
      const r = t.record;
      expect({ arn: a.arn, type: a.type, region: a.region, tags: a.tags }).toEqual({ arn: t.arn, type: t.type, region: t.region, tags: userTags(r.tags) });
      if (t.type === 'key') {
        expect({ arn: a.arn, keySpec: a.details.keySpec }).toEqual({ arn: t.arn, keySpec: r.keySpec });
        // A key pending deletion does not rotate: GetKeyRotationStatus answers false, and discovery records false.
        const expected = !r.rotation.applicable ? null : r.keyState === 'PendingDeletion' ? false : r.rotation.enabled;
        if (r.keyManager === 'CUSTOMER') expect({ arn: a.arn, rotation: a.lifecycle.rotation?.enabled ?? null }).toEqual({ arn: t.arn, rotation: expected });
      }
      if (t.type === 'certificate' && r.notAfter) {
        expect({ arn: a.arn, notBefore: a.lifecycle.notBefore, notAfter: a.lifecycle.notAfter }).toEqual({
          arn: t.arn,
          notBefore: new Date(r.notBefore).toISOString(),
          notAfter: new Date(r.notAfter).toISOString(),
        });
        const size = Number(String(r.keyAlgorithm).match(/^RSA_(\d+)$/)?.[1] ?? NaN);
        if (!Number.isNaN(size)) expect({ arn: a.arn, keySize: a.crypto.keySize }).toEqual({ arn: t.arn, keySize: size });
        if (r.subject) expect(a.details.subject).toBeDefined();
      }
      if (t.type === 'secret' && typeof r.kmsKeyId === 'string' && /^arn:aws:kms:.*:key\//.test(r.kmsKeyId)) {
        expect({ arn: a.arn, kmsKeyArn: a.relations.kmsKeyArn }).toEqual({ arn: t.arn, kmsKeyArn: r.kmsKeyId });
      }
      if (t.type === 'parameter') expect({ arn: a.arn, secure: a.secure === true }).toEqual({ arn: t.arn, secure: r.type === 'SecureString' });
    }
  });

  it('applies the sandbox CloudTrail events posted through the intake: inventory and usages follow', async () => {
    const burst = await sandbox().burst(30);
    const statuses = await postEvents(api.as(runtime.tokens.uploader), burst);
    expect(statuses.every((s) => s === 202)).toBe(true);
    await runtime.idle();
    const after = await reader().inventory<InventoryAsset>();
    expect(after.map((a) => a.arn).sort()).toEqual(estateAssets(sandbox().estate).map((a) => a.arn).sort());
    // Usage, deterministically: code in a Lambda function and on an EC2 instance decrypt with one customer key. The
    // function's call is attributed to its execution role (what CloudTrail records; a session name and user agent are
    // the caller's to choose: lambdas/events/caller.ts); the instance by its instance-id session, as before.
    const key = after.find((a) => a.type === 'key' && a.details.keyManager === 'CUSTOMER' && a.details.keySpec === 'SYMMETRIC_DEFAULT' && !a.deleted)!;
    expect(key).toBeDefined();
    const usage = [
      ...sandbox().recordDecrypt({ keyArn: key.arn, by: { kind: 'lambda', functionName: 'orders-api', roleName: 'orders-api-role' } }),
      ...sandbox().recordDecrypt({ keyArn: key.arn, by: { kind: 'ec2', instanceId: 'i-0123456789abcdef0', roleName: 'web-instance-role' } }),
    ];
    expect((await postEvents(api.as(runtime.tokens.uploader), usage)).every((s) => s === 202)).toBe(true);
    await runtime.idle();
    const details = await reader().call<any>('GET', `/inventory/${key.id}`);
    const edges = details.usages.map((u: any) => `${u.resourceType} ${u.resourceArn} ${u.via}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `iam-role arn:aws:iam::${sandbox().accountId}:role/orders-api-role Decrypt`,
        `ec2-instance arn:aws:ec2:${key.region}:${sandbox().accountId}:instance/i-0123456789abcdef0 Decrypt`,
      ]),
    );
    expect(runtime.queueStats().EventsQueue.deadLettered).toBe(0);
  });

  it('after unlinking, events of that account are accepted (2xx) but dropped and counted, not applied', async () => {
    await admin().call('DELETE', `${ACCOUNTS}/${sandbox().accountId}`);
    const before = await reader().inventory<InventoryAsset>({ includeDeleted: 'true' });
    const burst = await sandbox().burst(10);
    const statuses = await postEvents(api.as(runtime.tokens.uploader), burst);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    await runtime.idle();
    const after = await reader().inventory<InventoryAsset>({ includeDeleted: 'true' });
    expect(after.map((a) => `${a.arn}|${a.observedAt}`).sort()).toEqual(before.map((a) => `${a.arn}|${a.observedAt}`).sort());
    const { account } = await admin().call<any>('GET', `${ACCOUNTS}/${sandbox().accountId}`);
    const stats = account.eventStats ?? {};
    const dropped = Object.entries(stats).filter(([k]) => k.startsWith('dropped_')).reduce((n, [, v]) => n + Number(v), 0);
    expect(dropped).toBeGreaterThanOrEqual(burst.length);
    expect(EVENTS_PATH).toBe('/data-sources/aws/events');
  });
});
