import { ConditionalCheckFailedException, DynamoDBServiceException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { toErrorResponse } from '../../../lambdas/api/error-status';
import { DynamoIngestionStore } from '../../../lambdas/control/dynamo-ingestion-store';
import { isPlatformUnavailableError } from '../../../lambdas/shared/platform-errors';

const logger = { error: jest.fn() };
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode, attempts: 8 } });

describe('platform errors that outlast the SDK retries', () => {
  it.each([
    ['throttling', new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) })],
    ['ThrottlingException', Object.assign(new Error('rate'), { name: 'ThrottlingException' })],
    ['a 500 of DynamoDB', new DynamoDBServiceException({ name: 'InternalServerError', $fault: 'server', ...meta(500) })],
    ['a dropped connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
  ])('answer 503 with Retry-After, never 500, for %s', (_what, err) => {
    expect(isPlatformUnavailableError(err)).toBe(true);
    const res = toErrorResponse(err, logger);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toMatch(/^\d+$/);
    expect(JSON.parse(res.body).error.code).toBe('ServiceUnavailable');
  });

  it('keep a programming error a 500, and a conditional failure is not "unavailable"', () => {
    expect(toErrorResponse(new TypeError('x is undefined'), logger).statusCode).toBe(500);
    expect(isPlatformUnavailableError(new ConditionalCheckFailedException({ message: 'no', ...meta(400) }))).toBe(false);
  });
});

describe('a failed Start now leaves no lock', () => {
  it('releases the lock it took when the run cannot be recorded', async () => {
    // GIVEN the lock is taken, but recording the run fails after the SDK's retries
    const sent: unknown[] = [];
    const db = {
      send: jest.fn(async (command: unknown) => {
        sent.push(command);
        if (command instanceof PutCommand) throw new ProvisionedThroughputExceededException({ message: 'throttled', ...meta(400) });
        return {};
      }),
    };
    const repository = new DynamoIngestionStore(db as never, 'control');
    // WHEN an ingestion is started
    await expect(
      repository.startIngestion({ tenantId: 't', accountId: '111122223333', ingestionId: 'ing-1', regions: ['us-east-1'], startedAt: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow(ProvisionedThroughputExceededException);
    // THEN the last write releases the lock, conditional on this run holding it
    const release = sent.at(-1) as UpdateCommand;
    expect(release).toBeInstanceOf(UpdateCommand);
    expect(release.input).toMatchObject({
      UpdateExpression: 'REMOVE runningIngestionId, runningIngestionStartedAt',
      ConditionExpression: 'runningIngestionId = :id',
      ExpressionAttributeValues: { ':id': 'ing-1' },
    });
  });
});
