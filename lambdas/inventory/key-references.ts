import { parseArn } from '../shared/arn';
import type { DiscoveredAsset } from './asset';

/**
 * Key-reference resolution: a relation to a KMS key is always the key's ARN. Services report the key as a key ARN,
 * a bare key id, an alias name (`alias/x`) or an alias ARN, or not at all (the implicit AWS managed key:
 * `aws/secretsmanager` for Secrets Manager, `alias/aws/ssm` for SecureString parameters).
 *
 * Where the join happens: KMS and the other services of a Region are crawled in parallel (maybe in different
 * Lambdas), so a crawl emits assets with what it can resolve without a lookup (key ARNs, bare ids) and keeps the
 * raw `relations.kmsKeyRef` otherwise. Whoever holds the Region's KMS aliases applies `resolveKeyReferences` once
 * they are known: `scan` in memory per Region, the backend in Finalize from the stored key assets'
 * `relations.aliases` (`aliasIndexFromKeyAssets`).
 */
export interface AliasIndex {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** "alias/name" → key ARN. */
  readonly keyArnByAlias: ReadonlyMap<string, string>;
}

export function emptyAliasIndex(scope: { partition: string; region: string; accountId: string }): AliasIndex {
  return { ...scope, keyArnByAlias: new Map() };
}

export function aliasIndexFromKeyAssets(
  scope: { partition: string; region: string; accountId: string },
  keys: Iterable<Pick<DiscoveredAsset, 'type' | 'arn' | 'region' | 'relations'>>,
): AliasIndex {
  const map = new Map<string, string>();
  for (const key of keys) {
    if (key.type !== 'key' || key.region !== scope.region) continue;
    for (const alias of key.relations.aliases ?? []) map.set(alias, key.arn);
  }
  return { ...scope, keyArnByAlias: map };
}

/** Partition from any ARN ("arn:aws-cn:…" → "aws-cn"). */
export function partitionOf(arn: string): string {
  return parseArn(arn)?.partition || 'aws';
}

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A key reference → key ARN, or undefined when it needs an alias we do not know (yet). */
export function resolveKmsKeyRef(ref: string, index: AliasIndex): string | undefined {
  const arn = /^arn:([^:]+):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/.exec(ref);
  if (arn) {
    const [, , region, account, kind, rest] = arn;
    if (kind === 'key') return ref;
    // An alias ARN resolves only through this Region's (and account's) alias list.
    if (region !== index.region || account !== index.accountId) return undefined;
    return index.keyArnByAlias.get(`alias/${rest}`);
  }
  if (ref.startsWith('alias/')) return index.keyArnByAlias.get(ref);
  if (KEY_ID.test(ref)) return `arn:${index.partition}:kms:${index.region}:${index.accountId}:key/${ref}`;
  return undefined;
}

/** Returns the asset with `relations.kmsKeyArn` set when its `kmsKeyRef` resolves (and the raw ref dropped). */
export function resolveKeyReferences<A extends DiscoveredAsset>(asset: A, index: AliasIndex): A {
  const ref = asset.relations.kmsKeyRef;
  if (!ref || asset.relations.kmsKeyArn) return asset;
  const keyArn = resolveKmsKeyRef(ref, index);
  if (!keyArn) return asset;
  const { kmsKeyRef: _resolved, ...relations } = asset.relations;
  return { ...asset, relations: { ...relations, kmsKeyArn: keyArn } };
}
