import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { ROLE_SESSION_NAME } from '../shared/protocol';
import { RoleAssumptionError, RoleVerificationUnavailableError } from './errors';
import type { RoleVerifier } from './role-verifier';

export interface StsRoleVerifierOptions {
  /** PLATFORM_ACCESS_ROLE_ARN: assumed first (the principal customers trust). Unset (local) → assume directly. */
  readonly platformAccessRoleArn?: string;
  readonly region?: string;
  /** For tests: builds the STS client used with the given credentials (undefined = the platform's own). */
  readonly clientFactory?: (credentials: StsCredentials) => STSClient;
}

type StsCredentials = STSClientConfig['credentials'];

const STEPS =
  'Check that (1) the CloudFormation stack in that account finished (CREATE_COMPLETE); (2) the role ARN is exactly the ' +
  'RoleArn output of that stack (account id and role name); (3) the role trust policy still names the AQtive Guard ' +
  'principal and the ExternalId from the template downloaded for this tenant (re-download the template and update the ' +
  'stack if in doubt).';

/**
 * Verifies a customer role by assuming it (with the tenant's ExternalId) and calling sts:GetCallerIdentity with the
 * session. AWS answers AccessDenied both for a trust-policy/ExternalId mismatch and for a role that does not exist
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), so the message covers both.
 */
export class StsRoleVerifier implements RoleVerifier {
  private readonly platformSts: STSClient;

  constructor(private readonly options: StsRoleVerifierOptions = {}) {
    const credentials = options.platformAccessRoleArn
      ? fromTemporaryCredentials({
          params: { RoleArn: options.platformAccessRoleArn, RoleSessionName: ROLE_SESSION_NAME, DurationSeconds: 900 },
          clientConfig: { region: options.region },
        })
      : undefined;
    this.platformSts = this.client(credentials);
  }

  async verify(roleArn: string, externalId: string): Promise<{ accountId: string }> {
    let assumed;
    try {
      assumed = await this.platformSts.send(
        new AssumeRoleCommand({ RoleArn: roleArn, ExternalId: externalId, RoleSessionName: ROLE_SESSION_NAME, DurationSeconds: 900 }),
      );
    } catch (err) {
      throw classify(err, roleArn);
    }
    const c = assumed.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
    const session = this.client({ accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    try {
      const identity = await session.send(new GetCallerIdentityCommand({}));
      if (!identity.Account) throw new Error('GetCallerIdentity returned no account');
      return { accountId: identity.Account };
    } finally {
      session.destroy();
    }
  }

  private client(credentials: StsCredentials): STSClient {
    if (this.options.clientFactory) return this.options.clientFactory(credentials);
    return new STSClient({ region: this.options.region, credentials });
  }
}

function classify(err: unknown, roleArn: string): unknown {
  const code = (err as { name?: string })?.name ?? '';
  if (code === 'AccessDenied' || code === 'AccessDeniedException') {
    return new RoleAssumptionError(
      'TRUST_OR_EXTERNAL_ID',
      `AQtive Guard could not assume ${roleArn}: AWS denied access. This happens when the role's trust policy does not ` +
        `allow the AQtive Guard principal with this tenant's ExternalId, or when no role with that name exists. ${STEPS}`,
      code,
    );
  }
  if (code === 'NoSuchEntity' || code === 'NoSuchEntityException') {
    return new RoleAssumptionError('ROLE_NOT_FOUND', `The role ${roleArn} does not exist. ${STEPS}`, code);
  }
  if (code === 'RegionDisabledException') {
    return new RoleAssumptionError(
      'OTHER',
      `AWS STS is not activated in the region AQtive Guard used for ${roleArn}; activate it in the account's IAM settings.`,
      code,
    );
  }
  // What AWS says is wrong with the request itself (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors).
  if (REQUEST_ERRORS.has(code)) {
    return new RoleAssumptionError('OTHER', `AWS STS refused to assume ${roleArn} (${code}). ${STEPS}`, code);
  }
  // Throttling, STS unavailable, our own credentials, networking: not the customer's to fix — retry later (503).
  if (code !== '' && ((err as { $fault?: string }).$fault !== undefined || TRANSIENT_ERRORS.has(code))) return new RoleVerificationUnavailableError(code);
  return err;
}

const REQUEST_ERRORS = new Set(['MalformedPolicyDocument', 'MalformedPolicyDocumentException', 'PackedPolicyTooLarge', 'PackedPolicyTooLargeException', 'ValidationError', 'InvalidParameterValue']);
const TRANSIENT_ERRORS = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'ServiceUnavailable', 'InternalFailure', 'ExpiredToken', 'ExpiredTokenException', 'TimeoutError', 'ECONNRESET', 'ECONNREFUSED']);
