import type { CryptoService } from '../inventory/asset';

/** What the crawl state machine carries: ids only, never credentials (the execution history would show them). */
export interface CrawlRunInput {
  readonly tenantId: string;
  readonly accountId: string;
  readonly ingestionId: string;
}

export interface CrawlItem {
  readonly region: string;
  readonly service: CryptoService;
}

export interface PrepareOutput extends CrawlRunInput {
  readonly crawlStartedAt: string;
  /** One per (region, service); each carries the run's ids so the Map's item selector reads only the item. */
  readonly items: ReadonlyArray<CrawlRunInput & CrawlItem>;
}

/** One Map item's state; CrawlService returns the same shape with its status, looping while CONTINUE. */
export interface CrawlItemState extends CrawlRunInput, CrawlItem {
  readonly continuation?: string;
  readonly status?: CrawlItemStatus;
  /** Counts so far, carried across CONTINUE invocations (numbers only). */
  readonly counts?: Readonly<Record<string, number>>;
}

export type CrawlItemStatus = 'CONTINUE' | 'DONE';

/** Finalize's input: Prepare's output, or the run input plus the error that made Prepare fail. */
export interface FinalizeInput extends CrawlRunInput {
  readonly crawlStartedAt?: string;
  readonly prepareError?: { readonly Error?: string; readonly Cause?: string };
  /** The Map state failed as a whole (its Catch): the parts that did not finish are recorded as failed. */
  readonly crawlError?: { readonly Error?: string; readonly Cause?: string };
}
