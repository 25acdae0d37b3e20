import { Readable } from 'node:stream';
import { KMSClient, ListAliasesCommand } from '@aws-sdk/client-kms';
import { DescribeParametersCommand, ListTagsForResourceCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { crawlService } from '../../../lambdas/discovery/service-crawler';
import { guardAgainstSecretReads } from '../../../lambdas/discovery/secret-read-guard';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';
import { ACCOUNT, awsError, crawl, plainClients } from './fixtures';

describe('crawlService outcomes', () => {
  const kms = mockClient(KMSClient);
  beforeEach(() => kms.reset());
  afterAll(() => kms.restore());

  test('opt-in Region answering UnrecognizedClientException → NOT_ENABLED', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    const { outcome } = await crawl('kms', {}, 'af-south-1');
    expect(outcome).toMatchObject({ status: 'NOT_ENABLED', assets: 0, error: { code: 'UnrecognizedClientException' } });
  });

  test('AssumeRole through STS of an opt-in Region answering InvalidClientTokenId → NOT_ENABLED', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('InvalidClientTokenId'));
    expect((await crawl('kms', {}, 'me-central-1')).outcome.status).toBe('NOT_ENABLED');
  });

  test('a default-enabled Region answering an authentication error is a FAILURE (never an empty Region)', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('UnrecognizedClientException'));
    expect((await crawl('kms', {}, 'eu-west-1')).outcome).toMatchObject({ status: 'FAILED', error: { code: 'UnrecognizedClientException' } });
  });

  test('access denied on the listing → ACCESS_DENIED for that (Region, service) only', async () => {
    kms.on(ListAliasesCommand).rejects(awsError('AccessDeniedException', 'no kms:ListAliases'));
    expect((await crawl('kms')).outcome).toMatchObject({ status: 'ACCESS_DENIED', error: { code: 'AccessDeniedException', message: 'no kms:ListAliases' } });
  });

  test('a sink failure fails the crawl (nothing is reported as complete that was not stored)', async () => {
    const ssm = mockClient(SSMClient);
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ Name: 'p', Type: 'String' }] });
    ssm.on(ListTagsForResourceCommand).resolves({ TagList: [] });
    const outcome = await crawlService({ accountId: ACCOUNT, region: 'eu-west-1', service: 'ssm', clients: plainClients(), sink: () => Promise.reject(new Error('DynamoDB down')) });
    expect(outcome).toMatchObject({ status: 'FAILED', error: { message: 'DynamoDB down' } });
    ssm.restore();
  });
});

describe('yield and continuation', () => {
  const ssm = mockClient(SSMClient);
  const pages: Record<string, { Parameters: { Name: string; Type: 'String' }[]; NextToken?: string }> = {
    start: { Parameters: ['a', 'b', 'c'].map((n) => ({ Name: n, Type: 'String' as const })), NextToken: 'p2' },
    p2: { Parameters: ['d', 'e'].map((n) => ({ Name: n, Type: 'String' as const })), NextToken: 'p3' },
    p3: { Parameters: ['f'].map((n) => ({ Name: n, Type: 'String' as const })) },
  };
  afterAll(() => ssm.restore());
  beforeEach(() => {
    ssm.reset();
    ssm.on(DescribeParametersCommand).callsFake((input: { NextToken?: string }) => pages[input.NextToken ?? 'start']);
    ssm.on(ListTagsForResourceCommand).resolves({ TagList: [] });
  });

  test('stops when asked, returns CONTINUE, and the resumed crawls deliver every item exactly once', async () => {
    const seen: string[] = [];
    let continuation: string | undefined;
    let invocations = 0;
    for (;;) {
      invocations += 1;
      let budget = 2; // items this "Lambda invocation" may handle
      const outcome = await crawlService({
        accountId: ACCOUNT,
        region: 'eu-west-1',
        service: 'ssm',
        clients: plainClients(),
        sink: async (a: DiscoveredAsset) => {
          seen.push(a.name);
          budget -= 1;
        },
        shouldYield: () => budget <= 0,
        concurrency: 1,
        ...(continuation ? { continuation } : {}),
      });
      if (outcome.status === 'COMPLETE') break;
      expect(outcome.status).toBe('CONTINUE');
      expect(outcome.continuation).toEqual(expect.any(String));
      continuation = outcome.continuation;
      expect(invocations).toBeLessThan(10);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(invocations).toBe(3);
  });

  test('a token from another service is refused, not misread', async () => {
    const first = await crawlService({ accountId: ACCOUNT, region: 'eu-west-1', service: 'ssm', clients: plainClients(), sink: async () => undefined, shouldYield: () => true, concurrency: 1 });
    expect(first.status).toBe('CONTINUE');
    const kmsOutcome = await crawlService({ accountId: ACCOUNT, region: 'eu-west-1', service: 'kms', clients: plainClients(), sink: async () => undefined, continuation: first.continuation! });
    expect(kmsOutcome).toMatchObject({ status: 'FAILED', error: { code: 'ContinuationTokenError' } });
  });
});

/** A fake HTTP handler speaking the AWS JSON protocol: the real SDK client, retry strategy and middleware run. */
function fakeKmsHandler(responses: { status: number; body: object }[]) {
  const requests: string[] = [];
  return {
    requests,
    handler: {
      handle: async (request: { headers: Record<string, string> }) => {
        requests.push(request.headers['x-amz-target'] ?? '');
        const next = responses.length > 1 ? responses.shift()! : responses[0]!;
        return {
          response: {
            statusCode: next.status,
            reason: '',
            headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' },
            body: Readable.from([Buffer.from(JSON.stringify(next.body))]),
          },
        };
      },
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
    },
  };
}

describe('throttling with the real SDK retry', () => {
  test('ThrottlingException twice, then success: retried with backoff, counted, crawl completes', async () => {
    const { handler, requests } = fakeKmsHandler([
      { status: 400, body: { __type: 'ThrottlingException', message: 'You have exceeded the rate at which you may call KMS.' } },
      { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
      { status: 200, body: { Aliases: [], Truncated: false, Keys: [] } },
    ]);
    const kmsClient = guardAgainstSecretReads(
      new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, requestHandler: handler as never, retryMode: 'standard', maxAttempts: 5 }),
    );
    const outcome = await crawlService({ accountId: ACCOUNT, region: 'eu-west-1', service: 'kms', clients: { ...plainClients(), kms: kmsClient }, sink: async () => undefined });
    expect(outcome).toMatchObject({ status: 'COMPLETE', throttledRetries: 2, calls: { 'kms:ListAliases': 1, 'kms:ListKeys': 1 } });
    expect(requests).toEqual(['TrentService.ListAliases', 'TrentService.ListAliases', 'TrentService.ListAliases', 'TrentService.ListKeys']);
  });

  test('every attempt, retries included, takes a pacer token just before it is sent', async () => {
    // GIVEN a pacer that records each token it hands out, and a KMS that throttles the first attempt
    const { handler, requests } = fakeKmsHandler([
      { status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
      { status: 200, body: { Aliases: [], Truncated: false, Keys: [] } },
    ]);
    const tokens: string[] = [];
    const pacer = {
      acquire: async (region: string, api: string) => {
        tokens.push(`${region} ${api} before request ${requests.length + 1}`);
      },
    };
    const kmsClient = guardAgainstSecretReads(
      new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' }, requestHandler: handler as never, retryMode: 'standard', maxAttempts: 5 }),
    );
    // WHEN the KMS crawl runs
    const outcome = await crawlService({ accountId: ACCOUNT, region: 'eu-west-1', service: 'kms', clients: { ...plainClients(), kms: kmsClient }, sink: async () => undefined, pacer });
    // THEN the throttled attempt and its retry each took a token, right before going out
    expect(outcome).toMatchObject({ status: 'COMPLETE', throttledRetries: 1 });
    expect(tokens).toEqual([
      'eu-west-1 kms:ListAliases before request 1',
      'eu-west-1 kms:ListAliases before request 2',
      'eu-west-1 kms:ListKeys before request 3',
    ]);
  });
});
