import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The DynamoDB operations that write (the ones faults are injected into). */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export type FaultKind = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'InternalServerError' | 'dropped-connection';

/**
 * DynamoDB's error answers (AWS JSON 1.0: status, `__type` with the service namespace, message).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html
 */
const ANSWERS: Record<Exclude<FaultKind, 'dropped-connection'>, { status: number; message: string }> = {
  ProvisionedThroughputExceededException: {
    status: 400,
    message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  ThrottlingException: { status: 400, message: 'Rate of requests exceeds the allowed throughput.' },
  InternalServerError: { status: 500, message: 'Internal server error' },
};

export interface FaultyDynamoProxyOptions {
  /** The DynamoDB-compatible endpoint behind the proxy (e.g. dynalite). */
  readonly target: string;
  /** Fraction of writes answered with a fault while faults are on. */
  readonly writeFaultRate: number;
  /** Faults to draw from, evenly. @default every kind */
  readonly kinds?: readonly FaultKind[];
  /** Random source, for reproducible runs. @default Math.random */
  readonly random?: () => number;
}

export interface FaultyDynamoProxy {
  readonly endpoint: string;
  /** Requests forwarded, and faults injected by kind. */
  readonly counts: { forwarded: number; writes: number } & Record<FaultKind, number>;
  /** Turns fault injection on or off (on at start). */
  setFaulty(on: boolean): void;
  stop(): Promise<void>;
}

/**
 * A small HTTP proxy in front of a DynamoDB-compatible endpoint that answers a fraction of writes with throttling,
 * 500s or a dropped connection — what the platform's own tables do to it under load in AWS — and forwards the rest.
 */
export async function startFaultyDynamoProxy(options: FaultyDynamoProxyOptions): Promise<FaultyDynamoProxy> {
  const target = new URL(options.target);
  const kinds = options.kinds ?? (['ProvisionedThroughputExceededException', 'ThrottlingException', 'InternalServerError', 'dropped-connection'] as const);
  const random = options.random ?? Math.random;
  const counts = { forwarded: 0, writes: 0, ProvisionedThroughputExceededException: 0, ThrottlingException: 0, InternalServerError: 0, 'dropped-connection': 0 };
  let faulty = true;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      if (WRITES.has(operation)) {
        counts.writes++;
        if (faulty && random() < options.writeFaultRate) {
          const kind = kinds[Math.floor(random() * kinds.length)];
          counts[kind]++;
          if (kind === 'dropped-connection') {
            req.socket.destroy();
            return;
          }
          const answer = ANSWERS[kind];
          res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': randomUUID() });
          res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${kind}`, message: answer.message }));
          return;
        }
      }
      counts.forwarded++;
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    setFaulty: (on) => {
      faulty = on;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
