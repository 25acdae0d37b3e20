import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyListEntry,
  type KeyMetadata,
  type Tag,
} from '@aws-sdk/client-kms';
import { classifyKmsKeySpec } from '../crypto/kms-key-spec';
import type { CoverageGap, DiscoveredAsset, RotationInfo } from '../inventory/asset';
import { errorCode, isAccessDeniedError } from './aws-error';
import { keyPolicyPrincipals } from './key-policy-principals';
import { walkPages, type PagePosition } from './page-walker';
import { compact, coverageGap, iso, type ServiceCrawlContext } from './service-crawl-context';
import { userTags } from './user-tags';

/** Page sizes: the documented maxima (ListKeys 1000, ListAliases 100, ListResourceTags 50). */
const LIST_KEYS_LIMIT = 1000;
const LIST_ALIASES_LIMIT = 100;
const LIST_TAGS_LIMIT = 50;

/** What reading one key needs (the crawl's context without its listing parts); describe-asset.ts passes its own. */
type ReadContext = Pick<ServiceCrawlContext, 'accountId' | 'region' | 'clients' | 'call'>;

/** Errors when KMS says `Truncated` without a marker: a protocol violation we refuse to paper over. */
export class KmsPaginationError extends Error {
  constructor(api: string) {
    super(`${api} returned Truncated=true without NextMarker`);
    this.name = 'KmsPaginationError';
  }
}

/**
 * KMS: ListAliases (all pages, to know each key's aliases), then per listed key DescribeKey + GetKeyPolicy, plus
 * ListResourceTags for customer-managed keys and GetKeyRotationStatus where rotation means something.
 * KMS list APIs are looped on `Truncated` (https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html).
 * Keys are always addressed by the key ARN from ListKeys: DescribeKey is never called with an alias, because
 * DescribeKey on a predefined `alias/aws/*` alias can create the AWS managed key — a write.
 */
export async function crawlKms(ctx: ServiceCrawlContext, start: PagePosition): Promise<PagePosition | undefined> {
  // Aliases are listed again on every resume: they are few (⌈A/100⌉ calls) and a token must stay small.
  const aliasesByKeyId = await listAliases(ctx);
  return walkPages<KeyListEntry>({
    start,
    concurrency: ctx.concurrency,
    shouldYield: ctx.shouldYield,
    fetchPage: async (marker) => {
      const out = await ctx.call.send('kms:ListKeys', new ListKeysCommand({ Limit: LIST_KEYS_LIMIT, Marker: marker }), (c) =>
        ctx.clients.kms.send(c),
      );
      if (out.Truncated && !out.NextMarker) throw new KmsPaginationError('ListKeys');
      return { items: out.Keys ?? [], ...(out.Truncated ? { next: out.NextMarker } : {}) };
    },
    handle: async (entry) => {
      const asset = await describeKey(ctx, entry, aliasesByKeyId);
      if (asset) await ctx.emit(asset);
    },
  });
}

/**
 * Aliases by target key id: all of the Region's, or only those of `keyId` (key id or key ARN; ListAliases then
 * answers NotFoundException for a key that does not exist).
 */
export async function listAliases(ctx: ReadContext, keyId?: string): Promise<Map<string, string[]>> {
  const byKeyId = new Map<string, string[]>();
  let marker: string | undefined;
  do {
    const out = await ctx.call.send(
      'kms:ListAliases',
      new ListAliasesCommand({ Limit: LIST_ALIASES_LIMIT, Marker: marker, ...(keyId ? { KeyId: keyId } : {}) }),
      (c) => ctx.clients.kms.send(c),
    );
    for (const alias of out.Aliases ?? []) {
      // Predefined AWS aliases not yet associated with a key have no TargetKeyId: nothing to relate.
      if (!alias.TargetKeyId || !alias.AliasName) continue;
      byKeyId.set(alias.TargetKeyId, [...(byKeyId.get(alias.TargetKeyId) ?? []), alias.AliasName]);
    }
    if (out.Truncated && !out.NextMarker) throw new KmsPaginationError('ListAliases');
    marker = out.Truncated ? out.NextMarker : undefined;
  } while (marker);
  return byKeyId;
}

/**
 * One key as the crawl reports it: DescribeKey + GetKeyPolicy (+ ListResourceTags, GetKeyRotationStatus where they
 * apply); undefined when KMS no longer knows the key. `entry.KeyArn` must be a key ARN, never an alias.
 */
export async function describeKey(
  ctx: ReadContext,
  entry: KeyListEntry,
  aliasesByKeyId: ReadonlyMap<string, string[]>,
): Promise<DiscoveredAsset | undefined> {
  const keyArn = entry.KeyArn!;
  const keyId = entry.KeyId ?? keyArn.split('/').pop()!;
  const aliases = [...(aliasesByKeyId.get(keyId) ?? [])].sort();
  let meta: KeyMetadata;
  try {
    const out = await ctx.call.send('kms:DescribeKey', new DescribeKeyCommand({ KeyId: keyArn }), (c) => ctx.clients.kms.send(c));
    meta = out.KeyMetadata!;
  } catch (err) {
    // Deleted between ListKeys and DescribeKey: it is gone, not a failure.
    if (errorCode(err) === 'NotFoundException') return undefined;
    // A key policy that denies our role: the key exists and is reported, with the gap.
    if (isAccessDeniedError(err)) return deniedKeyAsset(ctx, keyArn, keyId, aliases, coverageGap('kms:DescribeKey', err));
    throw err;
  }

  const gaps: CoverageGap[] = [];
  const customerManaged = meta.KeyManager === 'CUSTOMER';
  const [principals, tags, rotation] = await Promise.all([
    keyPolicy(ctx, keyArn, gaps),
    customerManaged ? resourceTags(ctx, keyArn, gaps) : Promise.resolve({}),
    rotationInfo(ctx, meta, gaps),
  ]);
  const keySpec = meta.KeySpec ?? meta.CustomerMasterKeySpec ?? 'UNKNOWN';
  const keyUsage = meta.KeyUsage ?? 'UNKNOWN';
  return {
    type: 'key',
    accountId: ctx.accountId,
    region: ctx.region,
    arn: keyArn,
    name: aliases.find((a) => !a.startsWith('alias/aws/')) ?? aliases[0] ?? keyId,
    tags,
    crypto: classifyKmsKeySpec(keySpec, keyUsage, ctx.region),
    lifecycle: compact({
      state: meta.KeyState ?? 'Unknown',
      createdAt: iso(meta.CreationDate),
      deletionDate: iso(meta.DeletionDate),
      rotation,
    }),
    relations: { inUseBy: [], aliases },
    details: compact({
      kind: 'key' as const,
      keyId,
      keySpec,
      keyUsage,
      origin: meta.Origin ?? 'UNKNOWN',
      keyManager: customerManaged ? ('CUSTOMER' as const) : ('AWS' as const),
      multiRegion: meta.MultiRegion ?? false,
      multiRegionKeyType: meta.MultiRegionConfiguration?.MultiRegionKeyType,
      encryptionAlgorithms: meta.EncryptionAlgorithms,
      signingAlgorithms: meta.SigningAlgorithms,
      macAlgorithms: meta.MacAlgorithms,
      keyAgreementAlgorithms: meta.KeyAgreementAlgorithms,
      customKeyStoreId: meta.CustomKeyStoreId,
      description: meta.Description || undefined,
      policyPrincipals: principals,
    }),
    ...(gaps.length > 0 ? { coverageGaps: gaps } : {}),
  };
}

function deniedKeyAsset(ctx: ReadContext, keyArn: string, keyId: string, aliases: string[], gap: CoverageGap): DiscoveredAsset {
  return {
    type: 'key',
    accountId: ctx.accountId,
    region: ctx.region,
    arn: keyArn,
    name: aliases[0] ?? keyId,
    tags: {},
    crypto: classifyKmsKeySpec('UNKNOWN'),
    lifecycle: { state: 'Unknown' },
    relations: { inUseBy: [], aliases },
    // AWS managed key policies always let the account describe them, so a key that denies us is customer managed.
    details: { kind: 'key', keyId, keySpec: 'UNKNOWN', keyUsage: 'UNKNOWN', origin: 'UNKNOWN', keyManager: 'CUSTOMER', multiRegion: false },
    coverageGaps: [gap],
  };
}

async function keyPolicy(ctx: ReadContext, keyArn: string, gaps: CoverageGap[]): Promise<string[] | undefined> {
  try {
    const out = await ctx.call.send('kms:GetKeyPolicy', new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }), (c) =>
      ctx.clients.kms.send(c),
    );
    return out.Policy ? keyPolicyPrincipals(out.Policy) : undefined;
  } catch (err) {
    if (isAccessDeniedError(err) || errorCode(err) === 'KeyPolicyParseError') {
      gaps.push(coverageGap('kms:GetKeyPolicy', err));
      return undefined;
    }
    throw err;
  }
}

async function resourceTags(ctx: ReadContext, keyArn: string, gaps: CoverageGap[]): Promise<Record<string, string>> {
  const tags: Tag[] = [];
  try {
    let marker: string | undefined;
    do {
      const out = await ctx.call.send(
        'kms:ListResourceTags',
        new ListResourceTagsCommand({ KeyId: keyArn, Limit: LIST_TAGS_LIMIT, Marker: marker }),
        (c) => ctx.clients.kms.send(c),
      );
      tags.push(...(out.Tags ?? []));
      marker = out.Truncated ? out.NextMarker : undefined;
    } while (marker);
  } catch (err) {
    if (!isAccessDeniedError(err)) throw err;
    gaps.push(coverageGap('kms:ListResourceTags', err));
  }
  return userTags(tags);
}

const PENDING_DELETION = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

/**
 * Rotation, asking GetKeyRotationStatus only where it means something: customer-managed symmetric encryption keys
 * with KMS-generated material (origin AWS_KMS) that are not pending deletion.
 * - AWS managed keys rotate every year, always ("The key rotation status for AWS managed KMS keys is always true";
 *   GetKeyRotationStatus is even denied on some of them).
 * - Asymmetric, HMAC, imported-material and custom-key-store keys cannot rotate automatically: not applicable.
 *   If KMS is asked anyway it answers false or UnsupportedOperationException — both mean "not applicable" here.
 * - Pending deletion: GetKeyRotationStatus answers false (a key pending deletion does not rotate), recorded as
 *   such without asking; the findings rules skip keys pending deletion for rotation anyway.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
async function rotationInfo(ctx: ReadContext, meta: KeyMetadata, gaps: CoverageGap[]): Promise<RotationInfo> {
  if (meta.KeyManager === 'AWS') return { applicable: true, enabled: true, periodDays: 365 };
  const rotatable = meta.KeySpec === 'SYMMETRIC_DEFAULT' && meta.KeyUsage === 'ENCRYPT_DECRYPT' && meta.Origin === 'AWS_KMS';
  if (!rotatable) return { applicable: false, enabled: null };
  if (PENDING_DELETION.has(meta.KeyState ?? '')) return { applicable: true, enabled: false };
  try {
    const out = await ctx.call.send('kms:GetKeyRotationStatus', new GetKeyRotationStatusCommand({ KeyId: meta.Arn ?? meta.KeyId }), (c) =>
      ctx.clients.kms.send(c),
    );
    return compact({
      applicable: true,
      enabled: out.KeyRotationEnabled ?? null,
      periodDays: out.RotationPeriodInDays,
      nextRotationAt: iso(out.NextRotationDate),
    });
  } catch (err) {
    if (errorCode(err) === 'UnsupportedOperationException') return { applicable: false, enabled: null };
    if (isAccessDeniedError(err) || errorCode(err) === 'KMSInvalidStateException') {
      gaps.push(coverageGap('kms:GetKeyRotationStatus', err));
      return { applicable: true, enabled: null };
    }
    throw err;
  }
}
