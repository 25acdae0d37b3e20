/**
 * STS over the query protocol: GetCallerIdentity, and AssumeRole on the sandbox's one role, whose trust policy
 * requires the ExternalId (the confused-deputy guard, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html).
 * A wrong ExternalId and an unknown role both answer AccessDenied, as AWS does.
 */
import { AwsServiceError, validationError } from '../protocol/aws-service-error';
import type { XmlValue } from '../protocol/query-protocol';
import type { Identity, IdentityStore } from '../identities';

export const STS_XML_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface StsContext {
  readonly identity: Identity;
  readonly identities: IdentityStore;
  readonly accountId: string;
  readonly roleArn: string;
  readonly externalId: string;
}

export type StsOperation = (params: Readonly<Record<string, string>>, ctx: StsContext) => XmlValue;

function accessDenied(ctx: StsContext, roleArn: string): AwsServiceError {
  return new AwsServiceError('AccessDenied', `User: ${ctx.identity.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
}

export const stsOperations: Readonly<Record<string, StsOperation>> = {
  GetCallerIdentity(_params, ctx) {
    return { UserId: ctx.identity.userId, Account: ctx.accountId, Arn: ctx.identity.arn };
  },

  AssumeRole(params, ctx) {
    const roleArn = params.RoleArn ?? '';
    const sessionName = params.RoleSessionName ?? '';
    if (roleArn.length < 20) throw validationError(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`, 'ValidationError');
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw validationError(`Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`, 'ValidationError');
    }
    const duration = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
      throw validationError(`Value '${params.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`, 'ValidationError');
    }
    if (roleArn !== ctx.roleArn) throw accessDenied(ctx, roleArn);
    if (params.ExternalId !== ctx.externalId) throw accessDenied(ctx, roleArn);
    if (ctx.identity.kind === 'role-session' && duration > 3600) {
      // Role chaining limits the session to one hour.
      throw new AwsServiceError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    }
    const session = ctx.identities.createRoleSession(roleArn, sessionName, duration);
    const c = session.credentials;
    return {
      Credentials: { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration?.toISOString() },
      AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
    };
  },
};
