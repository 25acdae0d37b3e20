/**
 * Resolves a KMS key reference as services report it (Secrets Manager `KmsKeyId`, SSM `KeyId`) to a key ARN.
 * A reference may be a key ARN, a key id, an alias name (`alias/x`) or an alias ARN
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id). Aliases need the region's
 * alias → key map, built from the key assets' `relations.aliases`.
 */
export type AliasIndex = ReadonlyMap<string, string>;

export interface KeyScope {
  readonly accountId: string;
  readonly region: string;
  readonly partition?: string;
}

/** Builds `alias/name` → key ARN from the region's key assets. */
export function buildAliasIndex(keys: ReadonlyArray<{ arn: string; aliases?: readonly string[] }>): AliasIndex {
  const index = new Map<string, string>();
  for (const key of keys) for (const alias of key.aliases ?? []) index.set(alias, key.arn);
  return index;
}

const KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const KMS_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

export function resolveKeyReference(ref: string, scope: KeyScope, aliases: AliasIndex): string | undefined {
  const arn = KMS_ARN.exec(ref);
  if (arn) {
    const [, , region, account, kind, rest] = arn;
    if (kind === 'key') return ref;
    // An alias ARN of another account/region cannot be resolved from this region's keys.
    if (region !== scope.region || account !== scope.accountId) return undefined;
    return aliases.get(`alias/${rest}`);
  }
  if (ref.startsWith('alias/')) return aliases.get(ref);
  if (KEY_ID.test(ref)) return `arn:${scope.partition ?? 'aws'}:kms:${scope.region}:${scope.accountId}:key/${ref}`;
  return undefined;
}
