import { partitionOf, resolveKeyReferences } from '../inventory/key-references';
import type { DiscoveredAsset } from '../inventory/asset';
import type { AssetRefresher, DescribeAsset, RefreshCause, RefreshRequest } from './asset-refresher';
import type { EventStore } from './event-store';
import { CertificateNotYetVisibleError } from './errors';
import { ALIASES, REPLICAS, set, TAGS, unset, type FieldOp } from './inventory-change';

export interface DescribeAssetRefresherOptions {
  readonly describe: DescribeAsset;
  readonly store: EventStore;
  readonly now?: () => Date;
  /**
   * How long after the API call (the cause's `eventTime`) ACM may still not know a new certificate; past it, "not
   * found" means the certificate is gone and is not retried. @default 15 000 ms ("a delay of several seconds")
   */
  readonly notFoundWindowMs?: number;
}

/** Default of `notFoundWindowMs`: AWS documents "several seconds"; 15 s leaves room for clock skew. */
export const CERTIFICATE_NOT_FOUND_WINDOW_MS = 15_000;

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
 * Refresh = one describe, applied as an observation. A certificate ACM does not know yet ("there is a delay of
 * several seconds before you can retrieve information about it", API_RequestCertificate) fails only its own record
 * with CertificateNotYetVisibleError, so SQS redelivers that record later; nothing waits inside the batch (a wait held
 * every record of the batch, since they finish together). Past `notFoundWindowMs` after the call, "not found" means
 * the certificate is gone: the asset is left as the events built it and the next crawl decides.
 * https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html
 */
export class DescribeAssetRefresher implements AssetRefresher {
  private readonly now: () => Date;
  private readonly windowMs: number;

  constructor(private readonly options: DescribeAssetRefresherOptions) {
    this.now = options.now ?? (() => new Date());
    this.windowMs = options.notFoundWindowMs ?? CERTIFICATE_NOT_FOUND_WINDOW_MS;
  }

  async refresh(request: RefreshRequest, cause?: RefreshCause): Promise<void> {
    const calledAt = cause === undefined ? Number.NaN : Date.parse(cause.eventTime);
    const readAt = this.now().toISOString();
    const described = await this.options.describe(request);
    if (!described) {
      // Without a (valid) event time the call is taken as made now: as fresh as it can be.
      const retryUntil = (Number.isNaN(calledAt) ? this.now().getTime() : calledAt) + this.windowMs;
      if (request.type === 'certificate' && this.now().getTime() < retryUntil) throw new CertificateNotYetVisibleError(request.arn);
      return;
    }
    const asset = await this.resolveKeyAlias(request, described);
    await this.options.store.applyAssetChange(
      request.tenantId,
      { kind: 'asset', asset: { type: request.type, arn: request.arn, accountId: request.accountId, region: request.region }, ops: observationOps(asset) },
      { time: readAt, eventId: 'refresh' },
      { eventName: 'TargetedRefresh', who: 'platform' },
    );
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
