// Keep the expected failure log out of the test output.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { newTokenSecret } from '../../../lambdas/auth/token-secret';

type LibDynamo = typeof import('@aws-sdk/lib-dynamodb');

function event(secret?: string): APIGatewayRequestAuthorizerEvent {
  return {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:api1/v1/POST/data-sources/aws/events',
    resource: '/data-sources/aws/events',
    path: '/data-sources/aws/events',
    httpMethod: 'POST',
    headers: secret ? { 'X-API-Key': secret } : {},
  } as unknown as APIGatewayRequestAuthorizerEvent;
}

/** Loads the handler in a fresh module registry (its init reads the env), with that registry's client mocked. */
async function loadHandler(mockSetup: (ddb: ReturnType<typeof mockClient>, lib: LibDynamo) => void = () => undefined) {
  let mod: typeof import('../../../lambdas/handlers/authorizer') | undefined;
  jest.isolateModules(() => {
    const lib = require('@aws-sdk/lib-dynamodb') as LibDynamo;
    mockSetup(mockClient(lib.DynamoDBDocumentClient), lib);
    mod = require('../../../lambdas/handlers/authorizer');
  });
  return mod!.handler;
}

describe('authorizer handler', () => {
  const saved = process.env.CONTROL_TABLE_NAME;
  afterEach(() => {
    process.env.CONTROL_TABLE_NAME = saved;
  });

  it('fails fast at init when CONTROL_TABLE_NAME is missing', async () => {
    delete process.env.CONTROL_TABLE_NAME;
    await expect(loadHandler()).rejects.toThrow(/CONTROL_TABLE_NAME/);
  });

  it('a DynamoDB outage is an error other than Unauthorized (API Gateway 500, the connection stays authorized)', async () => {
    process.env.CONTROL_TABLE_NAME = 'control';
    const handler = await loadHandler((ddb, lib) =>
      ddb.on(lib.GetCommand).rejects(Object.assign(new Error('Service unavailable'), { name: 'InternalServerError' })),
    );
    const err = (await handler(event(newTokenSecret().secret)).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).not.toBe('Unauthorized');
  });

  it('an unknown token is Unauthorized; an uploader token is allowed to post events', async () => {
    process.env.CONTROL_TABLE_NAME = 'control';
    const known = newTokenSecret();
    const handler = await loadHandler((ddb, lib) =>
      ddb.on(lib.GetCommand).callsFake((input: { Key: { pk: string } }) =>
        input.Key.pk === `TOKEN#${known.secretHash}`
          ? { Item: { tokenId: known.tokenId, tenantId: 't', name: 'eb', permissions: ['uploader'], secretHash: known.secretHash, createdAt: 'x' } }
          : {},
      ),
    );
    await expect(handler(event(newTokenSecret().secret))).rejects.toThrow('Unauthorized');
    await expect(handler(event())).rejects.toThrow('Unauthorized');
    const ok = await handler(event(known.secret));
    expect(ok.policyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: ['arn:aws:execute-api:eu-west-1:123456789012:api1/v1/POST/data-sources/aws/events'] },
    ]);
  });
});
