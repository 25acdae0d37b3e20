/**
 * DynamoDB key design, shared by the CDK stack (lib/) that creates the tables, the repositories that read and
 * write them, and the local runtime that creates them in dynalite from the synthesized template.
 *
 * Two tables, both `pk`/`sk` strings with generic GSI attributes and a TTL attribute `expiresAt` (epoch seconds):
 *
 * INVENTORY table — one partition per asset, so a crawl's writes spread over as many partitions as there are
 * assets (no per-tenant hot key). Usage edges have a partition of their own beside the asset's: they are written only
 * by the event processor, and a `dynamodb:LeadingKeys` condition on `USAGE#*` (lib/constructs/inventory-tables.ts) can
 * say so, which it could not while they shared the asset's `ASSET#` key:
 *   asset      pk ASSET#<assetId>                sk ASSET
 *              gsi1 (byScope)  pk <tenantId>#<accountId>#<region>   sk <type>#<arn>
 *              gsi2 (byExpiry) pk <tenantId>#EXPIRY                 sk <notAfter>#<assetId>   (only assets with notAfter)
 *   usage      pk USAGE#<assetId>                sk <resourceArn>
 *   history    pk ASSET#<assetId>                sk HISTORY#<eventTime>#<eventId>   expiresAt = retention
 *   event seen pk EVENT#<tenantId>#<eventId>     sk EVENT                            expiresAt = dedup window
 *   finding    pk ASSET#<assetId>                sk FINDING#<ruleId>   (one per rule and asset; lambdas/findings/)
 *              gsi1 (byUrgency) pk <tenantId>#FINDINGS              sk <severity rank>#<dueAt>#<findingId>
 *              gsi2 (byId)      pk <tenantId>#FINDING#<findingId>   sk FINDING
 *              expiresAt = retention once resolved
 *
 * CONTROL table — tenants, tokens, data sources, ingestion runs, event health:
 *   tenant     pk TENANT#<tenantId>              sk TENANT
 *   token      pk TOKEN#<sha256 of secret, hex>  sk TOKEN      gsi1 pk TENANT#<tenantId>#TOKENS  sk <tokenId>
 *   account    pk TENANT#<tenantId>              sk ACCOUNT#<accountId>
 *              gsi1 pk LINKED_ACCOUNTS  sk <tenantId>#<accountId>   (only while linked: the daily schedule's list)
 *   health     pk TENANT#<tenantId>              sk HEALTH#<accountId>#<region>   (last event, template version)
 *   event stats pk TENANT#<tenantId>             sk EVENTSTATS#<accountId>        (applied / duplicate / dropped by reason)
 *   event day  pk TENANT#<tenantId>              sk EVENTDAY#<accountId>#<yyyy-mm-dd>#<region>   (the same counters per
 *              region and UTC day of receipt, only for the account's own regions; expiresAt = EVENT_DAY_RETENTION_DAYS)
 *   ingestion  pk TENANT#<tenantId>              sk INGESTION#<accountId>#<ingestionId>
 *   crawl part pk INGESTION#<ingestionId>        sk PART#<region>#<service>        (one item per Map item: no contention)
 *
 * Ingestion ids are time-ordered (so `INGESTION#<accountId>#` sorts oldest → newest).
 */

export const KEY = { pk: 'pk', sk: 'sk' } as const;
export const GSI1 = { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' } as const;
export const GSI2 = { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';
/** How long per-region daily event counters are kept (the health checks show the last week). */
export const EVENT_DAY_RETENTION_DAYS = 35;

export const inventoryKeys = {
  asset: (assetId: string) => ({ pk: `ASSET#${assetId}`, sk: 'ASSET' }),
  assetScope: (tenantId: string, accountId: string, region: string) => `${tenantId}#${accountId}#${region}`,
  assetScopeSort: (type: string, arn: string) => `${type}#${arn}`,
  expiryPartition: (tenantId: string) => `${tenantId}#EXPIRY`,
  expirySort: (notAfter: string, assetId: string) => `${notAfter}#${assetId}`,
  usage: (assetId: string, resourceArn: string) => ({ pk: `USAGE#${assetId}`, sk: resourceArn }),
  usagesOf: (assetId: string) => `USAGE#${assetId}`,
  history: (assetId: string, eventTime: string, eventId: string) => ({
    pk: `ASSET#${assetId}`,
    sk: `HISTORY#${eventTime}#${eventId}`,
  }),
  eventSeen: (tenantId: string, eventId: string) => ({ pk: `EVENT#${tenantId}#${eventId}`, sk: 'EVENT' }),
  finding: (assetId: string, ruleId: string) => ({ pk: `ASSET#${assetId}`, sk: `FINDING#${ruleId}` }),
  findingsOfAsset: 'FINDING#',
  findingsPartition: (tenantId: string) => `${tenantId}#FINDINGS`,
  findingsSort: (severityRank: number, dueAt: string, findingId: string) => `${severityRank}#${dueAt}#${findingId}`,
  findingById: (tenantId: string, findingId: string) => `${tenantId}#FINDING#${findingId}`,
};

export const controlKeys = {
  tenant: (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'TENANT' }),
  token: (secretHashHex: string) => ({ pk: `TOKEN#${secretHashHex}`, sk: 'TOKEN' }),
  tokensOfTenant: (tenantId: string) => `TENANT#${tenantId}#TOKENS`,
  account: (tenantId: string, accountId: string) => ({ pk: `TENANT#${tenantId}`, sk: `ACCOUNT#${accountId}` }),
  linkedAccountsPartition: 'LINKED_ACCOUNTS',
  health: (tenantId: string, accountId: string, region: string) => ({
    pk: `TENANT#${tenantId}`,
    sk: `HEALTH#${accountId}#${region}`,
  }),
  eventStats: (tenantId: string, accountId: string) => ({ pk: `TENANT#${tenantId}`, sk: `EVENTSTATS#${accountId}` }),
  eventDay: (tenantId: string, accountId: string, day: string, region: string) => ({
    pk: `TENANT#${tenantId}`,
    sk: `EVENTDAY#${accountId}#${day}#${region}`,
  }),
  /** Sort-key prefix of an account's per-day counters from `day` on (accountIds are 12 digits: no prefix overlaps). */
  eventDaysOf: (accountId: string) => `EVENTDAY#${accountId}#`,
  ingestion: (tenantId: string, accountId: string, ingestionId: string) => ({
    pk: `TENANT#${tenantId}`,
    sk: `INGESTION#${accountId}#${ingestionId}`,
  }),
  crawlPart: (ingestionId: string, region: string, service: string) => ({
    pk: `INGESTION#${ingestionId}`,
    sk: `PART#${region}#${service}`,
  }),
};
