/**
 * The rule catalogue over what the real crawler reads from the sandbox account's catalogue of traps
 * (sandbox/estate/generate-estate.ts): every rule sees assets exactly as discovery builds them.
 */
import { ACMClient } from '@aws-sdk/client-acm';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { crawlAccount } from '../../../lambdas/discovery/crawl-account';
import type { RegionClients } from '../../../lambdas/discovery/region-clients';
import { evaluateAsset } from '../../../lambdas/findings/evaluate-asset';
import type { FindingDraft } from '../../../lambdas/findings/finding';
import { RelationsIndex } from '../../../lambdas/findings/relations-index';
import type { Asset } from '../../../lambdas/inventory/asset';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox';

const TENANT = 'tnt-sandbox-findings';
// Midnight: the estate's dates are whole days from the clock's day (sandbox/estate/generate-estate.ts).
const NOW = new Date('2026-12-03T00:00:00.000Z');
const REGIONS = ['us-east-1', 'eu-west-1'];

let sandbox: Sandbox;
let assets: Asset[];
let findings: FindingDraft[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, clock: () => NOW, regions: REGIONS, estateSize: 45 });
  const clientsFor = (region: string): RegionClients => {
    const config = { region, endpoint: sandbox.endpoint, credentials: sandbox.adminCredentials, maxAttempts: 1 };
    return { kms: new KMSClient(config), acm: new ACMClient(config), secretsManager: new SecretsManagerClient(config), ssm: new SSMClient(config) };
  };
  const crawl = await crawlAccount({ accountId: sandbox.accountId, regions: REGIONS, clientsFor });
  expect(crawl.outcomes.every((o) => o.outcome.status === 'COMPLETE')).toBe(true);
  const seen = NOW.toISOString();
  assets = crawl.assets.map((a) => ({ ...a, id: assetId(TENANT, a.arn), tenantId: TENANT, source: 'AWS', firstSeen: seen, lastSeen: seen, observedAt: seen }));
  const index = new RelationsIndex(assets);
  findings = assets.flatMap((a) => evaluateAsset(a, { now: NOW, ...index.relationsOf(a) }));
});

afterAll(async () => {
  await sandbox?.stop();
});

const inFirstRegion = (a: Asset) => a.region === 'us-east-1';
const certificateNamed = (name: string) => assets.find((a) => a.type === 'certificate' && inFirstRegion(a) && a.name === name)!;
const keyDescribed = (description: string) => assets.find((a) => a.details.kind === 'key' && inFirstRegion(a) && a.details.description === description)!;
const secretNamed = (name: string, region = 'us-east-1') => assets.find((a) => a.type === 'secret' && a.region === region && a.name.startsWith(name))!;
const rulesOn = (asset: Asset) => findings.filter((f) => f.asset.assetId === asset.id).map((f) => f.ruleId).sort();
const findingOn = (asset: Asset, ruleId: string) => findings.find((f) => f.asset.assetId === asset.id && f.ruleId === ruleId);

test('certificates: expired, expiring, weak key, SHA-1 signature; a pending request raises nothing', () => {
  expect(rulesOn(certificateNamed('expired.example.com'))).toEqual(['cert-expired']);
  expect(findingOn(certificateNamed('soon.example.com'), 'cert-expiring')).toMatchObject({ severity: 'medium', evidence: { daysToExpiry: 12, autoRenewable: false, inUse: false } });
  expect(rulesOn(certificateNamed('legacy.example.com'))).toEqual(expect.arrayContaining(['cert-weak-key', 'quantum-vulnerable']));
  expect(findingOn(certificateNamed('old.example.com'), 'cert-weak-signature')?.evidence).toMatchObject({ signatureAlgorithm: expect.stringMatching(/^SHA1/i) });
  expect(rulesOn(certificateNamed('pending.example.com'))).toEqual([]);
});

test('an RSA certificate on a CloudFront distribution and a load balancer: quantum-vulnerable, high, with its blast radius', () => {
  const shop = findingOn(certificateNamed('shop.example.com'), 'quantum-vulnerable')!;
  expect(shop.severity).toBe('high');
  expect(shop.blastRadius.map((e) => [e.resourceType, e.knownFrom]).sort()).toEqual([
    ['cloudfront-distribution', 'InUseBy'],
    ['load-balancer', 'InUseBy'],
  ]);
});

test('keys: rotation off, pending deletion; AWS managed, HMAC and ML-DSA keys raise no rotation or quantum finding', () => {
  expect(rulesOn(keyDescribed('Legacy key, rotation never enabled'))).toEqual(['kms-rotation-disabled']);
  expect(findingOn(keyDescribed('Retired key'), 'kms-key-pending-deletion')).toMatchObject({ severity: 'medium' });
  expect(rulesOn(keyDescribed('Post-quantum signing pilot'))).toEqual([]);
  expect(rulesOn(keyDescribed('Webhook MAC'))).toEqual([]);
  expect(rulesOn(keyDescribed('Code signing'))).toEqual(['quantum-vulnerable']);
  const awsManaged = assets.filter((a) => a.details.kind === 'key' && a.details.keyManager === 'AWS');
  expect(awsManaged.length).toBeGreaterThan(0);
  for (const key of awsManaged) expect(rulesOn(key)).toEqual([]);
});

test('the key that encrypts secrets lists them in its blast radius', () => {
  const appData = assets.find((a) => a.type === 'key' && inFirstRegion(a) && a.relations.aliases?.includes('alias/app-data'))!;
  const encrypted = new RelationsIndex(assets).relationsOf(appData).encryptedAssets.map((r) => r.arn);
  expect(encrypted).toEqual(expect.arrayContaining([secretNamed('prod/api-key').arn]));
});

test('secrets: rotation off or never configured fires; managed, EventBridge, replica and pending-deletion secrets are excepted', () => {
  expect(rulesOn(secretNamed('prod/api-key'))).toContain('secret-rotation-disabled');
  expect(findingOn(secretNamed('prod/partner-token'), 'secret-rotation-disabled')?.evidence).toMatchObject({ rotationEnabled: null });
  expect(rulesOn(secretNamed('prod/db/password'))).not.toContain('secret-rotation-disabled');
  for (const name of ['rds!db-', 'events!connection/', 'old/token']) {
    expect([name, rulesOn(secretNamed(name)).filter((r) => r.startsWith('secret-rotation') || r === 'secret-not-rotated')]).toEqual([name, []]);
  }
  expect(rulesOn(secretNamed('shared/config'))).toContain('secret-rotation-disabled');
  expect(rulesOn(secretNamed('shared/config', 'eu-west-1'))).not.toContain('secret-rotation-disabled');
});
