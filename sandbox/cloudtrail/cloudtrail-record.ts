/**
 * CloudTrail records and the EventBridge envelopes that carry them ("AWS API Call via CloudTrail"), shaped like
 * AWS's documented samples: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events.html, and the KMS CloudTrail examples
 * (https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html).
 */
import { randomUUID } from 'node:crypto';

/** Who made a call, as CloudTrail's userIdentity describes them. */
export type Actor =
  /** An IAM user with long-term keys. */
  | { readonly kind: 'user'; readonly userName: string }
  /** Code in a Lambda function, using its execution role (session name = function name). */
  | { readonly kind: 'lambda'; readonly functionName: string; readonly roleName: string }
  /** Code on an EC2 instance, using its instance profile role (session name = instance id). */
  | { readonly kind: 'ec2'; readonly instanceId: string; readonly roleName: string }
  /** An AWS service acting with its service-linked role, e.g. EventBridge API destinations reading the connection secret. */
  | { readonly kind: 'service-linked-role'; readonly roleName: string; readonly service: string };

export interface CloudTrailRecord {
  readonly eventVersion: string;
  readonly userIdentity: Record<string, unknown>;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly requestParameters: Record<string, unknown> | null;
  readonly responseElements: Record<string, unknown> | null;
  readonly additionalEventData?: Record<string, unknown>;
  readonly requestID: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  readonly resources?: readonly { readonly accountId: string; readonly type: string; readonly ARN: string }[];
  readonly eventType: 'AwsApiCall';
  readonly managementEvent: true;
  readonly recipientAccountId: string;
  readonly eventCategory: 'Management';
}

export interface EventBridgeEnvelope {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'AWS API Call via CloudTrail';
  /** `aws.kms`, `aws.acm`, `aws.secretsmanager`, `aws.ssm` — the service, not aws.cloudtrail. */
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  /** "API calls with AWS CloudTrail do not include resource ARNs": always empty. */
  readonly resources: readonly string[];
  readonly detail: CloudTrailRecord;
}

export interface CallDescription {
  readonly accountId: string;
  readonly region: string;
  /** e.g. `kms` → eventSource kms.amazonaws.com, source aws.kms. */
  readonly service: string;
  readonly eventName: string;
  readonly actor: Actor;
  readonly time: Date;
  readonly readOnly: boolean;
  readonly requestParameters: Record<string, unknown> | null;
  readonly responseElements?: Record<string, unknown> | null;
  readonly additionalEventData?: Record<string, unknown>;
  readonly resources?: readonly { readonly type: string; readonly ARN: string }[];
  /** Set when a service makes the call on the actor's behalf (e.g. Secrets Manager's KMS Decrypt). */
  readonly invokedBy?: string;
}

/** CloudTrail times have whole seconds: `2026-01-01T12:00:00Z`. */
export function cloudTrailTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function fakeAccessKey(prefix: 'AKIA' | 'ASIA', seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let h = 0;
  let out = prefix;
  for (let i = 0; i < 16; i++) {
    h = (Math.imul(h ^ seed.charCodeAt(i % seed.length), 31) + i) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/** A stable fake unique id (AROA…/AIDA…) per principal name, so the same role always shows the same id. */
function uniqueId(prefix: 'AROA' | 'AIDA', name: string): string {
  return fakeAccessKey(prefix as 'AKIA', name).replace(/^AKIA/, prefix);
}

export function userIdentity(actor: Actor, accountId: string, time: Date, invokedBy?: string): Record<string, unknown> {
  if (actor.kind === 'user') {
    return {
      type: 'IAMUser',
      principalId: uniqueId('AIDA', actor.userName),
      arn: `arn:aws:iam::${accountId}:user/${actor.userName}`,
      accountId,
      accessKeyId: fakeAccessKey('AKIA', actor.userName),
      userName: actor.userName,
      ...(invokedBy ? { invokedBy } : {}),
    };
  }
  const sessionName = actor.kind === 'lambda' ? actor.functionName : actor.kind === 'ec2' ? actor.instanceId : actor.service;
  const roleArn = `arn:aws:iam::${accountId}:role/${actor.kind === 'service-linked-role' ? 'aws-service-role/' : ''}${actor.roleName}`;
  const roleId = uniqueId('AROA', actor.roleName);
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${sessionName}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${actor.roleName}/${sessionName}`,
    accountId,
    accessKeyId: fakeAccessKey('ASIA', `${actor.roleName}/${sessionName}`),
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: roleId, arn: roleArn, accountId, userName: actor.roleName },
      webIdFederationData: {},
      attributes: { creationDate: cloudTrailTime(new Date(time.getTime() - 600_000)), mfaAuthenticated: 'false' },
      ...(actor.kind === 'ec2' ? { ec2RoleDelivery: '2.0' } : {}),
    },
    ...(invokedBy ? { invokedBy } : actor.kind === 'service-linked-role' ? { invokedBy: actor.service } : {}),
  };
}

function sourceOf(actor: Actor, invokedBy: string | undefined): { sourceIPAddress: string; userAgent: string } {
  if (invokedBy) return { sourceIPAddress: invokedBy, userAgent: invokedBy };
  switch (actor.kind) {
    case 'service-linked-role':
      return { sourceIPAddress: actor.service, userAgent: actor.service };
    case 'lambda':
      return { sourceIPAddress: '203.0.113.17', userAgent: 'aws-sdk-nodejs/3.700.0 linux/v20.18.0 exec-env/AWS_Lambda_nodejs20.x' };
    case 'ec2':
      return { sourceIPAddress: '198.51.100.24', userAgent: 'aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM' };
    case 'user':
      return { sourceIPAddress: '192.0.2.10', userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64' };
  }
}

export function apiCallEvent(call: CallDescription): EventBridgeEnvelope {
  const time = cloudTrailTime(call.time);
  const detail: CloudTrailRecord = {
    eventVersion: '1.09',
    userIdentity: userIdentity(call.actor, call.accountId, call.time, call.invokedBy),
    eventTime: time,
    eventSource: `${call.service}.amazonaws.com`,
    eventName: call.eventName,
    awsRegion: call.region,
    ...sourceOf(call.actor, call.invokedBy),
    requestParameters: call.requestParameters,
    responseElements: call.responseElements ?? null,
    ...(call.additionalEventData ? { additionalEventData: call.additionalEventData } : {}),
    requestID: randomUUID(),
    eventID: randomUUID(),
    readOnly: call.readOnly,
    ...(call.resources ? { resources: call.resources.map((r) => ({ accountId: call.accountId, ...r })) } : {}),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: call.accountId,
    eventCategory: 'Management',
  };
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${call.service}`,
    account: call.accountId,
    time,
    region: call.region,
    resources: [],
    detail,
  };
}

/** KMS's CloudTrail rendering of dates inside keyMetadata (e.g. "Jan 4, 2022, 10:05:11 PM"). */
export function kmsDisplayDate(iso: string): string {
  return new Date(iso)
    .toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true, timeZone: 'UTC' })
    .replace(/\u202f/g, ' ');
}
