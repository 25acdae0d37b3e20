/**
 * The exports of a whole account: `scan --format cbom` and `--format sarif` over the sandbox account (its catalogue
 * of traps, sandbox/estate/generate-estate.ts), validated against the official CycloneDX 1.6 and SARIF 2.1.0
 * schemas, and read the way a CBOM consumer reads them.
 */
import { ACMClient } from '@aws-sdk/client-acm';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { EXIT, runScan, type ScanDependencies } from '../../../cli/scan-cli';
import { ROOT_BOM_REF } from '../../../lambdas/cbom/inventory-to-cbom';
import type { CbomComponent, CbomDocument } from '../../../lambdas/cbom/cbom-types';
import { UNPACED } from '../../../lambdas/discovery/request-pacer';
import { startSandbox, type Sandbox } from '../../../sandbox/sandbox';
import { cbomSchemaErrors, sarifSchemaErrors } from '../../support/official-schemas';

// Midnight: the estate's dates are whole days from the clock's day (sandbox/estate/generate-estate.ts).
const NOW = new Date('2026-12-03T00:00:00.000Z');
const REGIONS = ['us-east-1', 'eu-west-1'];

let sandbox: Sandbox;
let cbom: CbomDocument;
let sarif: { version: string; runs: { results: { ruleId: string }[] }[] };
let inventory: { assets: { arn: string; type: string; name: string; details: { parameterType?: string } }[] };

async function scan(format: string): Promise<string> {
  const out: string[] = [];
  const deps: ScanDependencies = {
    stdout: (t) => out.push(t),
    stderr: () => undefined,
    verify: async () => ({ accountId: sandbox.accountId, arn: `arn:aws:sts::${sandbox.accountId}:assumed-role/Admin/scan` }),
    clientsFor: ({ region }) => {
      const config = { region, endpoint: sandbox.endpoint, credentials: sandbox.adminCredentials, maxAttempts: 1 };
      return { kms: new KMSClient(config), acm: new ACMClient(config), secretsManager: new SecretsManagerClient(config), ssm: new SSMClient(config) };
    },
    pacer: UNPACED,
    writeFile: async () => undefined,
    isDirectory: async () => true,
    now: () => NOW,
  };
  expect(await runScan(['--regions', REGIONS.join(','), '--format', format], deps)).toBe(EXIT.OK);
  return out.join('');
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, clock: () => NOW, regions: REGIONS, estateSize: 45 });
  cbom = JSON.parse(await scan('cbom')) as CbomDocument;
  sarif = JSON.parse(await scan('sarif')) as typeof sarif;
  inventory = JSON.parse(await scan('json')) as typeof inventory;
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

const byRef = new Map<string, CbomComponent>();
const component = (ref: string): CbomComponent => {
  if (byRef.size === 0) for (const c of cbom.components) byRef.set(c['bom-ref'], c);
  const c = byRef.get(ref);
  if (!c) throw new Error(`no component ${ref}`);
  return c;
};
const material = (ref: string) => (component(ref).cryptoProperties as unknown as { relatedCryptoMaterialProperties: Record<string, unknown> }).relatedCryptoMaterialProperties;
const assetNamed = (type: string, name: string) => inventory.assets.find((a) => a.type === type && a.name === name && a.arn.includes(':us-east-1:'))!;

test('the CBOM of the whole account is valid CycloneDX 1.6 (official schema)', () => {
  expect(cbom.components.length).toBeGreaterThan(50);
  expect(cbomSchemaErrors(cbom)).toBeNull();
});

test('the SARIF log of the account\'s findings is valid SARIF 2.1.0 (official schema)', () => {
  expect(sarif.runs[0]!.results.length).toBeGreaterThan(5);
  expect(sarifSchemaErrors(sarif)).toBeNull();
});

test('every algorithm has an OID and both security levels', () => {
  const algorithms = cbom.components.filter((c) => c.cryptoProperties?.assetType === 'algorithm');
  expect(algorithms.length).toBeGreaterThan(5);
  for (const a of algorithms) {
    const cp = a.cryptoProperties as unknown as { oid?: string; algorithmProperties: Record<string, unknown> };
    expect({ name: a.name, oid: cp.oid, classical: typeof cp.algorithmProperties.classicalSecurityLevel, quantum: typeof cp.algorithmProperties.nistQuantumSecurityLevel }).toEqual({
      name: a.name,
      oid: expect.stringMatching(/^[0-2](\.\d+)+$/),
      classical: 'number',
      quantum: 'number',
    });
  }
});

test('plaintext parameters are inventoried but not in the CBOM; SecureStrings are', () => {
  const parameters = inventory.assets.filter((a) => a.type === 'parameter');
  const plain = parameters.filter((p) => p.details.parameterType !== 'SecureString');
  expect(plain.length).toBeGreaterThan(0);
  const refs = new Set(cbom.components.map((c) => c['bom-ref']));
  for (const p of plain) expect(refs.has(p.arn)).toBe(false);
  for (const p of parameters.filter((x) => x.details.parameterType === 'SecureString')) expect(refs.has(p.arn)).toBe(true);
  expect(cbom.metadata.properties).toContainEqual({ name: 'aqg:excludedPlaintextParameterCount', value: String(plain.length) });
});

test('lifecycle: the expired certificate\'s key is deactivated; the retiring key is deactivated until its deletion date', () => {
  const expired = assetNamed('certificate', 'expired.example.com');
  expect(material(`${expired.arn}#subject-public-key`).state).toBe('deactivated');
  const retiring = inventory.assets.find((a) => a.type === 'key' && a.arn.includes(':us-east-1:') && (a.details as { description?: string }).description === 'Retired key')!;
  expect(material(retiring.arn)).toMatchObject({ state: 'deactivated', expirationDate: new Date(NOW.getTime() + 5 * 86_400_000).toISOString() });
  const old = assetNamed('certificate', 'old.example.com');
  const signatureRef = (component(old.arn).cryptoProperties as unknown as { certificateProperties: { signatureAlgorithmRef: string } }).certificateProperties.signatureAlgorithmRef;
  expect(component(signatureRef).name).toMatch(/^SHA1with/);
  expect((component(signatureRef).cryptoProperties as unknown as { algorithmProperties: Record<string, unknown> }).algorithmProperties).not.toHaveProperty('parameterSetIdentifier');
});

test('every component is reachable from the root through dependencies', () => {
  const edges = new Map((cbom.dependencies ?? []).map((d) => [d.ref, d.dependsOn ?? []]));
  const reached = new Set<string>();
  const stack = [ROOT_BOM_REF];
  while (stack.length > 0) for (const to of edges.get(stack.pop()!) ?? []) if (!reached.has(to)) (reached.add(to), stack.push(to));
  expect(cbom.components.filter((c) => !reached.has(c['bom-ref'])).map((c) => c['bom-ref'])).toEqual([]);
});
