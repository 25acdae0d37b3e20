import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AccountNotFoundError } from '../control/errors';
import { queryAll } from '../shared/dynamo';
import { TTL_ATTRIBUTE, controlKeys } from '../shared/table-schema';
import type { AccountHealthReport } from './health-model';
import type { HealthStore, RegionHealthHistoryEntry } from './health-store';
import type { PipelineNames } from './pipeline-names';
import type { RegionEventDay } from './region-event-counts';

/**
 * Health items in the CONTROL table, in the tenant's partition under their own prefix (`PIPELINE#`, which no other
 * item uses: lambdas/inventory/table-schema.ts):
 *   latest report   sk PIPELINE#<accountId>#LATEST                     (the whole report: ≤ 34 regions × 5 checks)
 *   history         sk PIPELINE#<accountId>#HISTORY#<checkedAt>#<region> (TTL: historyDays)
 *   custom names    sk PIPELINE#<accountId>#NAMES
 * and `healthStatus` / `healthCheckedAt` on the account item, so the account list carries them without a join.
 */
export const healthKeys = {
  latest: (tenantId: string, accountId: string) => ({ pk: controlKeys.tenant(tenantId).pk, sk: `PIPELINE#${accountId}#LATEST` }),
  historyPrefix: (accountId: string) => `PIPELINE#${accountId}#HISTORY#`,
  history: (tenantId: string, accountId: string, checkedAt: string, region: string) => ({
    pk: controlKeys.tenant(tenantId).pk,
    sk: `PIPELINE#${accountId}#HISTORY#${checkedAt}#${region}`,
  }),
  names: (tenantId: string, accountId: string) => ({ pk: controlKeys.tenant(tenantId).pk, sk: `PIPELINE#${accountId}#NAMES` }),
};

export interface DynamoHealthStoreOptions {
  /** How long history entries are kept. @default 90 */
  readonly historyDays?: number;
}

export class DynamoHealthStore implements HealthStore {
  private readonly historyDays: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoHealthStoreOptions = {},
  ) {
    this.historyDays = options.historyDays ?? 90;
  }

  async saveReport(tenantId: string, report: AccountHealthReport): Promise<void> {
    const previous = await this.latestReport(tenantId, report.accountId);
    const before = new Map(previous?.regions.map((r) => [r.region, r.status]));
    const expiresAt = Math.floor(Date.parse(report.checkedAt) / 1000) + this.historyDays * 86_400;
    // The account first: an unknown or purged account gets no health items.
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, report.accountId),
          UpdateExpression: 'SET healthStatus = :s, healthCheckedAt = :t',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':s': report.status, ':t': report.checkedAt },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new AccountNotFoundError(report.accountId);
      throw err;
    }
    await Promise.all(
      report.regions.map((r) => {
        const previousStatus = before.get(r.region);
        const entry: RegionHealthHistoryEntry = {
          region: r.region,
          checkedAt: report.checkedAt,
          status: r.status,
          ...(previousStatus !== undefined && { previousStatus }),
        };
        return this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...healthKeys.history(tenantId, report.accountId, report.checkedAt, r.region), ...entry, [TTL_ATTRIBUTE]: expiresAt },
          }),
        );
      }),
    );
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...healthKeys.latest(tenantId, report.accountId), report } }));
  }

  async latestReport(tenantId: string, accountId: string): Promise<AccountHealthReport | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: healthKeys.latest(tenantId, accountId), ConsistentRead: true }),
    );
    const report = Item?.report as AccountHealthReport | undefined;
    // Reports stored before regions carried event counts read as none counted.
    return report && { ...report, regions: report.regions.map((r) => ({ ...r, eventsPerDay: r.eventsPerDay ?? [], droppedByReason: r.droppedByReason ?? {} })) };
  }

  async regionHistory(tenantId: string, accountId: string, limit: number): Promise<RegionHealthHistoryEntry[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': controlKeys.tenant(tenantId).pk, ':prefix': healthKeys.historyPrefix(accountId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => ({
      region: String(i.region),
      checkedAt: String(i.checkedAt),
      status: i.status as RegionHealthHistoryEntry['status'],
      ...(i.previousStatus !== undefined && { previousStatus: i.previousStatus as RegionHealthHistoryEntry['status'] }),
    }));
  }

  /** Written by lambdas/events/dynamo-event-stats-store.ts: `EVENTDAY#<accountId>#<day>#<region>`, days in key order. */
  async regionEventDays(tenantId: string, accountId: string, fromDay: string): Promise<RegionEventDay[]> {
    const prefix = controlKeys.eventDaysOf(accountId);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': controlKeys.tenant(tenantId).pk, ':from': `${prefix}${fromDay}`, ':to': `${prefix}~` },
    });
    return items.map((i) => {
      const counters: Record<string, number> = {};
      for (const [k, v] of Object.entries(i)) if (typeof v === 'number' && k !== TTL_ATTRIBUTE) counters[k] = v;
      return { region: String(i.region), day: String(i.day), counters };
    });
  }

  async pipelineNames(tenantId: string, accountId: string): Promise<Partial<PipelineNames> | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: healthKeys.names(tenantId, accountId) }));
    const names = Item?.names as Partial<PipelineNames> | undefined;
    return names && Object.keys(names).length > 0 ? names : undefined;
  }

  async setPipelineNames(tenantId: string, accountId: string, names: Partial<PipelineNames> | null): Promise<void> {
    // Back to the template's names is an empty set of overrides (a put: the API function may not delete items).
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...healthKeys.names(tenantId, accountId), names: names ?? {} } }));
  }
}
