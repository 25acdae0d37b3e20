import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, withoutKeys, writeOrThrow } from '../shared/dynamo';
import { GSI1, controlKeys } from '../shared/table-schema';
import type { AccountStore, LinkAccountInput, UpdateAccountInput } from './account-store';
import type { AccountDetails, EventStats, LinkedAccount, RegionHealth } from './control-model';
import { readIngestion } from './dynamo-ingestion-store';
import { AccountNotFoundError } from './errors';

/**
 * Linked accounts in the CONTROL table (key design: lambdas/shared/table-schema.ts): one item per (tenant,
 * account), in the sparse LINKED_ACCOUNTS index only while linked.
 */
export class DynamoAccountStore implements AccountStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async linkAccount(input: LinkAccountInput): Promise<{ account: LinkedAccount; created: boolean }> {
    const { tenantId, accountId, roleArn, regions, now } = input;
    const { Item: old } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: controlKeys.account(tenantId, accountId), ConsistentRead: true }),
    );
    // A relink of an account that stayed linked keeps its link time; a relink after an unlink starts a new link.
    const linkedAt = old?.status === 'LINKED' && typeof old.linkedAt === 'string' ? old.linkedAt : now;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: controlKeys.account(tenantId, accountId),
        UpdateExpression:
          'SET tenantId = :t, accountId = :a, roleArn = :r, #status = :linked, regions = :regions, updatedAt = :now, ' +
          'linkedAt = :linkedAt, #g1pk = :g1pk, #g1sk = :g1sk REMOVE unlinkedAt',
        ExpressionAttributeNames: { '#status': 'status', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
        ExpressionAttributeValues: {
          ':t': tenantId,
          ':a': accountId,
          ':r': roleArn,
          ':linked': 'LINKED',
          ':regions': regions,
          ':now': now,
          ':linkedAt': linkedAt,
          ':g1pk': controlKeys.linkedAccountsPartition,
          ':g1sk': `${tenantId}#${accountId}`,
        },
      }),
    );
    return { account: await this.getAccount(tenantId, accountId), created: old === undefined };
  }

  async getAccount(tenantId: string, accountId: string): Promise<LinkedAccount> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: controlKeys.account(tenantId, accountId), ConsistentRead: true }),
    );
    if (!Item) throw new AccountNotFoundError(accountId);
    return withoutKeys<LinkedAccount>(Item);
  }

  async listAccounts(tenantId: string): Promise<LinkedAccount[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': controlKeys.tenant(tenantId).pk, ':prefix': 'ACCOUNT#' },
    });
    return items.map((i) => withoutKeys<LinkedAccount>(i));
  }

  /** Via the sparse LINKED_ACCOUNTS index. */
  async listLinkedAccounts(): Promise<Array<Pick<LinkedAccount, 'tenantId' | 'accountId'>>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': controlKeys.linkedAccountsPartition },
    });
    return items.map((i) => ({ tenantId: String(i.tenantId), accountId: String(i.accountId) }));
  }

  async updateAccount(input: UpdateAccountInput): Promise<LinkedAccount> {
    const sets = ['updatedAt = :now'];
    const values: Record<string, unknown> = { ':now': input.now };
    if (input.roleArn !== undefined) {
      sets.push('roleArn = :r');
      values[':r'] = input.roleArn;
    }
    if (input.regions !== undefined) {
      sets.push('regions = :regions');
      values[':regions'] = input.regions;
    }
    const { Attributes } = await writeOrThrow(
      () =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: controlKeys.account(input.tenantId, input.accountId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      () => new AccountNotFoundError(input.accountId),
    );
    return withoutKeys<LinkedAccount>(Attributes ?? {});
  }

  /** Also leaves the LINKED_ACCOUNTS index. */
  async unlinkAccount(tenantId: string, accountId: string, now: string): Promise<LinkedAccount> {
    const { Attributes } = await writeOrThrow(
      () =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: controlKeys.account(tenantId, accountId),
            UpdateExpression: 'SET #status = :unlinked, unlinkedAt = :now, updatedAt = :now REMOVE #g1pk, #g1sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
            ExpressionAttributeValues: { ':unlinked': 'UNLINKED', ':now': now },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      () => new AccountNotFoundError(accountId),
    );
    return withoutKeys<LinkedAccount>(Attributes ?? {});
  }

  /** Health and event counters are written by the event processor (lambdas/events/dynamo-event-stats-store.ts). */
  async getAccountDetails(tenantId: string, accountId: string): Promise<AccountDetails> {
    const account = await this.getAccount(tenantId, accountId);
    const pk = controlKeys.tenant(tenantId).pk;
    const [healthItems, stats, lastIngestion] = await Promise.all([
      queryAll(this.db, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': `HEALTH#${accountId}#` },
      }),
      this.db.send(new GetCommand({ TableName: this.tableName, Key: controlKeys.eventStats(tenantId, accountId) })),
      account.lastIngestionId
        ? readIngestion(this.db, this.tableName, { tenantId, accountId, ingestionId: account.lastIngestionId })
        : Promise.resolve(undefined),
    ]);
    const health: RegionHealth[] = healthItems.map((i) => ({
      region: String(i.sk).slice(`HEALTH#${accountId}#`.length),
      ...(i.lastEventAt !== undefined && { lastEventAt: String(i.lastEventAt) }),
      ...(i.templateVersion !== undefined && { templateVersion: String(i.templateVersion) }),
      ...(i.lastEventId !== undefined && { lastEventId: String(i.lastEventId) }),
    }));
    const eventStats: Record<string, number> = {};
    for (const [k, v] of Object.entries(stats.Item ?? {})) if (typeof v === 'number') eventStats[k] = v;
    return { ...account, health, eventStats: eventStats as EventStats, ...(lastIngestion && { lastIngestion }) };
  }
}
