import { CRYPTO_SERVICES, type CryptoService, type DiscoveredAsset } from '../inventory/asset';
import { crawlService, partitionOfRegion, type CrawlServiceOutcome } from './service-crawler';
import { aliasIndexFromKeyAssets, resolveKeyReferences } from '../inventory/key-references';
import type { RegionClients } from './region-clients';
import type { RequestPacer } from './request-pacer';

export interface CrawlAccountInput {
  readonly accountId: string;
  readonly regions: readonly string[];
  /** @default all four */
  readonly services?: readonly CryptoService[];
  /** Clients for a Region (createCustomerClients), built once per Region. */
  readonly clientsFor: (region: string) => RegionClients;
  /** ONE pacer shared by every (Region, service): each (Region, API) limiter then runs at its quota concurrently. */
  readonly pacer?: RequestPacer;
  readonly concurrency?: number;
  /** Progress: called when a (Region, service) starts and when it ends. */
  readonly onProgress?: (event: CrawlProgressEvent) => void;
}

export type CrawlProgressEvent =
  | { readonly kind: 'started'; readonly region: string; readonly service: CryptoService }
  | { readonly kind: 'finished'; readonly region: string; readonly service: CryptoService; readonly outcome: CrawlServiceOutcome };

export interface ServiceOutcome {
  readonly region: string;
  readonly service: CryptoService;
  readonly outcome: CrawlServiceOutcome;
}

export interface AccountCrawlResult {
  /** Every asset, key references resolved per Region against that Region's KMS aliases. */
  readonly assets: DiscoveredAsset[];
  readonly outcomes: ServiceOutcome[];
}

/**
 * Crawls every (Region, service) of an account at once, for `scan` (the backend fans out with Step Functions and
 * calls crawlService itself). Holds the inventory in memory — scan prints it — and joins key references per Region
 * once that Region's KMS crawl is done.
 */
export async function crawlAccount(input: CrawlAccountInput): Promise<AccountCrawlResult> {
  const services = input.services ?? CRYPTO_SERVICES;
  const outcomes: ServiceOutcome[] = [];
  const perRegion = await Promise.all(
    input.regions.map(async (region) => {
      const clients = input.clientsFor(region);
      const assets: DiscoveredAsset[] = [];
      await Promise.all(
        services.map(async (service) => {
          input.onProgress?.({ kind: 'started', region, service });
          const outcome = await crawlService({
            accountId: input.accountId,
            region,
            service,
            clients,
            sink: async (asset) => {
              assets.push(asset);
            },
            ...(input.pacer ? { pacer: input.pacer } : {}),
            ...(input.concurrency ? { concurrency: input.concurrency } : {}),
          });
          outcomes.push({ region, service, outcome });
          input.onProgress?.({ kind: 'finished', region, service, outcome });
        }),
      );
      const index = aliasIndexFromKeyAssets({ partition: partitionOfRegion(region), region, accountId: input.accountId }, assets);
      return assets.map((a) => resolveKeyReferences(a, index));
    }),
  );
  const order = (o: ServiceOutcome) => `${input.regions.indexOf(o.region)}`.padStart(4, '0') + services.indexOf(o.service);
  return { assets: perRegion.flat(), outcomes: outcomes.sort((a, b) => order(a).localeCompare(order(b))) };
}
