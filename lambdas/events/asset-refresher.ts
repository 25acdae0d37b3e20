import type { AssetType, DiscoveredAsset } from '../inventory/asset';

/**
 * Targeted refresh: one describe call for one asset through the customer's read-only role, when an event carries
 * too little to build the asset (ImportCertificate has no PEM, PutParameter may not name its key).
 */
export interface RefreshRequest {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly type: AssetType;
  readonly arn: string;
}

/** The event that asks for a refresh. */
export interface RefreshCause {
  /**
   * When the API call was made (the event's `eventTime`): a certificate ACM does not know yet is retried only until a
   * few seconds after that call, not after we got to it.
   */
  readonly eventTime: string;
}

export interface AssetRefresher {
  refresh(request: RefreshRequest, cause?: RefreshCause): Promise<void>;
}

/** Reads one asset from the customer account: undefined when it does not exist (any more). */
export type DescribeAsset = (request: RefreshRequest) => Promise<DiscoveredAsset | undefined>;

/** The refresh cannot be made (none wired, account unlinked, access denied): skipped and counted, the next crawl catches up. */
export class AssetRefreshUnavailableError extends Error {
  constructor(
    readonly request: RefreshRequest,
    readonly reason: string = 'no describe function is wired in this deployment',
  ) {
    super(`Targeted refresh of ${request.arn} is not possible: ${reason}; the next crawl will read it.`);
    this.name = 'AssetRefreshUnavailableError';
  }
}

export const unavailableRefresher: AssetRefresher = {
  refresh: async (request) => {
    throw new AssetRefreshUnavailableError(request);
  },
};
