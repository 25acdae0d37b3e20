/**
 * Opaque pagination cursor of GET /inventory: base64url JSON of the partition being read and DynamoDB's
 * LastEvaluatedKey within it. Validated on the way in (a forged cursor must not address another tenant's items).
 */
export interface InventoryCursor {
  /** Index into the query plan's partition list. */
  readonly p: number;
  /** The partition key at that index when the cursor was issued (guards against a changed plan). */
  readonly s: string;
  /** LastEvaluatedKey (string attributes only: the table and index keys are strings). */
  readonly k?: Readonly<Record<string, string>>;
}

export class InvalidCursorError extends Error {
  readonly field = 'cursor';
  constructor(reason: string) {
    super(`cursor is not valid: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(cursor: InventoryCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): InventoryCursor {
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(raw)) throw new InvalidCursorError('not base64url');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new InvalidCursorError('not an object');
  const { p, s, k } = value as Record<string, unknown>;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0) throw new InvalidCursorError('bad partition index');
  if (typeof s !== 'string') throw new InvalidCursorError('bad partition');
  if (k !== undefined) {
    if (typeof k !== 'object' || k === null || Array.isArray(k)) throw new InvalidCursorError('bad key');
    for (const v of Object.values(k)) if (typeof v !== 'string') throw new InvalidCursorError('bad key');
  }
  return { p, s, ...(k !== undefined && { k: k as Record<string, string> }) };
}
