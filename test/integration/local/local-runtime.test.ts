import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient, DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SQSClient, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent, SQSEvent } from 'aws-lambda';
import { readBackendTemplate } from '../../../local/backend-template';
import type { LambdaHandler } from '../../../local/local-functions';
import { type LocalRuntime, startLocalRuntime } from '../../../local/local-runtime';
import { miniTemplate } from './mini-backend';

// GIVEN fake handlers behind the real embedded parts (dynalite, local SQS/SFN endpoint, API gateway)
const consumed: SQSEvent[] = [];
let authorizerCalls = 0;
const platformConfig = (endpoint: string | undefined) => ({ endpoint, region: 'us-east-1' });
const handlers: Record<string, LambdaHandler> = {
  authorizer: async (event: any) => {
    authorizerCalls++;
    const key = event.headers['X-API-Key'] ?? event.headers['x-api-key'];
    if (key === 'boom') throw new Error('DynamoDB is down');
    if (key !== 'good' && key !== 'limited') throw new Error('Unauthorized');
    const [prefix] = event.methodArn.split('/');
    const statements: any[] = [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [`${prefix}/v1/GET/items*`, `${prefix}/v1/POST/*`] }];
    if (key === 'limited') statements.push({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: [`${prefix}/v1/GET/items/special`] });
    return { principalId: `p-${key}`, policyDocument: { Version: '2012-10-17', Statement: statements }, context: { tenantId: 't1', count: 3 } };
  },
  'echo-api': async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) }),
  'send-api': async (event) => {
    const sqs = new SQSClient(platformConfig(process.env.PLATFORM_SQS_ENDPOINT));
    const bodies = JSON.parse((event as APIGatewayProxyEvent).body ?? '[]') as string[];
    const first = await sqs.send(new SendMessageCommand({ QueueUrl: process.env.EVENTS_QUEUE_URL, MessageBody: bodies[0] }));
    const rest = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: process.env.EVENTS_QUEUE_URL,
        Entries: bodies.slice(1).map((b, i) => ({ Id: `m${i}`, MessageBody: b, MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } } })),
      }),
    );
    return { statusCode: 202, body: JSON.stringify({ first: first.MessageId, rest: rest.Successful?.length }) };
  },
  consumer: async (event) => {
    const e = event as SQSEvent;
    consumed.push(e);
    return { batchItemFailures: e.Records.filter((r) => r.body.startsWith('fail')).map((r) => ({ itemIdentifier: r.messageId })) };
  },
  'start-api': async (event) => {
    const sfn = new SFNClient(platformConfig(process.env.PLATFORM_SFN_ENDPOINT));
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: process.env.CRAWL_STATE_MACHINE_ARN, input: (event as APIGatewayProxyEvent).body ?? '{}' }),
    );
    for (;;) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
      if (d.status !== 'RUNNING') return { statusCode: 200, body: JSON.stringify({ status: d.status, output: d.output && JSON.parse(d.output), error: d.error }) };
      await new Promise((r) => setTimeout(r, 50));
    }
  },
  'first-task': async (input: any, context) => ({ ...input, remainingMs: context.getRemainingTimeInMillis() }),
  'inner-task': async (input: any) => {
    if (input.v === 'crash') throw new TypeError('bad item');
    if (input.v === 'slow') await new Promise((r) => setTimeout(r, 3000).unref());
    return `done:${input.v}`;
  },
};

let runtime: LocalRuntime;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'aqg-local-test-'));
  runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    customerAccount: { mode: 'aws' },
    backend: readBackendTemplate(miniTemplate()),
    loadHandler: (name) => handlers[name],
    redeliveryDelaySeconds: 0.2,
    onError: () => undefined,
  });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (path: string, init: RequestInit & { key?: string } = {}) =>
  fetch(`${runtime.url}${path}`, { ...init, headers: { ...(init.key ? { 'X-API-Key': init.key } : {}), ...init.headers } });

describe('local API gateway', () => {
  it('builds the REST proxy event as API Gateway does', async () => {
    const res = await call('/items/a%20b?x=1&x=2&y=3', { key: 'good', headers: { 'X-Custom': 'v' } });
    expect(res.status).toBe(200);
    const event = (await res.json()) as any;
    expect(event).toMatchObject({
      resource: '/items/{itemId}',
      path: '/items/a%20b',
      httpMethod: 'GET',
      pathParameters: { itemId: 'a b' },
      queryStringParameters: { x: '2', y: '3' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: ['3'] },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
      requestContext: {
        resourcePath: '/items/{itemId}',
        httpMethod: 'GET',
        path: '/v1/items/a%20b',
        stage: 'v1',
        identity: { sourceIp: '127.0.0.1' },
        authorizer: { tenantId: 't1', count: '3', principalId: 'p-good' },
      },
    });
    expect(event.headers['X-Custom']).toBe('v');
    expect(event.multiValueHeaders['X-Custom']).toEqual(['v']);
    expect(typeof event.requestContext.requestId).toBe('string');
  });

  it('sends null parameters and no authorizer on a public route, and prefers literal path parts', async () => {
    const publicEvent = (await (await call('/public')).json()) as any;
    expect(publicEvent).toMatchObject({ queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null });
    expect(publicEvent.requestContext.authorizer).toBeNull();
    const special = (await (await call('/items/special', { key: 'good' })).json()) as any;
    expect(special.resource).toBe('/items/special');
  });

  it('answers 401 without a key or for an unknown one, 403 on Deny, 500 when the authorizer fails, 404 for no route', async () => {
    expect((await call('/items')).status).toBe(401);
    const unknown = await call('/items', { key: 'nope' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: 'UNAUTHORIZED' } });
    expect((await call('/items/special', { key: 'limited' })).status).toBe(403);
    expect((await call('/items/x', { key: 'limited', method: 'DELETE' })).status).toBe(403); // not allowed by any statement
    expect((await call('/items', { key: 'boom' })).status).toBe(500);
    expect((await call('/nowhere', { key: 'good' })).status).toBe(404);
    expect((await fetch(runtime.url.replace('/v1', '/v2/items'))).status).toBe(404);
  });

  it('caches the authorizer decision per key for the TTL', async () => {
    await call('/items', { key: 'good' });
    const before = authorizerCalls;
    await call('/items/1', { key: 'good' });
    await call('/items/2', { key: 'good' });
    expect(authorizerCalls).toBe(before);
  });
});

describe('local SQS → processor', () => {
  it('delivers SQS-shaped batches, redelivers reported failures and dead-letters after maxReceiveCount', async () => {
    const res = await call('/send', { key: 'good', method: 'POST', body: JSON.stringify(['a', 'b', 'fail-1', 'c']) });
    expect(res.status).toBe(202);
    await runtime.idle();
    const records = consumed.flatMap((e) => e.Records);
    expect(Math.max(...consumed.map((e) => e.Records.length))).toBeLessThanOrEqual(3);
    expect(records.filter((r) => r.body === 'a')).toHaveLength(1);
    const failing = records.filter((r) => r.body === 'fail-1');
    expect(failing.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(failing[0]).toMatchObject({ eventSource: 'aws:sqs', eventSourceARN: expect.stringMatching(/^arn:aws:sqs:/), md5OfBody: expect.any(String) });
    expect(records.find((r) => r.body === 'c')?.messageAttributes.kind).toMatchObject({ dataType: 'String', stringValue: 'x' });
    expect(runtime.queueStats().Queue).toMatchObject({ sent: 4, deadLettered: 1 });
  });
});

describe('local Step Functions', () => {
  it('runs the ASL with Lambda tasks mapped to local handlers, a Map, retries and the function timeout', async () => {
    const res = await call('/start', { key: 'good', method: 'POST', body: JSON.stringify({ items: ['x', 'y'] }) });
    const body = (await res.json()) as any;
    expect(body.status).toBe('SUCCEEDED');
    expect(body.output.results).toEqual(['done:x', 'done:y']);
    expect(body.output.remainingMs).toBeGreaterThan(25_000);
    expect(body.output.remainingMs).toBeLessThanOrEqual(30_000);
  });

  it('fails the execution with the Lambda error type and its JSON cause; a function past its timeout fails too', async () => {
    const crash = (await (await call('/start', { key: 'good', method: 'POST', body: JSON.stringify({ items: ['crash'] }) })).json()) as any;
    expect(crash).toMatchObject({ status: 'FAILED', error: 'TypeError' });
    const slow = (await (await call('/start', { key: 'good', method: 'POST', body: JSON.stringify({ items: ['slow'] }) })).json()) as any;
    expect(slow).toMatchObject({ status: 'FAILED', error: 'Sandbox.Timedout' });
  });
});

describe('local state', () => {
  it('creates a tenant with three tokens and writes local.json', () => {
    const state = JSON.parse(readFileSync(join(dataDir, 'local.json'), 'utf8'));
    expect(state).toEqual({ url: runtime.url, tenantId: runtime.tenant.tenantId, tokens: runtime.tokens, accounts: [] });
    for (const t of Object.values(runtime.tokens)) expect(t).toMatch(/^aqg_[0-9a-f]{20}_[A-Za-z0-9_-]{43}$/);
  });
});
