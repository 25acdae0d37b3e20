import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { AssumedRoleCache } from '../../../lambdas/discovery/region-clients';
import { CredentialsError, toCredentialsError, verifyCredentials } from '../../../lambdas/discovery/verify-credentials';
import { awsError } from './fixtures';

describe('verifyCredentials', () => {
  const sts = mockClient(STSClient);
  afterAll(() => sts.restore());
  beforeEach(() => sts.reset());

  test('returns the account of working credentials', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/me' });
    await expect(verifyCredentials({ credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } })).resolves.toEqual({ accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/me' });
  });

  test('bad keys (InvalidClientTokenId) are a CredentialsError, never an empty account', async () => {
    sts.on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.'));
    const err = await verifyCredentials({ credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialsError);
    expect(err).toMatchObject({ reason: 'INVALID_CREDENTIALS', stage: 'base-credentials', code: 'InvalidClientTokenId' });
  });

  test.each([
    ['ExpiredToken', 'base-credentials', 'EXPIRED_CREDENTIALS'],
    ['CredentialsProviderError', 'base-credentials', 'NO_CREDENTIALS'],
    ['UnrecognizedClientException', 'base-credentials', 'INVALID_CREDENTIALS'],
    ['AccessDenied', 'assume-role', 'ASSUME_ROLE_FAILED'],
  ] as const)('%s at %s → %s', (code, stage, reason) => {
    expect(toCredentialsError(awsError(code), stage).reason).toBe(reason);
  });
});

describe('AssumedRoleCache', () => {
  test('reuses credentials until 5 minutes before expiry, then refreshes once', async () => {
    let now = 0;
    const cache = new AssumedRoleCache(() => now);
    let calls = 0;
    const source = async () => {
      calls += 1;
      return { accessKeyId: `AK${calls}`, secretAccessKey: 's', expiration: new Date(now + 60 * 60 * 1000) };
    };
    const provider = cache.provider('role|ext|eu-west-1', source);
    await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(1);
    now += 50 * 60 * 1000;
    expect((await provider()).accessKeyId).toBe('AK1');
    now += 6 * 60 * 1000; // 4 minutes left
    expect((await provider()).accessKeyId).toBe('AK2');
    expect(calls).toBe(2);
  });

  test('a failed AssumeRole is not cached', async () => {
    const cache = new AssumedRoleCache();
    let calls = 0;
    const provider = cache.provider('k', async () => {
      calls += 1;
      if (calls === 1) throw awsError('AccessDenied');
      return { accessKeyId: 'AK', secretAccessKey: 's' };
    });
    await expect(provider()).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AK' });
  });
});
