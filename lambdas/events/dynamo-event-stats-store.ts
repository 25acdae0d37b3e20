import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeIf } from '../shared/dynamo';
import { EVENT_DAY_RETENTION_DAYS, TTL_ATTRIBUTE, controlKeys } from '../shared/table-schema';
import type { EventStatsDelta, EventStatsStore, HealthObservation } from './event-stats-store';

/**
 * Event counters and per-region health in the CONTROL table, next to the account they describe (key design:
 * lambdas/shared/table-schema.ts); lambdas/control/dynamo-account-store.ts reads them back.
 */
export class DynamoEventStatsStore implements EventStatsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addEventStats(deltas: readonly EventStatsDelta[]): Promise<void> {
    for (const delta of deltas) {
      const entries = Object.entries(delta.counters).filter(([, n]) => n > 0);
      if (entries.length === 0) continue;
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      entries.forEach(([name, n], i) => {
        names[`#c${i}`] = name;
        values[`:c${i}`] = n;
      });
      const add = `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`;
      if (delta.region !== undefined && delta.day !== undefined) {
        const expiresAt = Math.floor(Date.parse(`${delta.day}T00:00:00Z`) / 1000) + (EVENT_DAY_RETENTION_DAYS + 1) * 86_400;
        await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: controlKeys.eventDay(delta.tenantId, delta.accountId, delta.day, delta.region),
            UpdateExpression: `SET tenantId = :tenant, accountId = :account, #region = :region, #day = :day, #ttl = :ttl ${add}`,
            ExpressionAttributeNames: { ...names, '#region': 'region', '#day': 'day', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ...values, ':tenant': delta.tenantId, ':account': delta.accountId, ':region': delta.region, ':day': delta.day, ':ttl': expiresAt },
          }),
        );
        continue;
      }
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.eventStats(delta.tenantId, delta.accountId),
          UpdateExpression: `SET tenantId = :tenant, accountId = :account ${add}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':tenant': delta.tenantId, ':account': delta.accountId },
        }),
      );
    }
  }

  async recordHealth(observations: readonly HealthObservation[]): Promise<void> {
    for (const o of observations) {
      // A false condition: a later batch already recorded a newer event.
      await writeIf(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: controlKeys.health(o.tenantId, o.accountId, o.region),
            UpdateExpression:
              'SET tenantId = :tenant, accountId = :account, #region = :region, lastEventAt = :at, lastEventTime = :time, lastEventId = :id' +
              (o.templateVersion !== undefined ? ', templateVersion = :version' : ''),
            ConditionExpression: 'attribute_not_exists(lastEventAt) OR lastEventAt <= :at',
            ExpressionAttributeNames: { '#region': 'region' },
            ExpressionAttributeValues: {
              ':tenant': o.tenantId,
              ':account': o.accountId,
              ':region': o.region,
              ':at': o.lastEventAt,
              ':time': o.lastEventTime,
              ':id': o.lastEventId,
              ...(o.templateVersion !== undefined ? { ':version': o.templateVersion } : {}),
            },
          }),
        ),
      );
    }
  }
}
