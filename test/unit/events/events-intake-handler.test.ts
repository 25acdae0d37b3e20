import type { SendMessageCommand as SendMessageCommandType } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The handler builds its client at module scope, so each test loads it fresh (isolateModules) and mocks the SQS
// client class of that same module registry.
type Stub = AwsStub<any, any, any>;
let sqs: Stub;
let dynamo: Stub;
let SendMessageCommand: typeof SendMessageCommandType;
/** What the rate-limit window counter answers (the count after this request). */
let windowCount = 1;
const envelope = JSON.parse(readFileSync(join(__dirname, '../../fixtures/cloudtrail/kms-create-key.json'), 'utf8')).event;

function load(configure: (stub: Stub) => void = () => undefined) {
  let handler!: (e: APIGatewayProxyEvent) => Promise<{ statusCode: number; body: string; headers?: Record<string, unknown> }>;
  jest.isolateModules(() => {
    const client = require('@aws-sdk/client-sqs');
    SendMessageCommand = client.SendMessageCommand;
    sqs = mockClient(client.SQSClient);
    const ddb = require('@aws-sdk/lib-dynamodb');
    dynamo = mockClient(ddb.DynamoDBDocumentClient);
    dynamo.on(ddb.UpdateCommand).callsFake(async () => ({ Attributes: { count: windowCount } }));
    configure(sqs);
    handler = require('../../../lambdas/handlers/events-intake').handler;
  });
  return handler;
}

const request = (body: string, permissions = 'uploader', headers: Record<string, string> = {}) =>
  ({ body, isBase64Encoded: false, headers, requestContext: { authorizer: { tenantId: 't1', tokenId: 'k', permissions } } }) as unknown as APIGatewayProxyEvent;

describe('events-intake handler', () => {
  beforeEach(() => {
    process.env.EVENTS_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/000000000000/events';
    process.env.CONTROL_TABLE_NAME = 'control';
    process.env.EVENTS_PER_SECOND_PER_TOKEN = '5';
    windowCount = 1;
  });

  it('fails at init when the queue URL is missing', () => {
    delete process.env.EVENTS_QUEUE_URL;
    expect(() => load()).toThrow('events-intake: invalid environment: EVENTS_QUEUE_URL: required but not set');
  });

  it('queues the event before answering 202, with the template version header (any case)', async () => {
    const response = await load((stub) => stub.on(SendMessageCommand).resolves({ MessageId: '1' }))(request(JSON.stringify(envelope), 'uploader', { 'x-aqg-template-version': '2.0.0' }));
    expect(response.statusCode).toBe(202);
    const sent = JSON.parse(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageBody!);
    expect(sent).toMatchObject({ tenantId: 't1', templateVersion: '2.0.0', envelope: { id: envelope.id } });
  });

  it('answers 403 (never 401) to a token without uploader', async () => {
    expect((await load()(request(JSON.stringify(envelope), 'admin,reader'))).statusCode).toBe(403);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('answers 400 naming the field, and 413 for an oversize body', async () => {
    const bad = await load()(request(JSON.stringify({ ...envelope, detail: undefined })));
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.field).toBe('detail');
    expect((await load()(request('x'.repeat(1024 * 1024 + 1)))).statusCode).toBe(413);
  });

  it('answers 503 when SQS fails, so EventBridge retries', async () => {
    const response = await load((stub) => stub.on(SendMessageCommand).rejects(new Error('throttled')))(request(JSON.stringify(envelope)));
    expect(response.statusCode).toBe(503);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
    expect(response.body).not.toContain('throttled');
  });

  it('answers 429 with Retry-After once the token passes its limit in this second, and queues nothing', async () => {
    windowCount = 6; // the sixth event of this second, limit 5
    const response = await load((stub) => stub.on(SendMessageCommand).resolves({ MessageId: '1' }))(request(JSON.stringify(envelope)));
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'Retry-After': '1' });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    // counted per token, in its own partition
    expect(dynamo.calls()[0]!.args[0].input).toMatchObject({ TableName: 'control', Key: { pk: 'RATE#k' } });
  });
});
