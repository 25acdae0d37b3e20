import { inventoryToCbom, ROOT_BOM_REF } from '../../../lambdas/cbom/inventory-to-cbom';
import type { CbomDocument } from '../../../lambdas/cbom/cbom-types';
import { SECRET_STATE } from '../../../lambdas/events/mappers/secretsmanager';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';
import { cbomSchemaErrors } from '../../support/official-schemas';
import { acmCertificate, kmsKey, parameter, secret } from './cbom-fixtures';

// Lifecycle states and dates from the asset, the plaintext-parameter exclusion, and the dependency graph.
// The fixture certificates are valid 2025-01-01 → 2026-01-01.
const DURING = new Date('2025-06-01T00:00:00.000Z');
const AFTER = new Date('2026-02-01T00:00:00.000Z');
const BEFORE = new Date('2024-06-01T00:00:00.000Z');

function exportAt(now: Date, assets: DiscoveredAsset[]): CbomDocument {
  const doc = inventoryToCbom(assets, { generatedAt: now });
  expect(cbomSchemaErrors(doc)).toBeNull();
  return doc;
}
const material = (doc: CbomDocument, ref: string) => {
  const c = doc.components.find((x) => x['bom-ref'] === ref);
  if (!c) throw new Error(`no component ${ref}`);
  return (c.cryptoProperties as unknown as { relatedCryptoMaterialProperties: Record<string, unknown> }).relatedCryptoMaterialProperties;
};
const publicKeyOf = (doc: CbomDocument, cert: DiscoveredAsset) => material(doc, `${cert.arn}#subject-public-key`);
const withState = (asset: DiscoveredAsset, state: string, details: object = {}): DiscoveredAsset => ({
  ...asset,
  lifecycle: { ...asset.lifecycle, state },
  details: { ...asset.details, ...details } as DiscoveredAsset['details'],
});

describe('certificate keys', () => {
  let cert: DiscoveredAsset;
  beforeAll(async () => {
    cert = await acmCertificate('life', { kind: 'EC', curve: 'P-256' });
  });

  it('an issued certificate inside its validity: active, activation and expiration dates from notBefore/notAfter', () => {
    expect(publicKeyOf(exportAt(DURING, [cert]), cert)).toMatchObject({
      state: 'active',
      activationDate: '2025-01-01T00:00:00.000Z',
      expirationDate: '2026-01-01T00:00:00.000Z',
    });
  });

  it('past notAfter the key is not active, even while the stored status still says ISSUED; EXPIRED likewise', () => {
    expect(publicKeyOf(exportAt(AFTER, [cert]), cert).state).toBe('deactivated');
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'EXPIRED')]), cert).state).toBe('deactivated');
  });

  it('before notBefore or pending validation: pre-activation', () => {
    expect(publicKeyOf(exportAt(BEFORE, [cert]), cert).state).toBe('pre-activation');
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'PENDING_VALIDATION')]), cert).state).toBe('pre-activation');
  });

  it('revoked: compromised when the reason says so (as the events mapper records it), else deactivated', () => {
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'REVOKED', { revocationReason: 'KEY_COMPROMISE' })]), cert).state).toBe('compromised');
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'REVOKED', { revocationReason: 'SUPERSEDED' })]), cert).state).toBe('deactivated');
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'REVOKED')]), cert).state).toBe('deactivated');
  });

  it('a failed request claims no state', () => {
    expect(publicKeyOf(exportAt(DURING, [withState(cert, 'FAILED')]), cert)).not.toHaveProperty('state');
  });
});

describe('KMS keys and secrets', () => {
  it('a key pending deletion is deactivated and its deletion date is the expiration date', () => {
    const key = kmsKey('retiring', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', {}, { state: 'PendingDeletion', deletionDate: '2025-06-08T00:00:00.000Z' });
    expect(material(exportAt(DURING, [key]), key.arn)).toMatchObject({ state: 'deactivated', expirationDate: '2025-06-08T00:00:00.000Z' });
    const replica = kmsKey('replica', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', {}, { state: 'PendingReplicaDeletion', deletionDate: '2025-06-09T00:00:00.000Z' });
    expect(material(exportAt(DURING, [replica]), replica.arn)).toMatchObject({ state: 'deactivated', expirationDate: '2025-06-09T00:00:00.000Z' });
  });

  it('enabled → active with no expiration; disabled → suspended; pending import → pre-activation', () => {
    const enabled = kmsKey('on', 'RSA_2048', 'SIGN_VERIFY');
    expect(material(exportAt(DURING, [enabled]), enabled.arn)).toMatchObject({ state: 'active' });
    expect(material(exportAt(DURING, [enabled]), enabled.arn)).not.toHaveProperty('expirationDate');
    const disabled = kmsKey('off', 'RSA_2048', 'SIGN_VERIFY', {}, { state: 'Disabled' });
    expect(material(exportAt(DURING, [disabled]), disabled.arn).state).toBe('suspended');
    const importing = kmsKey('imp', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', { origin: 'EXTERNAL' }, { state: 'PendingImport' });
    expect(material(exportAt(DURING, [importing]), importing.arn).state).toBe('pre-activation');
  });

  it('a secret scheduled for deletion (state as crawl and events write it) is deactivated until its deletion date', () => {
    const key = kmsKey('cmk', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    const live = secret('live', key.arn);
    const going = { ...secret('going', key.arn), lifecycle: { ...live.lifecycle, state: 'PendingDeletion', deletionDate: '2025-07-01T00:00:00.000Z' } };
    const doc = exportAt(DURING, [key, live, going]);
    expect(material(doc, live.arn)).toMatchObject({ state: 'active' });
    expect(material(doc, live.arn)).not.toHaveProperty('expirationDate');
    expect(material(doc, going.arn)).toMatchObject({ state: 'deactivated', expirationDate: '2025-07-01T00:00:00.000Z' });
  });
});

it('one casing: the states the events mapper writes give the CBOM states the crawl\'s do', () => {
  const key = kmsKey('cmk', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
  const crawled = secret('crawled', key.arn); // the fixture's state is the crawl's (lambdas/discovery/secrets-manager-crawler.ts)
  const fromEvent = { ...secret('event', key.arn), lifecycle: { ...crawled.lifecycle, state: SECRET_STATE.active } };
  const deletedByEvent = { ...secret('deleted', key.arn), lifecycle: { ...crawled.lifecycle, state: SECRET_STATE.pendingDeletion } };
  const doc = exportAt(DURING, [key, crawled, fromEvent, deletedByEvent]);
  expect(crawled.lifecycle.state).toBe(SECRET_STATE.active);
  expect([material(doc, crawled.arn).state, material(doc, fromEvent.arn).state, material(doc, deletedByEvent.arn).state]).toEqual(['active', 'active', 'deactivated']);
});

describe('plaintext SSM parameters', () => {
  it('String and StringList parameters are not cryptographic material: no component, counted in the metadata', () => {
    const key = kmsKey('cmk', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    const plain = parameter('/app/endpoint', false);
    const list: DiscoveredAsset = { ...parameter('/app/hosts', false), details: { kind: 'parameter', parameterType: 'StringList' } };
    const secure = parameter('/app/token', true, key.arn);
    const doc = exportAt(DURING, [key, plain, list, secure]);
    const refs = doc.components.map((c) => c['bom-ref']);
    expect(refs).not.toContain(plain.arn);
    expect(refs).not.toContain(list.arn);
    expect(refs).toContain(secure.arn);
    expect(JSON.stringify(doc)).not.toContain('/app/endpoint');
    expect(doc.metadata.properties).toEqual(expect.arrayContaining([{ name: 'aqg:assetCount', value: '2' }, { name: 'aqg:excludedPlaintextParameterCount', value: '2' }]));
  });

  it('an export of plaintext parameters only is an empty, valid CBOM', () => {
    const doc = exportAt(DURING, [parameter('/a', false), parameter('/b', false)]);
    expect(doc.components).toEqual([]);
  });
});

describe('dependencies', () => {
  it('the root depends on every asset, and every component is reachable from it; no reference dangles', async () => {
    const key = kmsKey('cmk', 'SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT');
    const assets = [key, kmsKey('sig', 'ML_DSA_65', 'SIGN_VERIFY'), await acmCertificate('web', { kind: 'RSA', bits: 2048 }), secret('db', key.arn), parameter('/p', true, key.arn)];
    const doc = exportAt(DURING, assets);
    expect(doc.metadata).toMatchObject({ component: { 'bom-ref': ROOT_BOM_REF } });
    const edges = new Map((doc.dependencies ?? []).map((d) => [d.ref, d.dependsOn ?? []]));
    expect([...edges.get(ROOT_BOM_REF)!].sort()).toEqual(assets.map((a) => a.arn).sort());
    const refs = new Set(doc.components.map((c) => c['bom-ref']));
    for (const [from, tos] of edges) {
      expect(from === ROOT_BOM_REF || refs.has(from)).toBe(true);
      for (const to of tos) expect(refs).toContain(to);
    }
    const reached = new Set<string>();
    const visit = (ref: string): void => {
      for (const to of edges.get(ref) ?? []) if (!reached.has(to)) (reached.add(to), visit(to));
    };
    visit(ROOT_BOM_REF);
    expect([...reached].sort()).toEqual([...refs].sort());
    // a KMS key depends on its algorithm; a secret on its key and the algorithm that encrypts it
    expect(edges.get(key.arn)).toEqual(['crypto/algorithm/aes-256-gcm/ae/aws-kms-hsm']);
    expect(edges.get(assets[3]!.arn)).toEqual([key.arn, 'crypto/algorithm/aes-256-gcm/ae']);
  });
});
