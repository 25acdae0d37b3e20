/**
 * The one list of CloudTrail events the platform handles. The processor's mappers dispatch on these names and the
 * customer template's rule pattern (`lib/customer-template/event-pattern.ts`) is built from them, so the rule never
 * forwards (and the customer never pays for) an event no mapper handles, and no mapper waits for an event the rule
 * never forwards. `test/unit/event-catalogue.test.ts` checks both directions. Pure data: no AWS SDK, no I/O.
 */

/** KMS calls and service events that create, change, tag or delete keys and aliases. */
export const KMS_MUTATION_EVENTS = [
  'CreateKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  // AwsServiceEvent when the waiting period ends (https://docs.aws.amazon.com/kms/latest/developerguide/ct-delete-key.html)
  'DeleteKey',
  'DisableKey',
  'EnableKey',
  'EnableKeyRotation',
  'DisableKeyRotation',
  'RotateKeyOnDemand',
  // AwsServiceEvent of automatic rotation (https://docs.aws.amazon.com/kms/latest/developerguide/ct-rotatekey.html)
  'RotateKey',
  'PutKeyPolicy',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'ReplicateKey',
  'UpdatePrimaryRegion',
  'ImportKeyMaterial',
  'DeleteImportedKeyMaterial',
  // AwsServiceEvent when imported material expires (https://docs.aws.amazon.com/kms/latest/developerguide/ct-deleteexpiredkeymaterial.html)
  'DeleteExpiredKeyMaterial',
  'TagResource',
  'UntagResource',
] as const;

/** KMS cryptographic operations: who uses which key. Read-only management events. */
export const KMS_USAGE_EVENTS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncrypt',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
] as const;

export const ACM_MUTATION_EVENTS = [
  'RequestCertificate',
  'ImportCertificate',
  'DeleteCertificate',
  'RenewCertificate',
  'RevokeCertificate',
  'AddTagsToCertificate',
  'RemoveTagsFromCertificate',
] as const;

/** ExportCertificate hands out a private certificate with its private key: a use of the certificate by the caller. */
export const ACM_USAGE_EVENTS = ['ExportCertificate'] as const;

/** ACM's own events (source aws.acm, https://docs.aws.amazon.com/acm/latest/userguide/supported-events.html). */
export const ACM_NATIVE_DETAIL_TYPES = [
  'ACM Certificate Approaching Expiration',
  'ACM Certificate Expired',
  'ACM Certificate Renewal Action Required',
  'ACM Certificate Available',
] as const;

export const SECRETSMANAGER_MUTATION_EVENTS = [
  'CreateSecret',
  'UpdateSecret',
  'PutSecretValue',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
  'TagResource',
  'UntagResource',
] as const;

/** Service events (eventType AwsServiceEvent) about rotation (https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudtrail_log_entries.html). */
export const SECRETSMANAGER_SERVICE_EVENTS = ['RotationSucceeded', 'RotationFailed', 'RotationAbandoned', 'RotationStarted'] as const;

/**
 * Secret reads. BatchGetSecretValue is left out on purpose: "Secrets Manager generates CloudTrail GetSecretValue log
 * entries for each secret you request" (API_BatchGetSecretValue), so forwarding it too would be paid for twice.
 */
export const SECRET_READ_EVENTS = ['GetSecretValue'] as const;

export const SSM_MUTATION_EVENTS = [
  'PutParameter',
  'DeleteParameter',
  'DeleteParameters',
  'LabelParameterVersion',
  'AddTagsToResource',
  'RemoveTagsFromResource',
] as const;

/**
 * Parameter reads that name the parameters they read (a usage only with decryption). GetParametersByPath names a
 * path, not parameters, so it cannot become an edge without an inventory lookup; it is not forwarded.
 */
export const PARAMETER_READ_EVENTS = ['GetParameter', 'GetParameters'] as const;

/** Calls of other services that configure a resource with a certificate or a key (usage by configuration). */
export const CONFIGURATION_USAGE_EVENTS = {
  'apigateway.amazonaws.com': ['CreateDomainName', 'UpdateDomainName'],
  'elasticloadbalancing.amazonaws.com': [
    'CreateListener',
    'ModifyListener',
    'AddListenerCertificates',
    'CreateLoadBalancer',
    'CreateLoadBalancerListeners',
    'SetLoadBalancerListenerSSLCertificate',
  ],
  'cloudfront.amazonaws.com': ['CreateDistribution', 'CreateDistributionWithTags', 'UpdateDistribution'],
  'lambda.amazonaws.com': ['CreateFunction', 'UpdateFunctionConfiguration'],
  'ec2.amazonaws.com': ['CreateVolume'],
} as const;

/**
 * Services whose CloudTrail event names carry the API version: Lambda `CreateFunction20150331`,
 * `UpdateFunctionConfiguration20150331v2`; CloudFront `UpdateDistribution2014_01_31` ("The eventName element
 * identifies the action that occurred and the API version that was used", CloudFront developer guide, logging with
 * CloudTrail). Their names are matched by prefix in the rule and have the suffix removed before dispatch.
 */
export const VERSIONED_NAME_SOURCES: readonly string[] = ['lambda.amazonaws.com', 'cloudfront.amazonaws.com'];
const API_VERSION_SUFFIX = /(\d{8}(v\d+)?|\d{4}_\d{2}_\d{2})$/;

/** `CreateFunction20150331` → `CreateFunction`, `UpdateDistribution2020_05_31` → `UpdateDistribution`; others unchanged. */
export function withoutApiVersion(eventSource: string | undefined, eventName: string): string {
  return eventSource !== undefined && VERSIONED_NAME_SOURCES.includes(eventSource) ? eventName.replace(API_VERSION_SUFFIX, '') : eventName;
}

/** Whether a CloudTrail event changes an asset (always forwarded) or reveals who uses one (forwarded with usage on). */
export type EventKind = 'mutation' | 'usage';

export interface CatalogueEntry {
  /** CloudTrail `eventSource`, e.g. `kms.amazonaws.com`. */
  readonly eventSource: string;
  /** EventBridge `source` of the same events, e.g. `aws.kms`. */
  readonly source: string;
  readonly kind: EventKind;
  readonly names: readonly string[];
  /** Names recorded as "AWS Service Event via CloudTrail" (eventType AwsServiceEvent) rather than API calls. */
  readonly serviceEvents?: readonly string[];
}

const entry = (eventSource: string, kind: EventKind, names: readonly string[], serviceEvents?: readonly string[]): CatalogueEntry => ({
  eventSource,
  source: `aws.${eventSource.split('.')[0]}`,
  kind,
  names,
  ...(serviceEvents ? { serviceEvents } : {}),
});

/** Every CloudTrail (eventSource, eventName) the processor maps. */
export const CLOUDTRAIL_CATALOGUE: readonly CatalogueEntry[] = [
  entry('kms.amazonaws.com', 'mutation', KMS_MUTATION_EVENTS, ['DeleteKey', 'RotateKey', 'DeleteExpiredKeyMaterial']),
  entry('acm.amazonaws.com', 'mutation', ACM_MUTATION_EVENTS),
  entry('secretsmanager.amazonaws.com', 'mutation', [...SECRETSMANAGER_MUTATION_EVENTS, ...SECRETSMANAGER_SERVICE_EVENTS], SECRETSMANAGER_SERVICE_EVENTS),
  entry('ssm.amazonaws.com', 'mutation', SSM_MUTATION_EVENTS),
  entry('kms.amazonaws.com', 'usage', KMS_USAGE_EVENTS),
  entry('acm.amazonaws.com', 'usage', ACM_USAGE_EVENTS),
  entry('secretsmanager.amazonaws.com', 'usage', SECRET_READ_EVENTS),
  entry('ssm.amazonaws.com', 'usage', PARAMETER_READ_EVENTS),
  ...Object.entries(CONFIGURATION_USAGE_EVENTS).map(([eventSource, names]) => entry(eventSource, 'usage', names)),
];

/** aws.tag "Tag Change on Resource" events are handled for these services (`detail.service`). */
export const TAG_CHANGE_DETAIL_TYPE = 'Tag Change on Resource';
export const TAG_CHANGE_SERVICES = ['kms', 'acm', 'secretsmanager', 'ssm'] as const;
