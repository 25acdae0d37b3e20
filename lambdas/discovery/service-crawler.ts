/**
 * The discovery engine's unit of work: crawl ONE service in ONE Region of a customer account, streaming each asset
 * to a sink, resumable across invocations (CONTINUE + opaque token), paced at AWS's per-(Region, API) quotas.
 *
 * Calls made (minimum, and what this engine makes) per enabled Region, with K keys, A aliases, C certificates,
 * S secrets, P parameters:
 *
 *   KMS              ⌈K/1000⌉ ListKeys + ⌈A/100⌉ ListAliases + K DescribeKey + K GetKeyPolicy
 *                    + 1 ListResourceTags per customer-managed key (more only if a key has > 50 tags)
 *                    + 1 GetKeyRotationStatus per customer-managed SYMMETRIC_DEFAULT ENCRYPT_DECRYPT key with
 *                      origin AWS_KMS that is not pending deletion
 *   ACM              ⌈C/1000⌉ ListCertificates + C DescribeCertificate + C ListTagsForCertificate
 *                    + 1 GetCertificate per certificate with a body (ISSUED, EXPIRED, REVOKED, INACTIVE)
 *   Secrets Manager  ⌈S/100⌉ ListSecrets (+ 1 DescribeSecret per replicated secret's primary, for ReplicationStatus)
 *   SSM              ⌈P/50⌉ DescribeParameters (+ empty pages SSM chooses to return) + P ListTagsForResource
 *   STS              1 AssumeRole per Region and hour (cached credentials, region-clients.ts)
 *
 * Each CONTINUE costs one extra list call on resume (the current page is listed again and its handled prefix
 * skipped), and for KMS the alias list again (⌈A/100⌉). Time ≈ max over (Region, API) of calls ÷ quota when the
 * caller shares one pacer across all (Region, service) crawls (request-pacer.ts has the quotas).
 *
 * Never called: GetSecretValue, GetParameter(s), Decrypt, GenerateDataKey* (secret-read-guard.ts).
 */
import type { CryptoService, DiscoveredAsset } from '../inventory/asset';
import { COMMERCIAL_REGIONS } from '../shared/regions';
import { crawlAcm } from './acm-crawler';
import { errorCode, errorMessage, isAccessDeniedError, isNotEnabledError } from './aws-error';
import { CallContext } from './call-context';
import { crawlKms } from './kms-crawler';
import { decodeContinuation, encodeContinuation } from './page-walker';
import type { RegionClients } from './region-clients';
import type { RequestPacer } from './request-pacer';
import { crawlSecretsManager } from './secrets-manager-crawler';
import type { ServiceCrawler } from './service-crawl-context';
import { crawlSsm } from './ssm-crawler';

export interface CrawlServiceInput {
  readonly accountId: string;
  readonly region: string;
  readonly service: CryptoService;
  /** SDK v3 clients for that Region (createCustomerClients). */
  readonly clients: RegionClients;
  /** Receives each asset as soon as it is described: the engine never holds a whole inventory. */
  readonly sink: (asset: DiscoveredAsset) => Promise<void>;
  /** Opaque token from a previous CONTINUE outcome. */
  readonly continuation?: string;
  /** The caller asks to stop soon (Lambda time budget): the crawl stops at an item boundary and returns CONTINUE. */
  readonly shouldYield?: () => boolean;
  /** Per (Region, API) limiter, shared across calls. @default no pacing (the SDK's adaptive retry only) */
  readonly pacer?: RequestPacer;
  /** Items of a page described at once (each makes several calls through the pacer). @default 16 */
  readonly concurrency?: number;
  /** @default derived from the Region (aws, aws-cn, aws-us-gov) */
  readonly partition?: string;
}

export type CrawlStatus = 'COMPLETE' | 'CONTINUE' | 'NOT_ENABLED' | 'ACCESS_DENIED' | 'FAILED';

export interface CrawlServiceOutcome {
  readonly status: CrawlStatus;
  /** Set with CONTINUE: pass it back as `continuation`. */
  readonly continuation?: string;
  /** Assets delivered to the sink by this call. */
  readonly assets: number;
  /** Requests sent, by "service:Operation". */
  readonly calls: Record<string, number>;
  /** Attempts that AWS throttled (the SDK retried them with backoff). */
  readonly throttledRetries: number;
  /** With NOT_ENABLED / ACCESS_DENIED / FAILED: the AWS error code and message. */
  readonly error?: { readonly code: string; readonly message: string };
}

const CRAWLERS: Readonly<Record<CryptoService, ServiceCrawler>> = {
  kms: crawlKms,
  acm: crawlAcm,
  secretsmanager: crawlSecretsManager,
  ssm: crawlSsm,
};

export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * An opt-in Region (or one newer than our list, which is opt-in by AWS's rule since 2019) answering with an
 * authentication error is simply not enabled for the account. A default-enabled Region answering so is a failure:
 * the credentials were proven good in the probe Region, so something else is wrong.
 */
export function mayBeDisabledRegion(region: string): boolean {
  return COMMERCIAL_REGIONS.find((r) => r.name === region)?.optIn ?? true;
}

export async function crawlService(input: CrawlServiceInput): Promise<CrawlServiceOutcome> {
  const call = new CallContext(input.region, input.pacer);
  let assets = 0;
  const result = (status: CrawlStatus, extra: Partial<CrawlServiceOutcome> = {}): CrawlServiceOutcome => ({
    status,
    assets,
    calls: { ...call.calls },
    throttledRetries: call.throttledRetries,
    ...extra,
  });
  try {
    const start = decodeContinuation(input.service, input.continuation);
    const next = await CRAWLERS[input.service](
      {
        accountId: input.accountId,
        region: input.region,
        partition: input.partition ?? partitionOfRegion(input.region),
        clients: input.clients,
        call,
        emit: async (asset) => {
          await input.sink(asset);
          assets += 1;
        },
        shouldYield: input.shouldYield ?? (() => false),
        concurrency: input.concurrency ?? 16,
      },
      start,
    );
    return next ? result('CONTINUE', { continuation: encodeContinuation(input.service, next) }) : result('COMPLETE');
  } catch (err) {
    const error = { code: errorCode(err), message: errorMessage(err) };
    if (isNotEnabledError(err) && mayBeDisabledRegion(input.region)) return result('NOT_ENABLED', { error });
    if (isAccessDeniedError(err)) return result('ACCESS_DENIED', { error });
    return result('FAILED', { error });
  }
}
