import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_PROBE_REGION } from '../shared/regions';
import { errorCode, errorMessage, isAccessDeniedError, isExpiredCredentialsError, isNotEnabledError } from './aws-error';
import { customerCredentials, type CustomerAccessOptions } from './region-clients';
import { guardAgainstSecretReads } from './secret-read-guard';

export type CredentialsFailure =
  /** No credentials found in the SDK's chain (env, profile, SSO, instance role…). */
  | 'NO_CREDENTIALS'
  /** AWS does not recognise the access key / token (bad or deleted keys answer this in EVERY Region). */
  | 'INVALID_CREDENTIALS'
  | 'EXPIRED_CREDENTIALS'
  /** The base credentials work but the role could not be assumed (trust policy, ExternalId, missing role). */
  | 'ASSUME_ROLE_FAILED'
  | 'UNKNOWN';

export class CredentialsError extends Error {
  constructor(
    readonly reason: CredentialsFailure,
    readonly stage: 'base-credentials' | 'assume-role',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialsError';
  }
}

export interface VerifiedIdentity {
  /** The account the crawl will inventory (the assumed role's account when a role is used). */
  readonly accountId: string;
  readonly arn: string;
}

export interface VerifyCredentialsOptions extends CustomerAccessOptions {
  /** @default DEFAULT_PROBE_REGION (us-east-1, enabled in every account) */
  readonly region?: string;
}

/**
 * Proves the credentials work before any crawl, so bad keys — which answer UnrecognizedClientException /
 * InvalidClientTokenId everywhere — never look like an empty account: STS GetCallerIdentity with the base
 * credentials, then (with a role) AssumeRole + GetCallerIdentity as the role, in one default Region.
 */
export async function verifyCredentials(options: VerifyCredentialsOptions = {}): Promise<VerifiedIdentity> {
  const region = options.region ?? DEFAULT_PROBE_REGION;
  await callerIdentity(region, options.credentials, 'base-credentials');
  const credentials = customerCredentials({ ...options, region });
  return callerIdentity(region, credentials, options.roleArn ? 'assume-role' : 'base-credentials');
}

async function callerIdentity(
  region: string,
  credentials: CustomerAccessOptions['credentials'],
  stage: CredentialsError['stage'],
): Promise<VerifiedIdentity> {
  const sts = guardAgainstSecretReads(new STSClient({ region, ...(credentials ? { credentials } : {}) }));
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    return { accountId: out.Account!, arn: out.Arn! };
  } catch (err) {
    throw toCredentialsError(err, stage);
  } finally {
    sts.destroy();
  }
}

export function toCredentialsError(err: unknown, stage: CredentialsError['stage']): CredentialsError {
  const code = errorCode(err);
  const message = errorMessage(err);
  if (code === 'CredentialsProviderError')
    return new CredentialsError('NO_CREDENTIALS', stage, code, `no AWS credentials found: ${message}`);
  if (isExpiredCredentialsError(err)) return new CredentialsError('EXPIRED_CREDENTIALS', stage, code, `credentials have expired: ${message}`);
  if (stage === 'assume-role')
    return new CredentialsError('ASSUME_ROLE_FAILED', stage, code, `could not assume the role (${code}): ${message}`);
  if (isNotEnabledError(err) || code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId')
    return new CredentialsError('INVALID_CREDENTIALS', stage, code, `AWS does not accept these credentials (${code}): ${message}`);
  if (isAccessDeniedError(err)) return new CredentialsError('INVALID_CREDENTIALS', stage, code, `credentials were refused (${code}): ${message}`);
  return new CredentialsError('UNKNOWN', stage, code, `credentials could not be verified (${code}): ${message}`);
}
