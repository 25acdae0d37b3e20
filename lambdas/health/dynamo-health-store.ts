import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AccountNotFoundError } from '../control/errors';
import { queryAll } from '../shared/dynamo';
import { TTL_ATTRIBUTE, controlKeys } from '../shared/table-schema';
import type { AccountHealthReport } from './health-model';
import type { HealthCheckRun, HealthCheckRunStore } from './health-check-run';
import type { HealthStore, HealthTransitionPage, RegionHealthHistoryEntry } from './health-store';
import { failingRegionCount, type HealthTransition, healthTransitions } from './health-transitions';
import type { PipelineNames } from './pipeline-names';
import type { RegionEventDay } from './region-event-counts';

/**
 * Health items in the CONTROL table, in the tenant's partition under their own prefix (`PIPELINE#`, which no other
 * item uses: lambdas/inventory/table-schema.ts):
 *   latest report   sk PIPELINE#<accountId>#LATEST                     (the whole report: ≤ 34 regions × 5 checks)
 *   history         sk PIPELINE#<accountId>#HISTORY#<checkedAt>#<region> (TTL: historyDays)
 *   custom names    sk PIPELINE#<accountId>#NAMES
 *   transitions     sk PIPELINE#<accountId>#EVENT#<checkedAt>#<region>   (a region turning failing or recovering; TTL: eventDays)
 *   check runs      sk PIPELINE#<accountId>#RUN#<runId>                  (on-demand checks; TTL: 7 days)
 * and `healthStatus` / `healthCheckedAt` / `healthFailingRegions` on the account item, so the account list and the
 * findings summary carry them without a join.
 */
export const healthKeys = {
  latest: (tenantId: string, accountId: string) => ({ pk: controlKeys.tenant(tenantId).pk, sk: `PIPELINE#${accountId}#LATEST` }),
  historyPrefix: (accountId: string) => `PIPELINE#${accountId}#HISTORY#`,
  history: (tenantId: string, accountId: string, checkedAt: string, region: string) => ({
    pk: controlKeys.tenant(tenantId).pk,
    sk: `PIPELINE#${accountId}#HISTORY#${checkedAt}#${region}`,
  }),
  names: (tenantId: string, accountId: string) => ({ pk: controlKeys.tenant(tenantId).pk, sk: `PIPELINE#${accountId}#NAMES` }),
  eventPrefix: (accountId: string) => `PIPELINE#${accountId}#EVENT#`,
  run: (tenantId: string, accountId: string, runId: string) => ({ pk: controlKeys.tenant(tenantId).pk, sk: `PIPELINE#${accountId}#RUN#${runId}` }),
  event: (tenantId: string, accountId: string, at: string, region: string) => ({
    pk: controlKeys.tenant(tenantId).pk,
    sk: `PIPELINE#${accountId}#EVENT#${at}#${region}`,
  }),
};

export interface DynamoHealthStoreOptions {
  /** How long history entries are kept. @default 90 */
  readonly historyDays?: number;
  /** How long transitions (a region failing, recovering) are kept. @default 400 */
  readonly eventDays?: number;
}

const RUN_RETENTION_SECONDS = 7 * 86_400;

export class DynamoHealthStore implements HealthStore, HealthCheckRunStore {
  private readonly historyDays: number;
  private readonly eventDays: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoHealthStoreOptions = {},
  ) {
    this.historyDays = options.historyDays ?? 90;
    this.eventDays = options.eventDays ?? 400;
  }

  async saveReport(tenantId: string, report: AccountHealthReport): Promise<void> {
    const previous = await this.latestReport(tenantId, report.accountId);
    const before = new Map(previous?.regions.map((r) => [r.region, r.status]));
    const checkedAtSeconds = Math.floor(Date.parse(report.checkedAt) / 1000);
    const expiresAt = checkedAtSeconds + this.historyDays * 86_400;
    // The account first: an unknown or purged account gets no health items.
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, report.accountId),
          UpdateExpression: 'SET healthStatus = :s, healthCheckedAt = :t, healthFailingRegions = :f',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':s': report.status, ':t': report.checkedAt, ':f': failingRegionCount(report) },
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
    // Transitions before the new latest report: a crash between leaves the old report, so the retry records them again.
    await Promise.all(
      healthTransitions(previous, report).map((t) =>
        this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...healthKeys.event(tenantId, report.accountId, t.at, t.region), ...t, [TTL_ATTRIBUTE]: checkedAtSeconds + this.eventDays * 86_400 },
          }),
        ),
      ),
    );
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...healthKeys.latest(tenantId, report.accountId), report } }));
  }

  async transitions(tenantId: string, accountId: string, options: { limit: number; before?: string }): Promise<HealthTransitionPage> {
    const prefix = healthKeys.eventPrefix(accountId);
    const { Items = [], LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: options.before ? 'pk = :pk AND sk BETWEEN :prefix AND :before' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': controlKeys.tenant(tenantId).pk,
          ':prefix': prefix,
          // BETWEEN is inclusive: the cursor's own item is dropped below.
          ...(options.before && { ':before': `${prefix}${options.before}` }),
        },
        ScanIndexForward: false,
        Limit: options.limit + (options.before ? 1 : 0),
      }),
    );
    const items = Items.filter((i) => !options.before || i.sk !== `${prefix}${options.before}`).slice(0, options.limit);
    const last = items.at(-1);
    // A full page may be followed by an empty one (DynamoDB cannot tell before reading on).
    const more = LastEvaluatedKey !== undefined;
    return {
      items: items.map((i) => ({
        at: String(i.at),
        region: String(i.region),
        kind: i.kind as HealthTransition['kind'],
        from: (i.from ?? null) as HealthTransition['from'],
        to: i.to as HealthTransition['to'],
        failedChecks: (i.failedChecks ?? []) as HealthTransition['failedChecks'],
      })),
      ...(more && last && { next: String(last.sk).slice(prefix.length) }),
    };
  }

  async createRun(tenantId: string, run: HealthCheckRun): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...healthKeys.run(tenantId, run.accountId, run.runId), ...run, [TTL_ATTRIBUTE]: Math.floor(Date.parse(run.startedAt) / 1000) + RUN_RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getRun(tenantId: string, accountId: string, runId: string): Promise<HealthCheckRun | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: healthKeys.run(tenantId, accountId, runId), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, [TTL_ATTRIBUTE]: _ttl, ...run } = Item;
    return run as HealthCheckRun;
  }

  async finishRun(tenantId: string, accountId: string, runId: string, end: Pick<HealthCheckRun, 'status' | 'finishedAt' | 'report' | 'error'>): Promise<boolean> {
    const fields = Object.entries(end).filter(([, v]) => v !== undefined);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: healthKeys.run(tenantId, accountId, runId),
          UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { ...Object.fromEntries(fields.map(([k], i) => [`#f${i}`, k])), '#status': 'status' },
          ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([, v], i) => [`:f${i}`, v])), ':running': 'RUNNING' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
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
