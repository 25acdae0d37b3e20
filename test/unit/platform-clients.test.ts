import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, createSqsClient } from '../../lambdas/shared/platform-clients';

/** Where a client would send a request, without sending it (a middleware stops the request before the network). */
async function endpointOf(client: { send: (c: any) => Promise<unknown>; middlewareStack: any }, command: unknown): Promise<string> {
  let url = '';
  client.middlewareStack.add(
    (_next: unknown) => async (args: { request: { protocol: string; hostname: string; port?: number; path: string } }) => {
      const r = args.request;
      url = `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}`;
      throw new Error('stop');
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  await client.send(command).catch(() => undefined);
  return url;
}

describe('platform clients', () => {
  const saved = process.env.AWS_ENDPOINT_URL;
  beforeAll(() => {
    // GIVEN a global endpoint override meant for the customer-account clients (e.g. the sandbox account)
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved;
  });

  it('ignore AWS_ENDPOINT_URL: the platform tables stay on the regional endpoint', async () => {
    const url = await endpointOf(createDocumentClient({}), new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }));
    expect(url).toMatch(/^https:\/\/dynamodb\.us-east-1\.amazonaws\.com/);
  });

  it('use only the PLATFORM_*_ENDPOINT variables (the local runtime)', async () => {
    const db = await endpointOf(createDocumentClient({ PLATFORM_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }), new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } }));
    expect(db).toMatch(/^http:\/\/127\.0\.0\.1:8000\//);
    const { SendMessageCommand } = await import('@aws-sdk/client-sqs');
    const sqs = await endpointOf(createSqsClient({ PLATFORM_SQS_ENDPOINT: 'http://127.0.0.1:9324' }), new SendMessageCommand({ QueueUrl: 'http://127.0.0.1:9324/q', MessageBody: 'x' }));
    expect(sqs).toMatch(/^http:\/\/127\.0\.0\.1:9324/);
  });
});
