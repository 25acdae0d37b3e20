/** Control-table records as the API and the crawl see them (keys: lambdas/shared/table-schema.ts). */

export type Permission = 'admin' | 'reader' | 'uploader';
export const PERMISSIONS: readonly Permission[] = ['admin', 'reader', 'uploader'];

export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly externalId: string;
  readonly createdAt: string;
}

export interface TokenRecord {
  readonly tokenId: string;
  readonly tenantId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  readonly createdAt: string;
  /** Id of the token whose holder created this one (`admin-cli` for the bootstrap CLI); absent on older tokens. */
  readonly createdBy?: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** The stored token: the record plus the SHA-256 (hex) of its secret. The secret itself is never stored. */
export interface StoredToken extends TokenRecord {
  readonly secretHash: string;
}

export type AccountStatus = 'LINKED' | 'UNLINKED';

export interface LinkedAccount {
  readonly tenantId: string;
  readonly accountId: string;
  readonly roleArn: string;
  readonly status: AccountStatus;
  /** null = every commercial region (lambdas/shared/regions.ts). */
  readonly regions: readonly string[] | null;
  readonly linkedAt: string;
  readonly updatedAt: string;
  readonly unlinkedAt?: string;
  readonly lastIngestionId?: string;
  readonly runningIngestionId?: string;
  readonly runningIngestionStartedAt?: string;
}

export interface RegionHealth {
  readonly region: string;
  readonly lastEventAt?: string;
  readonly templateVersion?: string;
  readonly lastEventId?: string;
}

export type EventStats = Readonly<Record<string, number>>;

export type IngestionStatus = 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';

export interface IngestionRecord {
  readonly ingestionId: string;
  readonly tenantId: string;
  readonly accountId: string;
  readonly status: IngestionStatus;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly regions: readonly string[];
  readonly counts?: Readonly<Record<string, number>>;
  readonly errors?: readonly IngestionErrorEntry[];
  readonly executionArn?: string;
}

export interface IngestionErrorEntry {
  readonly region?: string;
  readonly service?: string;
  readonly code: string;
  readonly message: string;
}

/** Outcome of one Map item (region × service) of the crawl. */
export interface CrawlPart {
  readonly ingestionId: string;
  readonly region: string;
  readonly service: string;
  /** NOT_ENABLED: an opt-in region the account has not enabled (clean, nothing to sweep). */
  readonly status: 'SUCCEEDED' | 'NOT_ENABLED' | 'FAILED';
  readonly finishedAt: string;
  readonly counts?: Readonly<Record<string, number>>;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface AccountDetails extends LinkedAccount {
  readonly health: readonly RegionHealth[];
  readonly eventStats: EventStats;
  readonly lastIngestion?: IngestionRecord;
}

export interface IngestionWithParts extends IngestionRecord {
  readonly parts: readonly CrawlPart[];
}
