import { postEvents, waitForIngestion } from '../../local/demo';
import type { LocalRuntime } from '../../local/local-runtime';
import { ACCOUNTS, type ContractCheckedApiClient, startE2eRuntime } from './e2e-support';
import { sarifSchemaErrors } from '../support/official-schemas';

/**
 * Findings end to end over real HTTP on the local runtime: crawl the sandbox account, read its findings, apply
 * CloudTrail events and see them open and resolve within the event's processing. Every answer is checked against
 * the OpenAPI document by the client.
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
type Finding = { findingId: string; ruleId: string; severity: string; status: string; asset: { arn: string; assetId: string }; blastRadius: unknown[] };

const findings = async (query: string) => (await reader().call<{ items: Finding[]; nextCursor: string | null }>('GET', `/findings?limit=1000&${query}`)).items;

/** A customer-managed symmetric key with KMS material, enabled and rotating: kms-rotation-disabled applies to it. */
function rotatingKey() {
  const keys = Object.values(sandbox().estate.regions).flatMap((r) => r.kms.keys);
  return keys.find(
    (k) => k.keyManager === 'CUSTOMER' && k.keySpec === 'SYMMETRIC_DEFAULT' && k.origin === 'AWS_KMS' && k.keyState === 'Enabled' && !k.multiRegion && k.rotation.applicable && k.rotation.enabled,
  )!;
}

describe('findings of the sandbox account', () => {
  it('are evaluated when the crawl finishes', async () => {
    await admin().call('POST', ACCOUNTS, { roleArn: sandbox().roleArn }, [201]);
    const started = await admin().call<{ ingestionId: string }>('POST', `${ACCOUNTS}/${sandbox().accountId}/ingestions`, {}, [202]);
    expect((await waitForIngestion(admin(), sandbox().accountId, started.ingestionId)).status).toBe('SUCCEEDED');
    const open = await findings('status=open');
    expect(open.length).toBeGreaterThan(0);
    // The sandbox estate plants traps for the catalogue (sandbox/estate/generate-estate.ts).
    const rules = new Set(open.map((f) => f.ruleId));
    for (const ruleId of ['kms-rotation-disabled', 'secret-rotation-disabled', 'quantum-vulnerable']) expect(rules).toContain(ruleId);
  });

  it('serve the catalogue, the summary and SARIF; bad filters are 400s naming the field', async () => {
    const rules = await reader().call<{ rules: Array<{ id: string }> }>('GET', '/findings/rules');
    expect(rules.rules.length).toBeGreaterThanOrEqual(13);
    const summary = await reader().call<{ open: number; mostUrgent: Finding[] }>('GET', '/findings/summary');
    expect(summary.open).toBe((await findings('status=open')).length);
    expect(summary.mostUrgent).toHaveLength(3);
    const sarif = await reader().call<{ version: string; runs: Array<{ results: unknown[] }> }>('GET', '/findings?format=sarif');
    expect(sarifSchemaErrors(sarif)).toBeNull(); // the official SARIF 2.1.0 schema (test/fixtures/schemas)
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe((await findings('')).length);
    for (const [query, field] of [['ruleId=nope', 'ruleId'], ['severity=urgent', 'severity'], ['profile=cis', 'profile']]) {
      const res = await reader().request<{ error: { field: string } }>('GET', `/findings?${query}`);
      expect({ query, status: res.status, field: res.body.error.field }).toEqual({ query, status: 400, field });
    }
    const missing = await admin().request('POST', '/findings/AAAAAAAAAAAAAAAAAAAAAA/suppressions', { reason: 'test' });
    expect(missing.status).toBe(404);
  });

  it('DisableKeyRotation opens kms-rotation-disabled as the event is processed; EnableKeyRotation resolves it', async () => {
    const key = rotatingKey();
    const onKey = async () => (await findings('ruleId=kms-rotation-disabled')).find((f) => f.asset.arn === key.arn);
    expect(await onKey()).toBeUndefined();

    const disabled = sandbox().disableKeyRotation({ keyArn: key.arn });
    expect(await postEvents(api.as(runtime.tokens.uploader), disabled.events)).toEqual([202]);
    await runtime.idle();
    const opened = await onKey();
    expect(opened).toMatchObject({ status: 'open', severity: 'medium' });
    const asset = await reader().call<{ findings: Finding[] }>('GET', `/inventory/${opened!.asset.assetId}`);
    expect(asset.findings.map((f) => f.ruleId)).toContain('kms-rotation-disabled');
    const withFindings = await reader().call<{ items: Array<{ arn: string }> }>('GET', '/inventory?hasFindings=true&limit=1000');
    expect(withFindings.items.map((a) => a.arn)).toContain(key.arn);

    const enabled = sandbox().enableKeyRotation({ keyArn: key.arn });
    expect(await postEvents(api.as(runtime.tokens.uploader), enabled.events)).toEqual([202]);
    await runtime.idle();
    expect(await onKey()).toMatchObject({ findingId: opened!.findingId, status: 'resolved' });
  });

  it('an admin suppresses a finding and lifts the suppression; the schedule keeps it suppressed', async () => {
    const [target] = await findings('status=open&ruleId=secret-rotation-disabled');
    const suppressed = await admin().call<{ finding: Finding }>('POST', `/findings/${target.findingId}/suppressions`, { reason: 'Rotated by the vendor' });
    expect(suppressed.finding.status).toBe('suppressed');
    const forbidden = await reader().request('POST', `/findings/${target.findingId}/suppressions`, { reason: 'x' });
    expect(forbidden.status).toBe(403);
    await runtime.evaluateFindings();
    expect((await findings('status=suppressed')).map((f) => f.findingId)).toContain(target.findingId);
    const lifted = await admin().call<{ finding: Finding }>('DELETE', `/findings/${target.findingId}/suppressions`);
    expect(lifted.finding.status).toBe('open');
  });
});
