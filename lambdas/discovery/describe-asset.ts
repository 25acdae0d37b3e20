/**
 * Targeted read of ONE asset, for the event pipeline's refresh (an event carried too little to build the asset):
 * the same DiscoveredAsset the crawl would produce, from the crawlers' own per-item functions, through the same
 * CallContext (paced, counted, secret reads refused). Calls per type:
 *
 *   key          ListAliases(KeyId) + DescribeKey + GetKeyPolicy (+ ListResourceTags, GetKeyRotationStatus where the
 *                crawl makes them)
 *   certificate  DescribeCertificate + ListTagsForCertificate (+ GetCertificate when the certificate has a body)
 *   secret       DescribeSecret (it carries every field of a ListSecrets entry, and ReplicationStatus)
 *   parameter    DescribeParameters filtered on Name Equals (+ empty pages SSM may return) + ListTagsForResource
 *
 * Key references resolve as in the crawl before the Region's alias index is known: key ARNs and bare key ids become
 * `relations.kmsKeyArn`, alias names stay in `relations.kmsKeyRef` (the crawl's Finalize step joins them).
 * Never GetSecretValue, GetParameter(s), Decrypt or GenerateDataKey*.
 */
import type { AssetType, DiscoveredAsset } from '../inventory/asset';
import { describeCertificateByArn } from './acm-crawler';
import { errorCode } from './aws-error';
import { CallContext } from './call-context';
import { partitionOfRegion } from './service-crawler';
import { describeKey, listAliases } from './kms-crawler';
import type { RegionClients } from './region-clients';
import type { RequestPacer } from './request-pacer';
import { describeSecretByArn } from './secrets-manager-crawler';
import { describeParameterByName } from './ssm-crawler';

export interface DescribeAssetInput {
  readonly accountId: string;
  readonly region: string;
  readonly type: AssetType;
  /** The asset's ARN (for a key, a bare key id is accepted too). */
  readonly arn: string;
  /** Customer-account clients for `region` (createCustomerClients). */
  readonly clients: RegionClients;
  /** Per (Region, API) limiter shared with other reads. @default no pacing (the SDK's adaptive retry only) */
  readonly pacer?: RequestPacer;
  /** Counts the calls (pass one to read `calls` / `throttledRetries` afterwards). @default a new one */
  readonly call?: CallContext;
  /** @default derived from the Region */
  readonly partition?: string;
}

/** The reference cannot name an asset of that type (e.g. an alias where a key ARN is needed). */
export class UnsupportedAssetReferenceError extends Error {
  constructor(
    readonly type: AssetType,
    readonly arn: string,
    reason: string,
  ) {
    super(`Cannot describe ${type} ${arn}: ${reason}`);
    this.name = 'UnsupportedAssetReferenceError';
  }
}

const KEY_ARN = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/(.+)$/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const PARAMETER_ARN = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter\/(.+)$/;

/** Undefined when AWS says the asset does not exist (any more), or, for ACM, not yet. */
export async function describeAsset(input: DescribeAssetInput): Promise<DiscoveredAsset | undefined> {
  const ctx = {
    accountId: input.accountId,
    region: input.region,
    partition: input.partition ?? partitionOfRegion(input.region),
    clients: input.clients,
    call: input.call ?? new CallContext(input.region, input.pacer),
  };
  switch (input.type) {
    case 'key': {
      const key = keyReference(input.arn, ctx);
      let aliases: Map<string, string[]>;
      try {
        aliases = await listAliases(ctx, key.arn);
      } catch (err) {
        // ListAliases with a KeyId answers NotFoundException for a key KMS does not know.
        if (errorCode(err) === 'NotFoundException') return undefined;
        throw err;
      }
      return describeKey(ctx, { KeyArn: key.arn, KeyId: key.id }, aliases);
    }
    case 'certificate':
      return describeCertificateByArn(ctx, input.arn);
    case 'secret':
      return describeSecretByArn(ctx, input.arn);
    case 'parameter':
      return describeParameterByName(ctx, parameterNames(input.arn));
  }
}

/**
 * Key ARN and id. Never an alias: DescribeKey on a predefined `alias/aws/*` alias can create the AWS managed key,
 * a write (https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html).
 */
function keyReference(ref: string, scope: { partition: string; region: string; accountId: string }): { arn: string; id: string } {
  const arn = KEY_ARN.exec(ref);
  if (arn) return { arn: ref, id: arn[1]! };
  if (KEY_ID.test(ref)) return { arn: `arn:${scope.partition}:kms:${scope.region}:${scope.accountId}:key/${ref}`, id: ref };
  throw new UnsupportedAssetReferenceError('key', ref, 'a key is described by its key ARN or key id, never by an alias');
}

/**
 * Candidate names of a parameter ARN (`…:parameter/<name without its leading slash>`): a hierarchical name (one
 * with '/') always starts with '/'; a one-level name may be spelled with or without it, so both are asked for.
 */
export function parameterNames(arn: string): string[] {
  const match = PARAMETER_ARN.exec(arn);
  if (!match) throw new UnsupportedAssetReferenceError('parameter', arn, 'not an SSM parameter ARN');
  const rest = match[1]!;
  return rest.includes('/') ? [`/${rest}`] : [rest, `/${rest}`];
}
