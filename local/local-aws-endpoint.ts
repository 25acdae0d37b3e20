import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { AwsJsonError } from './aws-json-error';
import { closeServer, listenOnLoopback } from './loopback-server';

/** Operations by `X-Amz-Target` (e.g. `AmazonSQS.SendMessage`), each taking and returning the JSON body. */
export type AwsJsonOperations = Readonly<Record<string, (request: Record<string, unknown>) => unknown>>;

export interface LocalAwsEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  stop(): Promise<void>;
}

const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * One loopback endpoint speaking the AWS JSON 1.0 protocol (what @aws-sdk/client-sqs and client-sfn use now:
 * `POST /`, `X-Amz-Target: <service>.<Operation>`, `Content-Type: application/x-amz-json-1.0`). Signatures are not
 * checked: only processes on this machine can reach it. Timestamps are serialized as epoch seconds, as the protocol
 * requires. https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
 */
export async function startLocalAwsEndpoint(operations: AwsJsonOperations): Promise<LocalAwsEndpoint> {
  const server: Server = createServer((req, res) => {
    void handle(operations, req, res);
  });
  const port = await listenOnLoopback(server, 0);
  return { url: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}

async function handle(operations: AwsJsonOperations, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = operations[target];
    if (req.method !== 'POST' || !operation) {
      throw new AwsJsonError('UnknownOperationException', `Operation ${target || '(none)'} is not served by the local runtime`);
    }
    const text = await readBody(req);
    let request: Record<string, unknown>;
    try {
      request = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new AwsJsonError('SerializationException', 'The request body is not valid JSON');
    }
    const result = await operation(request);
    send(res, 200, JSON.stringify(result ?? {}), {});
  } catch (err) {
    if (err instanceof AwsJsonError) {
      send(res, err.statusCode, JSON.stringify({ __type: err.code, message: err.message }), {
        'x-amzn-ErrorType': err.code,
        ...(err.queryErrorCode ? { 'x-amzn-query-error': `${err.queryErrorCode};Sender` } : {}),
      });
    } else {
      console.error('[local-aws-endpoint] internal error', err);
      send(res, 500, JSON.stringify({ __type: 'InternalFailure', message: 'Internal error of the local runtime' }), {});
    }
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': randomUUID(), ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new AwsJsonError('RequestEntityTooLarge', 'Request too large', 413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Dates as epoch seconds (AWS JSON timestamp format). */
export function epochSeconds(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : date.getTime() / 1000;
}
