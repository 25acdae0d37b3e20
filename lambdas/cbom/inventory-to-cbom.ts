import { randomUUID } from 'node:crypto';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { Asset, DiscoveredAsset } from '../inventory/asset';
import type { AlgorithmSpec } from './algorithm-component';
import { assetComponents, type CryptoComponentSpec } from './asset-components';
import type { CbomComponent, CbomCryptoProperties, CbomDocument } from './cbom-types';

export { CBOM_MEDIA_TYPE } from './cbom-media-type';

export const CBOM_TOOL_NAME = 'aqtive-guard-aws-integration';

export interface CbomMeta {
  /** When the document was generated (metadata.timestamp). */
  readonly generatedAt: Date;
  /** `urn:uuid:…`; a new random one when absent (RFC 4122 v4, as CycloneDX recommends). */
  readonly serialNumber?: string;
  /** What the BOM describes, e.g. "AWS account 111122223333" (metadata.component name). @default "AWS" */
  readonly subject?: string;
  readonly toolVersion?: string;
  /** Extra metadata.properties, e.g. the tenant and the filters of an API export. */
  readonly properties?: Readonly<Record<string, string>>;
}

export class DuplicateBomRefError extends Error {
  constructor(readonly bomRef: string) {
    super(`Two assets share the bom-ref ${bomRef}`);
    this.name = 'DuplicateBomRefError';
  }
}

/** bom-ref of metadata.component, the estate the CBOM describes. */
export const ROOT_BOM_REF = 'aws-estate';

/**
 * Accumulates assets into a CycloneDX 1.6 CBOM, one at a time (the API feeds it page by page). The library builds
 * the BOM skeleton, serial number, metadata, components, bom-refs, properties and the dependency graph, and
 * serializes for spec 1.6; it has no model for `cryptoProperties`, so those are merged into the normalized
 * components by bom-ref. The document itself is held in memory: callers bound the number of assets.
 * Lifecycle states are as of `now` (an ISSUED certificate past NotAfter is no longer active).
 */
export class CbomBuilder {
  private readonly bom = new Models.Bom();
  private readonly crypto = new Map<string, CbomCryptoProperties>();
  private readonly components = new Map<string, Models.Component>();
  private readonly pendingDependencies: { from: string; to: string }[] = [];
  /** The asset components (not their parts or algorithms): what the root depends on. */
  private readonly assetRefs: string[] = [];
  private assets = 0;
  private excluded = 0;

  constructor(private readonly now: Date) {}

  /** Assets read so far, whether or not they became components. */
  get assetCount(): number {
    return this.assets + this.excluded;
  }

  add(asset: Asset | DiscoveredAsset): void {
    const mapped = assetComponents(asset, this.now);
    if (!mapped) {
      this.excluded++;
      return;
    }
    this.addComponent(mapped.component);
    this.assetRefs.push(mapped.component.bomRef);
    for (const part of mapped.parts) this.addComponent(part);
    for (const algorithm of mapped.algorithms) this.addAlgorithm(algorithm);
    this.assets++;
  }

  build(meta: CbomMeta): CbomDocument {
    // A dependency on a key outside this export (another account, or filtered out) would dangle: the kmsKeyArn
    // property still names it.
    for (const { from, to } of this.pendingDependencies) {
      const target = this.components.get(to);
      if (target) this.components.get(from)!.dependencies.add(target.bomRef);
    }
    this.bom.serialNumber = meta.serialNumber ?? `urn:uuid:${randomUUID()}`;
    this.bom.metadata.timestamp = meta.generatedAt;
    this.bom.metadata.tools.components.add(
      new Models.Component(Enums.ComponentType.Application, CBOM_TOOL_NAME, { version: meta.toolVersion, group: 'sandboxaq' }),
    );
    const root = new Models.Component(Enums.ComponentType.Platform, meta.subject ?? 'AWS', { bomRef: ROOT_BOM_REF });
    // The estate depends on its assets; they depend on their keys and algorithms, so every component is reachable.
    for (const ref of this.assetRefs) root.dependencies.add(this.components.get(ref)!.bomRef);
    this.bom.metadata.component = root;
    for (const [name, value] of Object.entries(meta.properties ?? {})) this.bom.metadata.properties.add(new Models.Property(name, value));
    this.bom.metadata.properties.add(new Models.Property('aqg:assetCount', String(this.assets)));
    if (this.excluded > 0) this.bom.metadata.properties.add(new Models.Property('aqg:excludedPlaintextParameterCount', String(this.excluded)));

    const normalized = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6).makeForBom().normalize(this.bom, { sortLists: true });
    const components = (normalized.components ?? []).map((c) => {
      const ref = (c as { 'bom-ref'?: string })['bom-ref'];
      const cryptoProperties = ref === undefined ? undefined : this.crypto.get(ref);
      return (cryptoProperties ? { ...c, cryptoProperties } : c) as unknown as CbomComponent;
    });
    return { ...(normalized as unknown as CbomDocument), components };
  }

  private addComponent(spec: CryptoComponentSpec): void {
    if (this.components.has(spec.bomRef)) throw new DuplicateBomRefError(spec.bomRef);
    const component = new Models.Component(Enums.ComponentType.CryptographicAsset, spec.name, { bomRef: spec.bomRef });
    for (const [name, value] of spec.properties) component.properties.add(new Models.Property(name, value));
    this.bom.components.add(component);
    this.components.set(spec.bomRef, component);
    this.crypto.set(spec.bomRef, spec.cryptoProperties);
    for (const to of spec.dependsOn) this.pendingDependencies.push({ from: spec.bomRef, to });
  }

  private addAlgorithm(spec: AlgorithmSpec): void {
    if (this.crypto.has(spec.bomRef)) return; // one component per distinct algorithm
    const component = new Models.Component(Enums.ComponentType.CryptographicAsset, spec.name, { bomRef: spec.bomRef });
    for (const [name, value] of spec.componentProperties ?? []) component.properties.add(new Models.Property(name, value));
    this.bom.components.add(component);
    this.components.set(spec.bomRef, component);
    this.crypto.set(spec.bomRef, { assetType: 'algorithm', algorithmProperties: spec.properties, ...(spec.oid ? { oid: spec.oid } : {}) });
  }
}

/** The CycloneDX 1.6 CBOM (JSON object) of some inventory assets. Pure apart from the default random serial number. */
export function inventoryToCbom(assets: Iterable<Asset | DiscoveredAsset>, meta: CbomMeta): CbomDocument {
  const builder = new CbomBuilder(meta.generatedAt);
  for (const asset of assets) builder.add(asset);
  return builder.build(meta);
}
