import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { controlKeys } from '../shared/table-schema';
import { type RunDrift, sumDrift } from './reconciliation-drift';

/**
 * Reconciliation drift in the CONTROL table: `drift` (per region, per service) on the ingestion item, and
 * `driftTotals` (created / updated / deleted, summed over every reconciling run) on the account item.
 */
export class DynamoDriftStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * A run reconciles when an earlier run of the account finished with an inventory (SUCCEEDED or PARTIAL): on the first
   * one everything is new, which is not drift. Ingestion ids sort by time (lambdas/control/ids.ts).
   */
  async isReconciliation(tenantId: string, accountId: string, ingestionId: string): Promise<boolean> {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression: '#status IN (:ok, :partial) AND ingestionId <> :self',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pk': controlKeys.tenant(tenantId).pk,
            ':from': `INGESTION#${accountId}#`,
            ':to': controlKeys.ingestion(tenantId, accountId, ingestionId).sk,
            ':ok': 'SUCCEEDED',
            ':partial': 'PARTIAL',
            ':self': ingestionId,
          },
          ScanIndexForward: false,
          ExclusiveStartKey,
        }),
      );
      if ((page.Items ?? []).length > 0) return true;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return false;
  }

  async recordDrift(input: { tenantId: string; accountId: string; ingestionId: string; drift: RunDrift }): Promise<void> {
    const total = sumDrift(Object.values(input.drift).flatMap((services) => Object.values(services)));
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: controlKeys.ingestion(input.tenantId, input.accountId, input.ingestionId),
        UpdateExpression: 'SET drift = :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': input.drift },
      }),
    );
    // ADD on nested paths needs the map to exist: keep the totals flat.
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: controlKeys.account(input.tenantId, input.accountId),
        UpdateExpression: 'ADD driftCreated :c, driftUpdated :u, driftDeleted :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':c': total.created, ':u': total.updated, ':d': total.deleted },
      }),
    );
  }
}
