import type { ResourceType } from '../inventory/asset';
import { partitionOf } from './arn';
import type { NormalizedEvent } from './normalized-event';
import { obj, requestOf, str } from './mappers/record-fields';

/**
 * Who made a call, as the resource that uses an asset. CloudTrail identity shapes:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
export interface Caller {
  readonly arn: string;
  readonly type: ResourceType;
}

/** The Lambda service, as CloudTrail records it in `userIdentity.invokedBy` for calls it makes itself. */
const LAMBDA_SERVICE = 'lambda.amazonaws.com';

/** EC2 instance-profile sessions are named after the instance (aws:userid = role-id:ec2-instance-id). */
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

/** The session name at the end of an assumed-role ARN: arn:aws:sts::<acct>:assumed-role/<role>/<session>. */
function sessionNameOf(arn: string | undefined): string | undefined {
  if (!arn || !arn.includes(':assumed-role/')) return undefined;
  const parts = arn.split('/');
  return parts.length >= 3 ? parts.slice(2).join('/') : undefined;
}

export function resolveCaller(event: NormalizedEvent): Caller {
  const identity = event.detail.userIdentity ?? {};
  const invokedBy = identity.invokedBy;
  const encryptionContext = obj(requestOf(event), 'encryptionContext');
  const account = identity.accountId ?? event.accountId;
  const partition = partitionOf(event.region);

  // Lambda decrypting a function's environment variables: the function is named in the encryption context
  // (https://docs.aws.amazon.com/lambda/latest/dg/security-encryption-at-rest.html). The context is the caller's to
  // choose, so it names a function only in a call CloudTrail records as made by the Lambda service (`invokedBy`).
  const functionArn = str(encryptionContext, 'aws:lambda:FunctionArn');
  if (functionArn && invokedBy === LAMBDA_SERVICE) return { arn: functionArn, type: 'lambda-function' };

  if (identity.type === 'AssumedRole') {
    const session = sessionNameOf(identity.arn);
    if (session && INSTANCE_ID.test(session)) {
      return { arn: `arn:${partition}:ec2:${event.region}:${account}:instance/${session}`, type: 'ec2-instance' };
    }
    // Code running in Lambda calls with its execution role, in a session named after the function and with a user
    // agent naming the Lambda runtime (exec-env/AWS_Lambda_<runtime>) — but anyone may choose a session name and send
    // that user agent, and nothing CloudTrail sets tells a function's call from theirs. So the edge names what AWS
    // did record: the role whose credentials made the call (the function's execution role, for a real function).
    const issuer = identity.sessionContext?.sessionIssuer?.arn;
    if (issuer) return { arn: issuer, type: 'iam-role' };
  }
  if (identity.type === 'IAMUser' && identity.arn) return { arn: identity.arn, type: 'iam-user' };
  if (identity.type === 'AWSService' && invokedBy) return { arn: invokedBy, type: 'aws-service' };
  if (identity.arn) return { arn: identity.arn, type: 'other' };
  if (invokedBy) return { arn: invokedBy, type: 'aws-service' };
  return { arn: identity.principalId ?? identity.accountId ?? 'unknown', type: 'other' };
}

/** "Who" for the history: the identity ARN as CloudTrail logged it, else the service that acted. */
export function callerArn(event: NormalizedEvent): string {
  const identity = event.detail.userIdentity ?? {};
  return identity.arn ?? identity.invokedBy ?? identity.principalId ?? identity.accountId ?? 'unknown';
}
