import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { GSI1, controlKeys } from '../shared/table-schema';
import type {
  AccountDetails,
  CrawlPart,
  EventStats,
  IngestionErrorEntry,
  IngestionRecord,
  IngestionStatus,
  IngestionWithParts,
  LinkedAccount,
  RegionHealth,
  StoredToken,
  Tenant,
  TokenRecord,
} from './control-model';
import {
  AccountNotFoundError,
  AccountNotLinkedError,
  IngestionAlreadyRunningError,
  IngestionNotFoundError,
  TenantNotFoundError,
  TokenNotFoundError,
} from './errors';

/** Bookkeeping attributes that never leave the repository. */
const KEY_ATTRIBUTES = ['pk', 'sk', GSI1.pk, GSI1.sk] as const;

function strip<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  delete copy.secretHash;
  return copy as T;
}

export interface ControlRepositoryOptions {
  /**
   * An ingestion lock older than this is considered abandoned (its execution died without Finalize) and may be
   * taken over. @default 24 hours — longer than the crawl state machine may run.
   */
  readonly staleIngestionLockMs?: number;
}

/**
 * Tenants, tokens, linked accounts, ingestion runs and crawl parts in the CONTROL table (key design:
 * lambdas/shared/table-schema.ts). Single-item conditional writes only.
 */
export class DynamoControlRepository {
  private readonly staleLockMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: ControlRepositoryOptions = {},
  ) {
    this.staleLockMs = options.staleIngestionLockMs ?? 24 * 3600_000;
  }

  // ── tenants ────────────────────────────────────────────────────────────────────────────────────────────────────
  async createTenant(tenant: Tenant): Promise<Tenant> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...controlKeys.tenant(tenant.tenantId), ...tenant },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return tenant;
  }

  async getTenant(tenantId: string): Promise<Tenant> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: controlKeys.tenant(tenantId) }));
    if (!Item) throw new TenantNotFoundError(tenantId);
    return strip<Tenant>(Item);
  }

  // ── tokens ─────────────────────────────────────────────────────────────────────────────────────────────────────
  async putToken(token: StoredToken): Promise<TokenRecord> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...controlKeys.token(token.secretHash),
          [GSI1.pk]: controlKeys.tokensOfTenant(token.tenantId),
          [GSI1.sk]: token.tokenId,
          ...token,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return strip<TokenRecord>(token as unknown as Record<string, unknown>);
  }

  /** The authorizer's lookup: by the SHA-256 of the presented secret. Includes `secretHash` for the constant-time check. */
  async findTokenByHash(secretHash: string): Promise<StoredToken | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: controlKeys.token(secretHash), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, [GSI1.pk]: _g1, [GSI1.sk]: _g2, ...token } = Item;
    return token as StoredToken;
  }

  async listTokens(tenantId: string): Promise<TokenRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': controlKeys.tokensOfTenant(tenantId) },
    });
    return items.map((i) => strip<TokenRecord>(i));
  }

  /** Sets `revokedAt` (idempotent: a revoked token keeps its first revocation time). */
  async revokeToken(tenantId: string, tokenId: string, revokedAt: string): Promise<TokenRecord> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND #sk = :sk',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
        ExpressionAttributeValues: { ':pk': controlKeys.tokensOfTenant(tenantId), ':sk': tokenId },
      }),
    );
    const found = Items?.[0];
    if (!found) throw new TokenNotFoundError(tokenId);
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: found.pk, sk: found.sk },
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
        ConditionExpression: 'attribute_exists(pk) AND tenantId = :t',
        ExpressionAttributeValues: { ':now': revokedAt, ':t': tenantId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<TokenRecord>(Attributes ?? {});
  }

  // ── accounts ───────────────────────────────────────────────────────────────────────────────────────────────────
  /** Links (or links again) an account. `created` is false when an item already existed: the link is an update. */
  async linkAccount(input: {
    tenantId: string;
    accountId: string;
    roleArn: string;
    regions: readonly string[] | null;
    now: string;
  }): Promise<{ account: LinkedAccount; created: boolean }> {
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
    return strip<LinkedAccount>(Item);
  }

  /** Every account item of the tenant (linked and unlinked-but-kept). */
  async listAccounts(tenantId: string): Promise<LinkedAccount[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': controlKeys.tenant(tenantId).pk, ':prefix': 'ACCOUNT#' },
    });
    return items.map((i) => strip<LinkedAccount>(i));
  }

  /** All linked accounts of all tenants (the daily schedule's list), via the sparse LINKED_ACCOUNTS index. */
  async listLinkedAccounts(): Promise<Array<Pick<LinkedAccount, 'tenantId' | 'accountId'>>> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': controlKeys.linkedAccountsPartition },
    });
    return items.map((i) => ({ tenantId: String(i.tenantId), accountId: String(i.accountId) }));
  }

  async updateAccount(input: {
    tenantId: string;
    accountId: string;
    roleArn?: string;
    regions?: readonly string[] | null;
    now: string;
  }): Promise<LinkedAccount> {
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
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(input.tenantId, input.accountId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<LinkedAccount>(Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new AccountNotFoundError(input.accountId);
      throw err;
    }
  }

  /** Unlinks: status UNLINKED and out of the LINKED_ACCOUNTS index (no more scheduled crawls; events dropped). */
  async unlinkAccount(tenantId: string, accountId: string, now: string): Promise<LinkedAccount> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, accountId),
          UpdateExpression: 'SET #status = :unlinked, unlinkedAt = :now, updatedAt = :now REMOVE #g1pk, #g1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
          ExpressionAttributeValues: { ':unlinked': 'UNLINKED', ':now': now },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<LinkedAccount>(Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new AccountNotFoundError(accountId);
      throw err;
    }
  }

  async getAccountDetails(tenantId: string, accountId: string): Promise<AccountDetails> {
    const account = await this.getAccount(tenantId, accountId);
    const pk = controlKeys.tenant(tenantId).pk;
    const [healthItems, stats, lastIngestion] = await Promise.all([
      this.queryAll({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': `HEALTH#${accountId}#` },
      }),
      this.db.send(new GetCommand({ TableName: this.tableName, Key: controlKeys.eventStats(tenantId, accountId) })),
      account.lastIngestionId ? this.findIngestion(tenantId, accountId, account.lastIngestionId) : Promise.resolve(undefined),
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

  // ── ingestions ─────────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Takes the account's ingestion lock (`runningIngestionId`, conditional) and records the run as RUNNING.
   * Throws IngestionAlreadyRunningError (→ 409), AccountNotLinkedError (→ 409) or AccountNotFoundError (→ 404).
   */
  async startIngestion(input: {
    tenantId: string;
    accountId: string;
    ingestionId: string;
    regions: readonly string[];
    startedAt: string;
  }): Promise<IngestionRecord> {
    const { tenantId, accountId, ingestionId, startedAt } = input;
    const staleBefore = new Date(Date.parse(startedAt) - this.staleLockMs).toISOString();
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, accountId),
          UpdateExpression: 'SET runningIngestionId = :id, runningIngestionStartedAt = :now, lastIngestionId = :id',
          ConditionExpression:
            'attribute_exists(pk) AND #status = :linked AND ' +
            '(attribute_not_exists(runningIngestionId) OR runningIngestionStartedAt < :stale)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':id': ingestionId, ':now': startedAt, ':linked': 'LINKED', ':stale': staleBefore },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const account = await this.getAccount(tenantId, accountId); // throws AccountNotFoundError
      if (account.status !== 'LINKED') throw new AccountNotLinkedError(accountId);
      throw new IngestionAlreadyRunningError(accountId, account.runningIngestionId ?? 'unknown');
    }
    const record: IngestionRecord = {
      ingestionId,
      tenantId,
      accountId,
      status: 'RUNNING',
      startedAt,
      regions: [...input.regions],
    };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...controlKeys.ingestion(tenantId, accountId, ingestionId), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      // The run could not be recorded (e.g. DynamoDB still throttled after the SDK's retries): a failed start
      // leaves no lock behind.
      await this.releaseIngestionLock(tenantId, accountId, ingestionId);
      throw err;
    }
    return record;
  }

  async setIngestionExecution(tenantId: string, accountId: string, ingestionId: string, executionArn: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: controlKeys.ingestion(tenantId, accountId, ingestionId),
        UpdateExpression: 'SET executionArn = :e',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':e': executionArn },
      }),
    );
  }

  /** Records the outcome and releases the account's lock (only if this run still holds it). */
  async finishIngestion(input: {
    tenantId: string;
    accountId: string;
    ingestionId: string;
    status: Exclude<IngestionStatus, 'RUNNING'>;
    finishedAt: string;
    counts?: Readonly<Record<string, number>>;
    errors?: readonly IngestionErrorEntry[];
  }): Promise<IngestionRecord> {
    const { tenantId, accountId, ingestionId } = input;
    let record: IngestionRecord;
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.ingestion(tenantId, accountId, ingestionId),
          UpdateExpression: 'SET #status = :s, finishedAt = :f, counts = :c, #errors = :e',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status', '#errors': 'errors' },
          ExpressionAttributeValues: {
            ':s': input.status,
            ':f': input.finishedAt,
            ':c': input.counts ?? {},
            ':e': input.errors ?? [],
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      record = strip<IngestionRecord>(Attributes ?? {});
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new IngestionNotFoundError(ingestionId);
      throw err;
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, accountId),
          UpdateExpression: 'REMOVE runningIngestionId, runningIngestionStartedAt',
          ConditionExpression: 'runningIngestionId = :id',
          ExpressionAttributeValues: { ':id': ingestionId },
        }),
      );
    } catch (err) {
      // Another run took over an abandoned lock, or the account was purged: nothing to release.
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    return record;
  }

  async getIngestion(tenantId: string, accountId: string, ingestionId: string): Promise<IngestionWithParts> {
    const record = await this.findIngestion(tenantId, accountId, ingestionId);
    if (!record) throw new IngestionNotFoundError(ingestionId);
    return { ...record, parts: await this.listCrawlParts(ingestionId) };
  }

  async putCrawlPart(part: CrawlPart): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...controlKeys.crawlPart(part.ingestionId, part.region, part.service), ...part },
      }),
    );
  }

  async listCrawlParts(ingestionId: string): Promise<CrawlPart[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `INGESTION#${ingestionId}`, ':prefix': 'PART#' },
    });
    return items.map((i) => strip<CrawlPart>(i));
  }

  // ── runs that outlived their execution ────────────────────────────────────────────────────────────────────────
  /**
   * Closes a run that is still RUNNING as FAILED with `error` (conditional: a run Finalize already recorded is left
   * as it is), then releases the account's lock if this run holds it — also when the run record was never written
   * (a crash between taking the lock and recording the run). `closed` says whether this call closed the run.
   */
  async abandonIngestion(input: {
    tenantId: string;
    accountId: string;
    ingestionId: string;
    finishedAt: string;
    error: IngestionErrorEntry;
  }): Promise<{ closed: boolean }> {
    const { tenantId, accountId, ingestionId } = input;
    let closed = true;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.ingestion(tenantId, accountId, ingestionId),
          UpdateExpression: 'SET #status = :failed, finishedAt = :f, #errors = list_append(if_not_exists(#errors, :none), :e)',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status', '#errors': 'errors' },
          ExpressionAttributeValues: { ':failed': 'FAILED', ':running': 'RUNNING', ':f': input.finishedAt, ':e': [input.error], ':none': [] },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      closed = false; // already ended, or never recorded
    }
    await this.releaseIngestionLock(tenantId, accountId, ingestionId);
    return { closed };
  }

  /**
   * Every run recorded RUNNING and every lock held, in one Scan of the control table. Used by the local runtime at
   * start-up (a small table); in AWS, runs are closed by the execution status-change rule instead.
   */
  async listOpenIngestions(): Promise<Array<{ tenantId: string; accountId: string; ingestionId: string; executionArn?: string }>> {
    const out: Array<{ tenantId: string; accountId: string; ingestionId: string; executionArn?: string }> = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'attribute_exists(runningIngestionId) OR (begins_with(sk, :ingestion) AND #status = :running)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':ingestion': 'INGESTION#', ':running': 'RUNNING' },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { tenantId, accountId } = item as { tenantId: string; accountId: string };
        if (typeof item.runningIngestionId === 'string') out.push({ tenantId, accountId, ingestionId: item.runningIngestionId });
        if (String(item.sk).startsWith('INGESTION#') && item.status === 'RUNNING') {
          out.push({ tenantId, accountId, ingestionId: String(item.ingestionId), ...(typeof item.executionArn === 'string' && { executionArn: item.executionArn }) });
        }
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }

  private async releaseIngestionLock(tenantId: string, accountId: string, ingestionId: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, accountId),
          UpdateExpression: 'REMOVE runningIngestionId, runningIngestionStartedAt',
          ConditionExpression: 'runningIngestionId = :id',
          ExpressionAttributeValues: { ':id': ingestionId },
        }),
      );
    } catch (err) {
      // Another run holds the lock, or the account was purged: nothing to release.
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  private async findIngestion(tenantId: string, accountId: string, ingestionId: string): Promise<IngestionRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: controlKeys.ingestion(tenantId, accountId, ingestionId),
        ConsistentRead: true,
      }),
    );
    return Item ? strip<IngestionRecord>(Item) : undefined;
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      out.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return out;
  }
}
