import { partitionOf, resolveKeyReferences } from '../discovery/key-references';
import type { DiscoveredAsset } from '../inventory/asset';
import type { AssetRefresher, DescribeAsset, RefreshRequest } from './asset-refresher';
import type { EventStore } from './event-store';
import { ALIASES, REPLICAS, set, TAGS, unset, type FieldOp } from './inventory-change';

export interface DescribeAssetRefresherOptions {
  readonly describe: DescribeAsset;
  readonly store: EventStore;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Attempts for a certificate ACM does not know yet. @default 4 (waits 1 s, 2 s, 4 s) */
  readonly notFoundAttempts?: number;
}

const LIFECYCLE_FIELDS = ['state', 'createdAt', 'lastModifiedAt', 'notBefore', 'notAfter', 'deletionDate'] as const;
const ROTATION_FIELDS = ['applicable', 'enabled', 'periodDays', 'lastRotatedAt', 'nextRotationAt'] as const;

/**
 * A describe result as one observation: every field it reports, as ops stamped with the read time, so it takes part
 * in the same newest-wins ordering as events (a later event still wins over an earlier read, and vice versa).
 */
export function observationOps(asset: DiscoveredAsset): FieldOp[] {
  const ops: FieldOp[] = [set(['deleted'], false), unset(['deletedAt']), set(['name'], asset.name), set(['crypto'], asset.crypto)];
  if (asset.secure !== undefined) ops.push(set(['secure'], asset.secure));
  const lifecycle = asset.lifecycle as unknown as Record<string, unknown>;
  for (const field of LIFECYCLE_FIELDS) ops.push(lifecycle[field] !== undefined ? set(['lifecycle', field], lifecycle[field]) : unset(['lifecycle', field]));
  const rotation = (asset.lifecycle.rotation ?? {}) as Record<string, unknown>;
  for (const field of ROTATION_FIELDS) ops.push(rotation[field] !== undefined ? set(['lifecycle', 'rotation', field], rotation[field]) : unset(['lifecycle', 'rotation', field]));
  const relations = asset.relations;
  ops.push(relations.kmsKeyArn ? set(['relations', 'kmsKeyArn'], relations.kmsKeyArn) : unset(['relations', 'kmsKeyArn']));
  ops.push(relations.kmsKeyRef ? set(['relations', 'kmsKeyRef'], relations.kmsKeyRef) : unset(['relations', 'kmsKeyRef']));
  ops.push(set(['relations', 'inUseBy'], relations.inUseBy));
  if (relations.aliases) ops.push({ op: 'replace-entries', path: ALIASES, entries: Object.fromEntries(relations.aliases.map((a) => [a, a])) });
  ops.push({ op: 'replace-entries', path: TAGS, entries: asset.tags });
  for (const [field, value] of Object.entries(asset.details)) {
    if (field === 'replicas') {
      const replicas = (value ?? []) as readonly { region: string }[];
      ops.push({ op: 'replace-entries', path: REPLICAS, entries: Object.fromEntries(replicas.map((r) => [r.region, r])) });
    } else {
      ops.push(set(['details', field], value));
    }
  }
  ops.push(asset.coverageGaps ? set(['coverageGaps'], asset.coverageGaps) : unset(['coverageGaps']));
  return ops;
}

/**
 * Refresh = describe (retrying while ACM does not know a just-requested certificate: "there is a delay of several
 * seconds before you can retrieve information about it", API_RequestCertificate) and apply as an observation.
 * An asset still not found is left as the events built it: the next crawl decides whether it exists.
 */
export class DescribeAssetRefresher implements AssetRefresher {
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly attempts: number;

  constructor(private readonly options: DescribeAssetRefresherOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.attempts = options.notFoundAttempts ?? 4;
  }

  async refresh(request: RefreshRequest): Promise<void> {
    const attempts = request.type === 'certificate' ? this.attempts : 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const readAt = this.now().toISOString();
      const described = await this.options.describe(request);
      if (described) {
        const asset = await this.resolveKeyAlias(request, described);
        await this.options.store.applyAssetChange(
          request.tenantId,
          { kind: 'asset', asset: { type: request.type, arn: request.arn, accountId: request.accountId, region: request.region }, ops: observationOps(asset) },
          { time: readAt, eventId: 'refresh' },
          { eventName: 'TargetedRefresh', who: 'platform' },
        );
        return;
      }
      if (attempt < attempts) await this.sleep(1000 * 2 ** (attempt - 1));
    }
  }

  /**
   * A describe names a secret's or parameter's key as the service reports it, often an alias (`alias/aws/ssm`). The
   * crawl resolves it in Finalize against the region's key aliases; a refresh does the same against the stored keys,
   * so it never replaces a resolved key ARN by a bare alias. An alias no stored key holds stays a reference.
   */
  private async resolveKeyAlias(request: RefreshRequest, asset: DiscoveredAsset): Promise<DiscoveredAsset> {
    const ref = asset.relations.kmsKeyRef;
    if (!ref || asset.relations.kmsKeyArn) return asset;
    const aliasName = /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)$/.exec(ref)?.[1] ?? (ref.startsWith('alias/') ? ref : undefined);
    const holders = aliasName
      ? await this.options.store.findAliasHolders(request.tenantId, request.accountId, request.region, aliasName)
      : [];
    const scope = { partition: partitionOf(request.arn), region: request.region, accountId: request.accountId };
    const keyArnByAlias = new Map(holders.length === 1 && aliasName ? [[aliasName, holders[0]!]] : []);
    return resolveKeyReferences(asset, { ...scope, keyArnByAlias });
  }
}
