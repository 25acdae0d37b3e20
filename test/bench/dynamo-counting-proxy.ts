/**
 * A counting HTTP proxy in front of a DynamoDB-compatible endpoint (dynalite, DynamoDB Local): every request the
 * platform sends goes through it, so the benchmarks count what reached the database — by operation, in items and in
 * capacity units — instead of trusting counters inside the code they measure. Start the local runtime with
 * `dynamodbEndpoint: proxy.endpoint` (what `npm start -- --dynamodb-endpoint URL` does).
 *
 * Capacity units are what on-demand tables bill (read and write request units). The proxy asks for them on every
 * request (`ReturnConsumedCapacity: TOTAL`, answered by DynamoDB and dynalite alike) and adds up the answers:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * Two things the answer leaves out are counted here: a conditional write that fails still consumes one write unit
 * (per 1 KB of the item; counted as 1), and so does a write of each global secondary index an item is projected into
 * (dynalite reports the table only, so index writes are not in these figures — the method text says so).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export const WRITE_OPERATIONS: ReadonlySet<string> = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const READ_OPERATIONS: ReadonlySet<string> = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

export interface DynamoTraffic {
  /** Requests by operation (control-plane calls such as DescribeTable included). */
  readonly requests: Record<string, number>;
  /** Write requests and read requests (data plane only). */
  readonly writeRequests: number;
  readonly readRequests: number;
  /** Items written: one per single-item write, one per BatchWriteItem put or delete. */
  readonly itemsWritten: number;
  /** Items the database read: GetItem 1, BatchGetItem one per key, Query/Scan their ScannedCount. */
  readonly itemsRead: number;
  /** Items handed back to the caller (Query/Scan Count, items found by GetItem/BatchGetItem). */
  readonly itemsReturned: number;
  /** Write and read request units (on-demand billing units), from ConsumedCapacity plus failed conditional writes. */
  readonly writeUnits: number;
  readonly readUnits: number;
  /** Error answers by `__type` (ConditionalCheckFailedException, throttling…). */
  readonly errors: Record<string, number>;
}

export interface DynamoCountingProxy {
  /** The proxy's endpoint: give this to the platform's clients. */
  readonly endpoint: string;
  snapshot(): DynamoTraffic;
  stop(): Promise<void>;
}

interface MutableTraffic {
  requests: Record<string, number>;
  writeRequests: number;
  readRequests: number;
  itemsWritten: number;
  itemsRead: number;
  itemsReturned: number;
  writeUnits: number;
  readUnits: number;
  errors: Record<string, number>;
}

const emptyTraffic = (): MutableTraffic => ({
  requests: {},
  writeRequests: 0,
  readRequests: 0,
  itemsWritten: 0,
  itemsRead: 0,
  itemsReturned: 0,
  writeUnits: 0,
  readUnits: 0,
  errors: {},
});

export async function startDynamoCountingProxy(target: string): Promise<DynamoCountingProxy> {
  const upstream = new URL(target);
  const traffic = emptyTraffic();

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
      const input = parseJson(Buffer.concat(chunks));
      const body = input ? Buffer.from(JSON.stringify(withCapacity(operation, input))) : Buffer.concat(chunks);
      const headers = { ...req.headers, 'content-length': String(body.length) };
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => answerChunks.push(c));
        answer.on('end', () => {
          const raw = Buffer.concat(answerChunks);
          count(traffic, operation, input ?? {}, answer.statusCode ?? 0, parseJson(raw) ?? {});
          // The answer goes back byte for byte: the SDK checks DynamoDB's x-amz-crc32 of the body.
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(raw);
        });
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    snapshot: () => structuredClone(traffic),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** after − before. */
export function trafficBetween(after: DynamoTraffic, before: DynamoTraffic): DynamoTraffic {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).flatMap(([k, n]) => (n - (b[k] ?? 0) === 0 ? [] : [[k, n - (b[k] ?? 0)]])));
  return {
    requests: minus(after.requests, before.requests),
    writeRequests: after.writeRequests - before.writeRequests,
    readRequests: after.readRequests - before.readRequests,
    itemsWritten: after.itemsWritten - before.itemsWritten,
    itemsRead: after.itemsRead - before.itemsRead,
    itemsReturned: after.itemsReturned - before.itemsReturned,
    writeUnits: round(after.writeUnits - before.writeUnits),
    readUnits: round(after.readUnits - before.readUnits),
    errors: minus(after.errors, before.errors),
  };
}

function withCapacity(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  if (!WRITE_OPERATIONS.has(operation) && !READ_OPERATIONS.has(operation)) return input;
  if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') return input;
  return { ...input, ReturnConsumedCapacity: 'TOTAL' };
}

function count(traffic: MutableTraffic, operation: string, input: Record<string, unknown>, status: number, output: Record<string, unknown>): void {
  traffic.requests[operation] = (traffic.requests[operation] ?? 0) + 1;
  const isWrite = WRITE_OPERATIONS.has(operation);
  const isRead = READ_OPERATIONS.has(operation);
  if (isWrite) traffic.writeRequests++;
  if (isRead) traffic.readRequests++;
  if (status !== 200) {
    const type = String(output.__type ?? `HTTP ${status}`).split('#').pop()!;
    traffic.errors[type] = (traffic.errors[type] ?? 0) + 1;
    // A failed condition is billed like the write it refused.
    if (type === 'ConditionalCheckFailedException') traffic.writeUnits += 1;
    return;
  }
  const units = capacityUnits(output.ConsumedCapacity);
  if (isWrite) {
    traffic.writeUnits += units;
    traffic.itemsWritten += operation === 'BatchWriteItem' ? batchWriteItems(input) - batchWriteItems({ RequestItems: output.UnprocessedItems }) : 1;
  }
  if (isRead) {
    traffic.readUnits += units;
    switch (operation) {
      case 'GetItem':
        traffic.itemsRead += 1;
        if (output.Item) traffic.itemsReturned += 1;
        break;
      case 'Query':
      case 'Scan':
        traffic.itemsRead += Number(output.ScannedCount ?? 0);
        traffic.itemsReturned += Number(output.Count ?? 0);
        break;
      case 'BatchGetItem':
        traffic.itemsRead += batchGetKeys(input.RequestItems) - batchGetKeys(output.UnprocessedKeys);
        traffic.itemsReturned += Object.values((output.Responses ?? {}) as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0);
        break;
    }
  }
}

function batchWriteItems(input: { RequestItems?: unknown }): number {
  return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((n, requests) => n + requests.length, 0);
}

function batchGetKeys(requestItems: unknown): number {
  return Object.values((requestItems ?? {}) as Record<string, { Keys?: unknown[] }>).reduce((n, r) => n + (r.Keys?.length ?? 0), 0);
}

function capacityUnits(consumed: unknown): number {
  if (Array.isArray(consumed)) return consumed.reduce((n: number, c) => n + capacityUnits(c), 0);
  const units = (consumed as { CapacityUnits?: unknown } | undefined)?.CapacityUnits;
  return typeof units === 'number' ? units : 0;
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
