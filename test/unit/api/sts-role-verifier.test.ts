import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { RoleAssumptionError, RoleVerificationUnavailableError } from '../../../lambdas/control/errors';
import { toErrorResponse } from '../../../lambdas/api/error-status';
import { StsRoleVerifier } from '../../../lambdas/control/sts-role-verifier';

const sts = mockClient(STSClient);
const ROLE = 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole';

beforeEach(() => sts.reset());

const awsError = (name: string) => Object.assign(new Error(name), { name, $fault: 'client' });

describe('StsRoleVerifier', () => {
  it('assumes the role with the ExternalId and returns the account of GetCallerIdentity', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'A', SecretAccessKey: 'S', SessionToken: 'T', Expiration: new Date() } });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/x/y' });
    const verifier = new StsRoleVerifier({ region: 'eu-west-1' });
    await expect(verifier.verify(ROLE, 'ext-id')).resolves.toEqual({ accountId: '111122223333' });
    expect(sts).toHaveReceivedCommandWith(AssumeRoleCommand, { RoleArn: ROLE, ExternalId: 'ext-id', RoleSessionName: 'AQtiveGuardInventory' });
  });

  it('turns AccessDenied into TRUST_OR_EXTERNAL_ID with words the customer can act on', async () => {
    sts.on(AssumeRoleCommand).rejects(awsError('AccessDenied'));
    const err = (await new StsRoleVerifier({ region: 'eu-west-1' }).verify(ROLE, 'ext').catch((e: unknown) => e)) as RoleAssumptionError;
    expect(err).toBeInstanceOf(RoleAssumptionError);
    expect(err.reason).toBe('TRUST_OR_EXTERNAL_ID');
    expect(err.message).toMatch(/trust policy/);
    expect(err.message).toMatch(/ExternalId/);
    expect(err.message).toMatch(/CREATE_COMPLETE/);
    expect(err.message).toMatch(/role name/);
  });

  it('does not blame the customer for a throttled or failing STS: a retryable 503 with the reason, not a 500', async () => {
    for (const code of ['Throttling', 'ServiceUnavailable', 'ExpiredToken']) {
      sts.on(AssumeRoleCommand).rejects(Object.assign(awsError(code), { $fault: 'client' }));
      const err = await new StsRoleVerifier({ region: 'eu-west-1' }).verify(ROLE, 'ext').catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(RoleAssumptionError);
      expect(err).toBeInstanceOf(RoleVerificationUnavailableError);
      expect(toErrorResponse(err, { error: () => undefined })).toMatchObject({ statusCode: 503, headers: { 'Retry-After': '30' } });
    }
  });

  it('a request STS calls malformed (policy, parameters) is a 422 naming the role, not a 500', async () => {
    for (const code of ['MalformedPolicyDocument', 'PackedPolicyTooLarge', 'ValidationError']) {
      sts.on(AssumeRoleCommand).rejects(Object.assign(awsError(code), { $fault: 'client' }));
      const err = await new StsRoleVerifier({ region: 'eu-west-1' }).verify(ROLE, 'ext').catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'RoleAssumptionError', awsErrorCode: code });
      expect(toErrorResponse(err, { error: () => undefined })).toMatchObject({ statusCode: 422 });
    }
  });
});
