/**
 * Counts the DynamoDB requests sent to dynalite, by operation, as they leave this process's HTTP clients
 * (node:diagnostics_channel `http.client.request.start`, filtered to dynalite's port): dynalite runs in a child
 * process (local/local-dynamo.ts), while every platform client — the handlers run in this process — is
 * counted here, retries included, without modifying the handlers.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

export const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface DynamoCounts {
  readonly byOperation: Record<string, number>;
  readonly writes: number;
  readonly reads: number;
}

export class DynamoRequestCounter {
  private readonly counts = new Map<string, number>();
  private readonly listener = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    const host = request.getHeader('host');
    if (typeof host !== 'string' || !host.endsWith(`:${this.port}`)) return;
    const target = request.getHeader('x-amz-target');
    const operation = typeof target === 'string' ? target.slice(target.indexOf('.') + 1) : 'unknown';
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  };

  constructor(private readonly port: number) {
    subscribe('http.client.request.start', this.listener);
  }

  static forEndpoint(endpoint: string): DynamoRequestCounter {
    return new DynamoRequestCounter(Number(new URL(endpoint).port));
  }

  snapshot(): DynamoCounts {
    const byOperation = Object.fromEntries(this.counts);
    let writes = 0;
    let reads = 0;
    for (const [op, n] of this.counts) {
      if (WRITE_OPERATIONS.has(op)) writes += n;
      else reads += n;
    }
    return { byOperation, writes, reads };
  }

  close(): void {
    unsubscribe('http.client.request.start', this.listener);
  }
}

/** after − before, per operation. */
export function diffCounts(after: DynamoCounts, before: DynamoCounts): DynamoCounts {
  const byOperation: Record<string, number> = {};
  for (const [op, n] of Object.entries(after.byOperation)) {
    const d = n - (before.byOperation[op] ?? 0);
    if (d !== 0) byOperation[op] = d;
  }
  return { byOperation, writes: after.writes - before.writes, reads: after.reads - before.reads };
}
