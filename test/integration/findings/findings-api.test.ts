/**
 * Findings end to end below HTTP: assets in a dynalite inventory, evaluated and stored (refresh-findings.ts,
 * DynamoFindingsStore), read and suppressed through the findings routes.
 */
import { apiHandler } from '../../../lambdas/api/api-handler';
import { findingsRoutes } from '../../../lambdas/api/findings-routes';
import { inventoryRoutes } from '../../../lambdas/api/inventory-routes';
import type { ControlStores } from '../../../lambdas/control/control-stores';
import { dynamoControlStores } from '../../../lambdas/control/dynamo-control-stores';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../../../lambdas/findings/dynamo-suppression-store';
import { refreshAccountFindings, refreshTouchedFindings } from '../../../lambdas/findings/refresh-findings';
import { RULES } from '../../../lambdas/findings/catalogue';
import type { Asset } from '../../../lambdas/inventory/asset';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { ACCOUNT, NOW, REGION, TENANT, certificate, days, key, secret } from '../../unit/findings/finding-fixtures';
import { apiEvent, bodyOf, silentLogger } from '../api/api-event';
import { sarifSchemaErrors } from '../../support/official-schemas';

let dynamo: LocalDynamo;
let control: ControlStores;
let inventory: InventoryStores;
let store: DynamoFindingsStore;
let suppressions: DynamoSuppressionStore;
let clock = NOW;

const deps = () => ({ store, suppressions, inventory, now: () => clock });
const handler = () => apiHandler(findingsRoutes({ accounts: control.accounts, assets: inventory.assets, findings: store, suppressions, now: () => clock }), silentLogger);
const call = (method: string, resource: string, o: { query?: Record<string, string>; pathParameters?: Record<string, string>; body?: unknown; tenantId?: string; permissions?: string } = {}) =>
  handler()(apiEvent({ method, resource, tenantId: TENANT, permissions: 'admin,reader', ...o }));

const observe = (asset: Asset, at: Date) => {
  const { id: _id, tenantId: _t, source: _s, firstSeen: _f, lastSeen: _l, observedAt: _o, ...discovered } = asset;
  return inventory.assets.upsertFromCrawl(discovered as never, { tenantId: TENANT, ingestionId: `I${at.getTime()}`, observedAt: at.toISOString() });
};

const noRotationKey = key({ keyId: 'norot-0000-0000-0000-000000000001', lifecycle: { rotation: { applicable: true, enabled: false } } });
const expiringCertificate = certificate({ lifecycle: { notAfter: days(5) } });
const healthyKey = key({ keyId: 'healthy-0000-0000-0000-000000000002' });

beforeAll(async () => {
  dynamo = await startDynalite();
  control = dynamoControlStores(dynamo.documentClient, dynamo.controlTable);
  inventory = dynamoInventoryStores(dynamo.documentClient, dynamo.inventoryTable, { regions: [REGION] });
  store = new DynamoFindingsStore(dynamo.documentClient, dynamo.inventoryTable);
  suppressions = new DynamoSuppressionStore(dynamo.documentClient, dynamo.inventoryTable);
  await control.tenants.createTenant({ tenantId: TENANT, name: 'Acme', externalId: 'ExtId-findings-abcdefgh', createdAt: NOW.toISOString() });
  await control.accounts.linkAccount({ tenantId: TENANT, accountId: ACCOUNT, roleArn: `arn:aws:iam::${ACCOUNT}:role/R`, regions: [REGION], now: NOW.toISOString() });
  for (const asset of [noRotationKey, expiringCertificate, healthyKey, secret({ kmsKeyArn: noRotationKey.arn })]) await observe(asset, NOW);
  const outcome = await refreshAccountFindings(TENANT, ACCOUNT, deps());
  expect(outcome.evaluated).toBe(4);
  expect(outcome.opened).toBeGreaterThan(0);
});
afterAll(async () => dynamo.stop());

type Item = { findingId: string; ruleId: string; severity: string; status: string; dueAt: string; asset: { arn: string }; blastRadius: Array<{ arn: string; knownFrom: string }> };
const list = async (query: Record<string, string> = {}) => {
  const res = await call('GET', '/findings', { query });
  expect(res.statusCode).toBe(200);
  return bodyOf(res) as unknown as { items: Item[]; nextCursor: string | null };
};

describe('GET /findings', () => {
  it('lists what the evaluation stored, most urgent first, with the blast radius', async () => {
    const { items } = await list();
    const rules = items.map((f) => `${f.ruleId} ${f.asset.arn}`);
    expect(rules).toContain(`kms-rotation-disabled ${noRotationKey.arn}`);
    expect(rules).toContain(`cert-expiring ${expiringCertificate.arn}`);
    expect(rules.filter((r) => r.endsWith(healthyKey.arn) && !r.startsWith('quantum'))).toEqual([]);
    const ranks = items.map((f) => ['critical', 'high', 'medium', 'low'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const expiring = items.find((f) => f.ruleId === 'cert-expiring')!;
    expect(expiring.severity).toBe('high');
    expect(expiring.blastRadius).toContainEqual(expect.objectContaining({ knownFrom: 'InUseBy' }));
    const rotation = items.find((f) => f.ruleId === 'kms-rotation-disabled')!;
    expect(rotation.blastRadius).toContainEqual(expect.objectContaining({ knownFrom: 'encrypts' }));
    expect(Object.keys(rotation)).not.toContain('tenantId');
  });

  it('filters by rule, severity, profile, asset type and tag, and pages with a cursor', async () => {
    expect((await list({ ruleId: 'kms-rotation-disabled' })).items.map((f) => f.asset.arn)).toEqual([noRotationKey.arn]);
    expect((await list({ severity: 'high' })).items.every((f) => f.severity === 'high')).toBe(true);
    expect((await list({ assetType: 'certificate' })).items.every((f) => f.asset.arn.includes(':acm:'))).toBe(true);
    expect((await list({ profile: 'pqc-readiness' })).items.every((f) => RULES.find((r) => r.id === f.ruleId)!.profiles.includes('pqc-readiness'))).toBe(true);
    expect((await list({ tag: 'team=nobody' })).items).toEqual([]);
    const all = (await list()).items.map((f) => f.findingId);
    const first = await list({ limit: '1' });
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: '1', cursor: first.nextCursor! });
    expect([first.items[0].findingId, second.items[0].findingId]).toEqual(all.slice(0, 2));
  });

  it.each([
    [{ ruleId: 'no-such-rule' }, 'ruleId', /no-such-rule/],
    [{ severity: 'urgent' }, 'severity', /severity/],
    [{ profile: 'cis' }, 'profile', /profile/],
    [{ status: 'closed' }, 'status', /status/],
  ])('400 naming the field for %j', async (query, field, message) => {
    const res = await call('GET', '/findings', { query });
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error).toMatchObject({ code: 'ValidationError', field });
    expect(bodyOf(res).error!.message).toMatch(message);
  });

  it('answers a SARIF 2.1.0 log with format=sarif', async () => {
    const res = await call('GET', '/findings', { query: { format: 'sarif' } });
    expect(res.statusCode).toBe(200);
    const log = bodyOf(res) as unknown as { version: string; $schema: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; partialFingerprints: Record<string, string> }> }> };
    expect(sarifSchemaErrors(log)).toBeNull(); // the official SARIF 2.1.0 schema (test/fixtures/schemas)
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif.*2\.1\.0/);
    const ruleIds = log.runs[0].tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toEqual(RULES.map((r) => r.id));
    const { items } = await list({ limit: '1000' });
    expect(log.runs[0].results).toHaveLength(items.length);
    for (const r of log.runs[0].results) {
      expect(ruleIds).toContain(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
    }
  });

  it('shows another tenant nothing', async () => {
    const res = await call('GET', '/findings', { tenantId: 'someone-else' });
    expect(bodyOf(res).items).toEqual([]);
  });
});

describe('GET /findings/{findingId}', () => {
  it('answers one finding as the list shows it; an unknown, foreign or malformed id is 404 / 400', async () => {
    const target = (await list({ ruleId: 'cert-expiring' })).items[0];
    const res = await call('GET', '/findings/{findingId}', { pathParameters: { findingId: target.findingId }, permissions: 'reader' });
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res).finding).toEqual(target);
    expect((await call('GET', '/findings/{findingId}', { pathParameters: { findingId: 'AAAAAAAAAAAAAAAAAAAAAA' } })).statusCode).toBe(404);
    expect((await call('GET', '/findings/{findingId}', { pathParameters: { findingId: target.findingId }, tenantId: 'someone-else' })).statusCode).toBe(404);
    expect(bodyOf(await call('GET', '/findings/{findingId}', { pathParameters: { findingId: 'short' } })).error?.field).toBe('findingId');
  });
});

describe('GET /findings/rules and /findings/summary', () => {
  it('lists the catalogue', async () => {
    const body = bodyOf(await call('GET', '/findings/rules')) as unknown as { rules: Array<{ id: string; remediation: { url: string } }> };
    expect(body.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(body.rules.every((r) => r.remediation.url.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
  });

  it('counts open findings and names the three most urgent', async () => {
    const body = bodyOf(await call('GET', '/findings/summary')) as unknown as { open: number; bySeverity: Record<string, number>; byAccount: Record<string, number>; mostUrgent: Item[]; certificateExpiry: Record<string, number> };
    const { items } = await list({ status: 'open' });
    expect(body.open).toBe(items.length);
    expect(body.byAccount[ACCOUNT]).toBe(items.length);
    expect(body.mostUrgent.map((f) => f.findingId)).toEqual(items.slice(0, 3).map((f) => f.findingId));
    expect(body.certificateExpiry.within7Days).toBe(1);
  });
});

describe('findings in the inventory routes', () => {
  const inv = () => apiHandler(inventoryRoutes({ accounts: control.accounts, ...inventory, findings: store }), silentLogger);
  const getInventory = (resource: string, o: { query?: Record<string, string>; pathParameters?: Record<string, string> } = {}) =>
    inv()(apiEvent({ method: 'GET', resource, tenantId: TENANT, permissions: 'reader', ...o }));

  it('GET /inventory/{assetId} includes the asset’s open findings', async () => {
    const res = await getInventory('/inventory/{assetId}', { pathParameters: { assetId: expiringCertificate.id } });
    expect(res.statusCode).toBe(200);
    const rules = (bodyOf(res).findings as Item[]).map((f) => f.ruleId);
    expect(rules).toContain('cert-expiring');
    expect((bodyOf(res).findings as Item[]).every((f) => f.status === 'open')).toBe(true);
  });

  it('GET /inventory?hasFindings=true&severity= lists the assets of open findings, most urgent first', async () => {
    const all = bodyOf(await getInventory('/inventory', { query: { hasFindings: 'true' } })) as unknown as { items: Asset[]; nextCursor: string | null };
    const withFindings = new Set((await list({ status: 'open' })).items.map((f) => f.asset.arn));
    expect(new Set(all.items.map((a) => a.arn))).toEqual(withFindings);
    const high = bodyOf(await getInventory('/inventory', { query: { hasFindings: 'true', severity: 'high' } })) as unknown as { items: Asset[] };
    expect(high.items.map((a) => a.arn)).toContain(expiringCertificate.arn);
    const highArns = new Set((await list({ status: 'open', severity: 'high' })).items.map((f) => f.asset.arn));
    expect(high.items.every((a) => highArns.has(a.arn))).toBe(true);
    const page = bodyOf(await getInventory('/inventory', { query: { hasFindings: 'true', limit: '1' } })) as unknown as { items: Asset[]; nextCursor: string };
    const next = bodyOf(await getInventory('/inventory', { query: { hasFindings: 'true', limit: '1', cursor: page.nextCursor } })) as unknown as { items: Asset[] };
    expect([...page.items, ...next.items].map((a) => a.arn)).toEqual(all.items.slice(0, 2).map((a) => a.arn));
    const bad = await getInventory('/inventory', { query: { hasFindings: 'true', severity: 'urgent' } });
    expect(bodyOf(bad).error?.field).toBe('severity');
  });
});

describe('suppressions', () => {
  it('suppresses one finding (kept across evaluations), lifts it, and 404s an unknown one', async () => {
    const target = (await list({ ruleId: 'kms-rotation-disabled' })).items[0];
    const path = { findingId: target.findingId };
    const bad = await call('POST', '/findings/{findingId}/suppressions', { pathParameters: path, body: { reason: 'x', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(bad.statusCode).toBe(400);
    expect(bodyOf(bad).error?.field).toBe('expiresAt');
    const reader = await call('POST', '/findings/{findingId}/suppressions', { pathParameters: path, body: { reason: 'x' }, permissions: 'reader' });
    expect(reader.statusCode).toBe(403);

    const res = await call('POST', '/findings/{findingId}/suppressions', { pathParameters: path, body: { reason: 'Legacy key, retired in Q1' } });
    expect(res.statusCode).toBe(200);
    expect(bodyOf(res).finding).toMatchObject({ status: 'suppressed', suppression: { reason: 'Legacy key, retired in Q1', by: 'token:tok', source: 'finding' } });
    clock = new Date(NOW.getTime() + 60_000);
    await refreshAccountFindings(TENANT, ACCOUNT, deps());
    expect((await list({ ruleId: 'kms-rotation-disabled' })).items[0]).toMatchObject({ findingId: target.findingId, status: 'suppressed' });

    const lifted = await call('DELETE', '/findings/{findingId}/suppressions', { pathParameters: path });
    expect(bodyOf(lifted).finding).toMatchObject({ status: 'open' });
    const missing = await call('POST', '/findings/{findingId}/suppressions', { pathParameters: { findingId: 'AAAAAAAAAAAAAAAAAAAAAA' }, body: { reason: 'x' } });
    expect(missing.statusCode).toBe(404);
    const foreign = await call('DELETE', '/findings/{findingId}/suppressions', { pathParameters: path, tenantId: 'someone-else' });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('live evaluation of touched assets', () => {
  it('resolves kms-rotation-disabled when rotation is turned on, and opens it again when turned off', async () => {
    const finding = async () => (await list({ ruleId: 'kms-rotation-disabled' })).items[0];
    clock = new Date(NOW.getTime() + 120_000);
    await observe(key({ keyId: 'norot-0000-0000-0000-000000000001' }), clock);
    const touched = [{ tenantId: TENANT, accountId: ACCOUNT, region: REGION, arn: noRotationKey.arn }];
    expect(await refreshTouchedFindings(touched, deps())).toMatchObject({ resolved: 1 });
    const resolved = await finding();
    expect(resolved).toMatchObject({ status: 'resolved' });

    clock = new Date(NOW.getTime() + 180_000);
    await observe(noRotationKey, clock);
    expect(await refreshTouchedFindings(touched, deps())).toMatchObject({ opened: 1 });
    const reopened = await finding();
    expect(reopened).toMatchObject({ findingId: resolved.findingId, status: 'open', firstSeenAt: clock.toISOString() });
  });
});

describe('scoped suppressions (a rule for an account or a tag)', () => {
  type Suppression = { suppressionId: string; ruleId: string; accountId?: string; tag?: { key: string; value: string }; reason: string; expiresAt?: string; by: string; at: string; active: boolean };
  const rotationFinding = async () => (await list({ ruleId: 'kms-rotation-disabled' })).items[0];
  const create = (body: unknown, o: { permissions?: string } = {}) => call('POST', '/findings/suppressions', { body, ...o });

  it.each([
    [{ ruleId: 'no-such-rule', scope: { accountId: ACCOUNT }, reason: 'x' }, 'ruleId'],
    [{ ruleId: 'kms-rotation-disabled', scope: {}, reason: 'x' }, 'scope'],
    [{ ruleId: 'kms-rotation-disabled', scope: { accountId: ACCOUNT, tag: { key: 'env', value: 'dev' } }, reason: 'x' }, 'scope'],
    [{ ruleId: 'kms-rotation-disabled', scope: { accountId: ACCOUNT }, reason: 'x', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    [{ ruleId: 'kms-rotation-disabled', scope: { accountId: ACCOUNT }, reason: '  ' }, 'reason'],
    [{ ruleId: 'kms-rotation-disabled', scope: { accountId: '999988887777' }, reason: 'x' }, 'scope.accountId'],
  ])('400 naming the field for %j', async (body, field) => {
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error).toMatchObject({ code: 'ValidationError', field });
  });

  it('is for admins; readers list them; an unknown id is 404', async () => {
    expect((await create({ ruleId: 'kms-rotation-disabled', scope: { accountId: ACCOUNT }, reason: 'x' }, { permissions: 'reader' })).statusCode).toBe(403);
    expect((await call('GET', '/findings/suppressions', { permissions: 'reader' })).statusCode).toBe(200);
    const missing = await call('DELETE', '/findings/suppressions/{suppressionId}', { pathParameters: { suppressionId: 'AAAAAAAAAAAAAAAAAAAAAA' } });
    expect(missing.statusCode).toBe(404);
  });

  it('suppresses the rule in an account now and at every evaluation; lifting it reopens the finding', async () => {
    clock = new Date(NOW.getTime() + 3_600_000);
    expect(await rotationFinding()).toMatchObject({ status: 'open' });
    const res = await create({ ruleId: 'kms-rotation-disabled', scope: { accountId: ACCOUNT }, reason: 'Sandbox account, keys are throwaway' });
    expect(res.statusCode).toBe(201);
    const { suppression, findingsUpdated } = bodyOf(res) as unknown as { suppression: Suppression; findingsUpdated: number };
    expect(findingsUpdated).toBe(1);
    expect(suppression).toMatchObject({ ruleId: 'kms-rotation-disabled', accountId: ACCOUNT, reason: 'Sandbox account, keys are throwaway', by: 'token:tok', at: clock.toISOString(), active: true });
    expect(await rotationFinding()).toMatchObject({ status: 'suppressed', suppression: { source: suppression.suppressionId, by: 'token:tok' } });
    // Other rules of the same account are not touched.
    expect((await list({ status: 'suppressed' })).items.map((f) => f.ruleId)).toEqual(['kms-rotation-disabled']);
    // Evaluations keep it suppressed (the scoped suppression is applied by reconcile).
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    await refreshAccountFindings(TENANT, ACCOUNT, deps());
    expect(await rotationFinding()).toMatchObject({ status: 'suppressed' });
    const listed = bodyOf(await call('GET', '/findings/suppressions')) as unknown as { items: Suppression[] };
    expect(listed.items.map((s) => s.suppressionId)).toEqual([suppression.suppressionId]);

    const lifted = await call('DELETE', '/findings/suppressions/{suppressionId}', { pathParameters: { suppressionId: suppression.suppressionId } });
    expect(lifted.statusCode).toBe(200);
    expect(bodyOf(lifted)).toMatchObject({ findingsUpdated: 1 });
    expect(await rotationFinding()).toMatchObject({ status: 'open' });
    expect(Object.keys(await rotationFinding())).not.toContain('suppression');
    expect(bodyOf(await call('GET', '/findings/suppressions')).items).toEqual([]);
    expect((await call('DELETE', '/findings/suppressions/{suppressionId}', { pathParameters: { suppressionId: suppression.suppressionId } })).statusCode).toBe(404);
  });

  it('suppresses the rule on assets with a tag until it expires; the next evaluation reopens them', async () => {
    const expiresAt = new Date(clock.getTime() + 3_600_000).toISOString();
    const res = await create({ ruleId: 'kms-rotation-disabled', scope: { tag: { key: 'team', value: 'payments' } }, reason: 'Payments keys rotate by re-creation', expiresAt });
    expect(res.statusCode).toBe(201);
    const { suppression } = bodyOf(res) as unknown as { suppression: Suppression };
    expect(suppression).toMatchObject({ tag: { key: 'team', value: 'payments' }, expiresAt });
    expect(await rotationFinding()).toMatchObject({ status: 'suppressed', suppression: { source: suppression.suppressionId, expiresAt } });
    // Another tag value does not match.
    const other = await create({ ruleId: 'kms-rotation-disabled', scope: { tag: { key: 'team', value: 'search' } }, reason: 'not ours' });
    expect(bodyOf(other)).toMatchObject({ findingsUpdated: 0 });

    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await refreshAccountFindings(TENANT, ACCOUNT, deps());
    expect(await rotationFinding()).toMatchObject({ status: 'open' });
    const listed = bodyOf(await call('GET', '/findings/suppressions')) as unknown as { items: Suppression[] };
    expect(listed.items.find((s) => s.suppressionId === suppression.suppressionId)).toMatchObject({ active: false });
  });
});
