/**
 * The events intake answers 503 with Retry-After before its function times out when the platform's table hangs, never
 * letting API Gateway turn a cut-off invocation into a 5xx of its own.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

let hanging: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  // Accepts connections and never answers: a table that does not respond.
  hanging = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const { port } = hanging.address() as AddressInfo;
  Object.assign(process.env, {
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    PLATFORM_DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
    PLATFORM_SQS_ENDPOINT: `http://127.0.0.1:${port}`,
    CONTROL_TABLE_NAME: 'Control',
    EVENTS_QUEUE_URL: `http://127.0.0.1:${port}/000000000000/events`,
  });
});
afterAll(async () => {
  // Answer the pending request now with an error the SDK does not retry, so no retry outlives the test.
  const body = JSON.stringify({ __type: 'com.amazon.coral.validate#ValidationException', message: 'test over' });
  for (const socket of sockets) {
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-ErrorType: ValidationException\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hanging.close(resolve));
});

it('answers 503 with Retry-After a second before the function would time out', async () => {
  const { handler } = await import('../../../lambdas/handlers/events-intake');
  const event = {
    body: '{}',
    isBase64Encoded: false,
    headers: {},
    requestContext: { authorizer: { tenantId: 't1', tokenId: 'tok', permissions: 'uploader' } },
  } as unknown as APIGatewayProxyEvent;
  const started = Date.now();
  const res = await handler(event, { getRemainingTimeInMillis: () => 1500 } as Context);
  const elapsed = Date.now() - started;
  expect(res.statusCode).toBe(503);
  expect(res.headers?.['Retry-After']).toBeDefined();
  expect(elapsed).toBeGreaterThanOrEqual(450);
  expect(elapsed).toBeLessThan(1500);
});
