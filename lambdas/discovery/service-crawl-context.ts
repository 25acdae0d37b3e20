import type { CoverageGap, DiscoveredAsset } from '../inventory/asset';
import { errorCode, errorMessage } from './aws-error';
import type { CallContext } from './call-context';
import type { PagePosition } from './page-walker';
import type { RegionClients } from './region-clients';

/** What one service crawler gets: everything injected, nothing read from the environment. */
export interface ServiceCrawlContext {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly clients: RegionClients;
  readonly call: CallContext;
  readonly emit: (asset: DiscoveredAsset) => Promise<void>;
  readonly shouldYield: () => boolean;
  /** Items of one page handled at once (each makes several paced calls). */
  readonly concurrency: number;
}

/** A service crawler: resumes at `start`, returns undefined when done or where to resume. */
export type ServiceCrawler = (ctx: ServiceCrawlContext, start: PagePosition) => Promise<PagePosition | undefined>;

export function coverageGap(api: string, err: unknown): CoverageGap {
  return { api, errorCode: errorCode(err), message: errorMessage(err) };
}

export const iso = (d: Date | undefined): string | undefined => (d ? d.toISOString() : undefined);

/** Drops undefined values so items stay lean (DynamoDB marshalling and JSON output both prefer that). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
