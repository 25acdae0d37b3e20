import { type DynamoDBDocumentClient, GetCommand, paginateScan, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../inventory/inventory-cursor';
import { queryAll, withoutKeys, writeIf, writeOrThrow } from '../shared/dynamo';
import { controlKeys } from '../shared/table-schema';
import type { CrawlPart, IngestionRecord, IngestionWithParts } from './control-model';
import {
  AccountNotFoundError,
  AccountNotLinkedError,
  IngestionAlreadyRunningError,
  IngestionNotFoundError,
} from './errors';
import type { AbandonIngestionInput, FinishIngestionInput, IngestionPage, IngestionStore, OpenIngestion, StartIngestionInput } from './ingestion-store';

export interface IngestionStoreOptions {
  /**
   * An ingestion lock older than this is considered abandoned (its execution died without Finalize) and may be
   * taken over. @default 24 hours — longer than the crawl state machine may run.
   */
  readonly staleIngestionLockMs?: number;
}

/** One ingestion record, or undefined (also read by the account details). */
export async function readIngestion(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: { tenantId: string; accountId: string; ingestionId: string },
): Promise<IngestionRecord | undefined> {
  const { Item } = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: controlKeys.ingestion(key.tenantId, key.accountId, key.ingestionId),
      ConsistentRead: true,
    }),
  );
  return Item ? withoutKeys<IngestionRecord>(Item) : undefined;
}

/**
 * Ingestion runs and crawl parts in the CONTROL table (key design: lambdas/shared/table-schema.ts). The lock is
 * `runningIngestionId` on the account item, taken and released with single-item conditional writes.
 */
export class DynamoIngestionStore implements IngestionStore {
  private readonly staleLockMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: IngestionStoreOptions = {},
  ) {
    this.staleLockMs = options.staleIngestionLockMs ?? 24 * 3600_000;
  }

  async startIngestion(input: StartIngestionInput): Promise<IngestionRecord> {
    const { tenantId, accountId, ingestionId, startedAt } = input;
    const staleBefore = new Date(Date.parse(startedAt) - this.staleLockMs).toISOString();
    const locked = await writeIf(() =>
      this.db.send(
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
      ),
    );
    if (!locked) {
      // Which part of the condition failed: the account is gone, unlinked, or another run holds the lock.
      const { Item: account } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: controlKeys.account(tenantId, accountId), ConsistentRead: true }),
      );
      if (!account) throw new AccountNotFoundError(accountId);
      if (account.status !== 'LINKED') throw new AccountNotLinkedError(accountId);
      throw new IngestionAlreadyRunningError(accountId, typeof account.runningIngestionId === 'string' ? account.runningIngestionId : 'unknown');
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

  async finishIngestion(input: FinishIngestionInput): Promise<IngestionRecord> {
    const { tenantId, accountId, ingestionId } = input;
    const { Attributes } = await writeOrThrow(
      () =>
        this.db.send(
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
        ),
      () => new IngestionNotFoundError(ingestionId),
    );
    await this.releaseIngestionLock(tenantId, accountId, ingestionId);
    return withoutKeys<IngestionRecord>(Attributes ?? {});
  }

  async abandonIngestion(input: AbandonIngestionInput): Promise<{ closed: boolean }> {
    const { tenantId, accountId, ingestionId } = input;
    // A false condition: the run already ended, or was never recorded (a crash between lock and record).
    const closed = await writeIf(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.ingestion(tenantId, accountId, ingestionId),
          UpdateExpression: 'SET #status = :failed, finishedAt = :f, #errors = list_append(if_not_exists(#errors, :none), :e)',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status', '#errors': 'errors' },
          ExpressionAttributeValues: { ':failed': 'FAILED', ':running': 'RUNNING', ':f': input.finishedAt, ':e': [input.error], ':none': [] },
        }),
      ),
    );
    await this.releaseIngestionLock(tenantId, accountId, ingestionId);
    return { closed };
  }

  /** One Scan of the control table: used by the local runtime at start-up; in AWS the execution status-change rule closes runs. */
  async listOpenIngestions(): Promise<OpenIngestion[]> {
    const out: OpenIngestion[] = [];
    const pages = paginateScan(
      { client: this.db },
      {
        TableName: this.tableName,
        FilterExpression: 'attribute_exists(runningIngestionId) OR (begins_with(sk, :ingestion) AND #status = :running)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':ingestion': 'INGESTION#', ':running': 'RUNNING' },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { tenantId, accountId } = item as { tenantId: string; accountId: string };
        if (typeof item.runningIngestionId === 'string') out.push({ tenantId, accountId, ingestionId: item.runningIngestionId });
        if (String(item.sk).startsWith('INGESTION#') && item.status === 'RUNNING') {
          out.push({ tenantId, accountId, ingestionId: String(item.ingestionId), ...(typeof item.executionArn === 'string' && { executionArn: item.executionArn }) });
        }
      }
    }
    return out;
  }

  /** Only if this run still holds the lock: another run may have taken over an abandoned one, or the account was purged. */
  private async releaseIngestionLock(tenantId: string, accountId: string, ingestionId: string): Promise<void> {
    await writeIf(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: controlKeys.account(tenantId, accountId),
          UpdateExpression: 'REMOVE runningIngestionId, runningIngestionStartedAt',
          ConditionExpression: 'runningIngestionId = :id',
          ExpressionAttributeValues: { ':id': ingestionId },
        }),
      ),
    );
  }

  async getIngestion(tenantId: string, accountId: string, ingestionId: string): Promise<IngestionWithParts> {
    const record = await readIngestion(this.db, this.tableName, { tenantId, accountId, ingestionId });
    if (!record) throw new IngestionNotFoundError(ingestionId);
    return { ...record, parts: await this.listCrawlParts(ingestionId) };
  }

  /**
   * One Query of the tenant's partition, `INGESTION#<accountId>#` descending: ingestion ids are time-ordered
   * (lambdas/shared/table-schema.ts), so the newest run comes first.
   */
  async listIngestions(tenantId: string, accountId: string, page: { limit: number; cursor?: string }): Promise<IngestionPage> {
    const { pk, sk: prefix } = controlKeys.ingestion(tenantId, accountId, '');
    let startKey: Record<string, string> | undefined;
    if (page.cursor !== undefined) {
      const cursor = decodeCursor(page.cursor);
      // A forged cursor must not address another tenant's or account's items.
      if (cursor.s !== prefix || cursor.k?.pk !== pk || !cursor.k.sk?.startsWith(prefix)) throw new InvalidCursorError('not issued for this account');
      startKey = { pk: cursor.k.pk, sk: cursor.k.sk };
    }
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const next = LastEvaluatedKey as { pk: string; sk: string } | undefined;
    return {
      items: (Items ?? []).map((i) => withoutKeys<IngestionRecord>(i)),
      nextCursor: next ? encodeCursor({ p: 0, s: prefix, k: { pk: next.pk, sk: next.sk } }) : null,
    };
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
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `INGESTION#${ingestionId}`, ':prefix': 'PART#' },
    });
    return items.map((i) => withoutKeys<CrawlPart>(i));
  }
}
