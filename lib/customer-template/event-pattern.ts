/**
 * The event pattern of the rule `AQtiveGuardFilteredEventsRule`: which CloudTrail events the customer's account
 * forwards to AQtive Guard. Pure data, no CDK: the stack embeds it and the tests match AWS sample records against it.
 *
 * Shape (operators: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html):
 * a top-level `$or` of one branch per group of sources, each restricted to successful calls (`errorCode` absent) of
 * an explicit list of event names, so the crawler's own List/Describe/Get calls never come back. The serialized
 * pattern must stay within the 2,048-character "Event pattern size" quota
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html).
 */

/** Event-name matcher: an exact name or a documented `prefix` / `suffix` operator. */
export type EventNameMatcher = string | { readonly prefix: string } | { readonly suffix: string };

export interface EventPatternOptions {
  /** Include the calls that reveal who uses a key, certificate, secret or parameter (Decrypt, GetSecretValue, …). */
  readonly forwardUsageEvents: boolean;
}

export const CLOUDTRAIL_DETAIL_TYPES = ['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail'] as const;
export const TAG_CHANGE_DETAIL_TYPE = 'Tag Change on Resource';

/**
 * EventBridge reads the connection's own `events!connection/…` secret on every delivery; CloudTrail records that
 * read with this service DNS name as `sourceIPAddress`. The EventBridge docs require dropping it to avoid a loop
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
 */
export const API_DESTINATIONS_CALLER = 'apidestinations.events.amazonaws.com';

/**
 * That secret read makes Secrets Manager call KMS (Decrypt, GenerateDataKey) on the caller's behalf, recorded with
 * `sourceIPAddress`/`invokedBy` `secretsmanager.amazonaws.com`
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html). Forwarding that Decrypt
 * would cause the next delivery, hence the next read. Such KMS calls are redundant with the Secrets Manager call
 * that caused them, so they are dropped — for KMS events only: Secrets Manager's own rotation outcomes come from the
 * same address and must still arrive.
 */
export const SECRETS_MANAGER_CALLER = 'secretsmanager.amazonaws.com';

/** KMS calls that create, change, tag or delete keys and aliases; plus KMS's own service events. */
export const KMS_MUTATIONS: readonly EventNameMatcher[] = [
  'CreateKey',
  'ReplicateKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'DeleteKey', // AwsServiceEvent when the waiting period ends (https://docs.aws.amazon.com/kms/latest/developerguide/ct-delete-key.html)
  { prefix: 'EnableKey' }, // EnableKey, EnableKeyRotation
  { prefix: 'DisableKey' }, // DisableKey, DisableKeyRotation
  { prefix: 'RotateKey' }, // RotateKey (automatic rotation, AwsServiceEvent), RotateKeyOnDemand
  'PutKeyPolicy',
  'UpdatePrimaryRegion',
  { suffix: 'KeyMaterial' }, // ImportKeyMaterial, DeleteImportedKeyMaterial, DeleteExpiredKeyMaterial (service event)
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'TagResource',
  'UntagResource',
];

/** KMS cryptographic operations: who uses which key. Read-only management events. */
export const KMS_USAGE: readonly EventNameMatcher[] = [
  'Decrypt',
  'Encrypt',
  { prefix: 'GenerateDataKey' }, // GenerateDataKey, …WithoutPlaintext, …Pair, …PairWithoutPlaintext
  'ReEncrypt',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
];

/** ACM, Secrets Manager and SSM Parameter Store calls that create, change, tag or delete assets. */
export const ASSET_MUTATIONS: readonly EventNameMatcher[] = [
  // ACM
  'RequestCertificate',
  'ImportCertificate',
  'RenewCertificate',
  'RevokeCertificate',
  'DeleteCertificate',
  'AddTagsToCertificate',
  'RemoveTagsFromCertificate',
  // Secrets Manager (rotation outcomes RotationSucceeded/Failed/Abandoned/Started are AwsServiceEvents)
  'CreateSecret',
  'UpdateSecret',
  'PutSecretValue',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  { prefix: 'Rotation' },
  'DeleteSecret',
  'RestoreSecret',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
  'TagResource',
  'UntagResource',
  // SSM Parameter Store
  'PutParameter',
  { prefix: 'DeleteParameter' }, // DeleteParameter, DeleteParameters
  'AddTagsToResource',
  'RemoveTagsFromResource',
];

/** Reads of certificates, secrets and parameters: who uses them. */
export const ASSET_USAGE: readonly EventNameMatcher[] = [
  'ExportCertificate',
  'GetSecretValue',
  'BatchGetSecretValue',
  { prefix: 'GetParameter' }, // GetParameter, GetParameters, GetParametersByPath, GetParameterHistory
];

/** Services whose resources use keys and certificates; forwarded only with usage events on. */
export const USING_SERVICE_SOURCES = [
  'aws.apigateway',
  'aws.elasticloadbalancing',
  'aws.cloudfront',
  'aws.lambda',
  'aws.ec2',
] as const;

/** Calls that attach a certificate or a key to a resource of those services. */
export const USING_SERVICE_EVENTS: readonly EventNameMatcher[] = [
  // API Gateway (v1 and v2 share the names): certificateArn / regionalCertificateArn
  'CreateDomainName',
  'UpdateDomainName',
  // Elastic Load Balancing: listener certificates (classic and v2)
  { prefix: 'CreateLoadBalancer' }, // classic: CreateLoadBalancer, CreateLoadBalancerListeners (sSLCertificateId)
  'SetLoadBalancerListenerSSLCertificate',
  'CreateListener',
  'ModifyListener',
  'AddListenerCertificates',
  // CloudFront: viewer certificate of a distribution (CreateDistribution, CreateDistributionWithTags, …)
  { prefix: 'CreateDistribution' },
  { prefix: 'UpdateDistribution' },
  // Lambda: KMSKeyArn of a function (event names carry an API version suffix, e.g. CreateFunction20150331)
  { prefix: 'CreateFunction' },
  { prefix: 'UpdateFunctionConfiguration' },
  // EC2: EBS encryption keys
  'CreateVolume',
];

/** The asset services whose tag changes arrive as "Tag Change on Resource" (detail.service). */
export const TAG_CHANGE_SERVICES = ['kms', 'acm', 'secretsmanager', 'ssm'] as const;

type PatternValue = string | Record<string, unknown>;

function cloudTrailBranch(
  sources: readonly string[],
  eventNames: readonly EventNameMatcher[],
  droppedCallers: readonly string[],
): Record<string, unknown> {
  const detail: Record<string, unknown> = {
    eventName: eventNames.map((n): PatternValue => (typeof n === 'string' ? n : { ...n })),
    // Failed calls are delivered too (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
    errorCode: [{ exists: false }],
  };
  if (droppedCallers.length > 0) {
    // `anything-but` never matches a missing field; sourceIPAddress is always present in CloudTrail records
    // ("Optional: False" on the record-contents page above), so this drops only the named callers.
    detail.sourceIPAddress = [{ 'anything-but': [...droppedCallers] }];
  }
  return { source: [...sources], detail };
}

function unique(names: readonly EventNameMatcher[]): EventNameMatcher[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = JSON.stringify(n);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The four asset services. */
export const ASSET_SOURCES = ['aws.kms', 'aws.acm', 'aws.secretsmanager', 'aws.ssm'] as const;

/** Builds the rule's event pattern. */
export function buildEventPattern(options: EventPatternOptions): Record<string, unknown> {
  const branches: Record<string, unknown>[] = [
    // Mutations of the four asset services (including Secrets Manager rotation outcomes, whose caller is
    // secretsmanager.amazonaws.com: only the API-destination caller is dropped here).
    cloudTrailBranch(ASSET_SOURCES, unique([...KMS_MUTATIONS, ...ASSET_MUTATIONS]), [API_DESTINATIONS_CALLER]),
  ];
  if (options.forwardUsageEvents) {
    branches.push(
      // Usage of keys, certificates, secrets and parameters, and the resources that attach keys and certificates,
      // minus the calls AWS makes on the connection's behalf (the names of the two groups do not overlap).
      cloudTrailBranch(
        [...ASSET_SOURCES, ...USING_SERVICE_SOURCES],
        unique([...KMS_USAGE, ...ASSET_USAGE, ...USING_SERVICE_EVENTS]),
        [API_DESTINATIONS_CALLER, SECRETS_MANAGER_CALLER],
      ),
    );
  }
  branches.push({ source: ['aws.tag'], detail: { service: [...TAG_CHANGE_SERVICES] } });
  return {
    'detail-type': [...CLOUDTRAIL_DETAIL_TYPES, TAG_CHANGE_DETAIL_TYPE],
    $or: branches,
  };
}

/** EventBridge's "Event pattern size" quota, in characters of the serialized pattern. */
export const EVENT_PATTERN_MAX_LENGTH = 2048;
