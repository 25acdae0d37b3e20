import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog, AuditPage } from './audit-log';

/**
 * The audit log in the control table, in the tenant's partition (so it lives and is deleted with the tenant, and the
 * `TENANT#` leading-key condition covers it): `pk TENANT#<tenantId>`, `sk AUDIT#<at>#<uuid>` — time-ordered, read
 * newest first. Written with a conditional put so an entry is never overwritten.
 */
const PREFIX = 'AUDIT#';
/** `AUDIT#` + ISO time + `#` + a UUID: what a `before` cursor must look like. */
const SORT_KEY = /^AUDIT#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f-]{36}$/;

export class InvalidAuditCursorError extends Error {
  readonly field = 'before';
  constructor() {
    super('before is not a cursor this API returned');
    this.name = 'InvalidAuditCursorError';
  }
}

export const isAuditCursor = (value: string): boolean => SORT_KEY.test(value);

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `TENANT#${entry.tenantId}`, sk: `${PREFIX}${entry.at}#${randomUUID()}`, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async list(tenantId: string, options: { limit: number; before?: string }): Promise<AuditPage> {
    if (options.before !== undefined && !isAuditCursor(options.before)) throw new InvalidAuditCursorError();
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: options.before ? 'pk = :pk AND sk BETWEEN :from AND :before' : 'pk = :pk AND begins_with(sk, :from)',
        ExpressionAttributeValues: { ':pk': `TENANT#${tenantId}`, ':from': PREFIX, ...(options.before ? { ':before': options.before } : {}) },
        ScanIndexForward: false,
        // One more than asked, to know whether there is a next page (and one more for the inclusive cursor row).
        Limit: options.limit + 1 + (options.before ? 1 : 0),
      }),
    );
    const newer = (Items ?? []).filter((i) => i.sk !== options.before);
    const rows = newer.slice(0, options.limit);
    const items = rows.map(({ pk: _pk, sk: _sk, ...entry }) => entry as unknown as AuditEntry);
    const last = rows[rows.length - 1];
    const more = newer.length > rows.length || (LastEvaluatedKey !== undefined && rows.length === options.limit);
    return { items, ...(more && last ? { next: String(last.sk) } : {}) };
  }
}
