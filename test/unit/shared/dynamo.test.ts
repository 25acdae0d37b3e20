import { ConditionalCheckFailedException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { isConditionFailure, withoutKeys, writeIf, writeOrThrow } from '../../../lambdas/shared/dynamo';
import { AccountNotFoundError } from '../../../lambdas/control/errors';

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });

describe('isConditionFailure', () => {
  it('knows the SDK exception, by class or by name (a second SDK copy), and nothing else', () => {
    expect(isConditionFailure(conditionFailed())).toBe(true);
    expect(isConditionFailure(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(true);
    expect(isConditionFailure(notFound())).toBe(false);
    expect(isConditionFailure(null)).toBe(false);
  });
});

describe('writeIf', () => {
  it('is true when written, false when the condition failed, and rethrows every other error', async () => {
    await expect(writeIf(async () => ({}))).resolves.toBe(true);
    await expect(writeIf(async () => Promise.reject(conditionFailed()))).resolves.toBe(false);
    await expect(writeIf(async () => Promise.reject(notFound()))).rejects.toThrow(ResourceNotFoundException);
  });
});

describe('writeOrThrow', () => {
  it('returns the write result, turns a failed condition into the named domain error, rethrows the rest', async () => {
    await expect(writeOrThrow(async () => 'result', () => new AccountNotFoundError('111122223333'))).resolves.toBe('result');
    await expect(writeOrThrow(async () => Promise.reject(conditionFailed()), () => new AccountNotFoundError('111122223333'))).rejects.toEqual(
      new AccountNotFoundError('111122223333'),
    );
    await expect(writeOrThrow(async () => Promise.reject(notFound()), () => new AccountNotFoundError('1'))).rejects.toThrow(ResourceNotFoundException);
  });
});

describe('withoutKeys', () => {
  it('removes the table and index keys and the attributes named, and nothing else', () => {
    const item = { pk: 'P', sk: 'S', gsi1pk: 'G1', gsi1sk: 'G1S', gsi2pk: 'G2', gsi2sk: 'G2S', expiresAt: '2027-01-01T00:00:00.000Z', secretHash: 'h', name: 'n' };
    expect(withoutKeys(item)).toEqual({ expiresAt: '2027-01-01T00:00:00.000Z', secretHash: 'h', name: 'n' });
    expect(withoutKeys(item, ['secretHash', 'expiresAt'])).toEqual({ name: 'n' });
    expect(item).toHaveProperty('pk', 'P'); // the input is not changed
  });
});
