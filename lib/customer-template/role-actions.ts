import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { API_DESTINATION_NAME, CONNECTION_NAME, EVENTS_RULE_NAME } from '../../lambdas/shared/protocol';

/**
 * What the role `AQtiveGuardReadOnlyAccessRole` may do, and nothing more: no action reads a secret value or uses a
 * key (no GetSecretValue, GetParameter(s), Decrypt, GenerateDataKey), no wildcard in any action.
 */

/** Listing calls that do not support resource-level permissions: Resource "*" is the only valid scope. */
export const LIST_ACTIONS = [
  'sts:GetCallerIdentity',
  'kms:ListKeys',
  'kms:ListAliases',
  'acm:ListCertificates',
  'secretsmanager:ListSecrets',
  'ssm:DescribeParameters',
] as const;

/** Per-key reads. kms:ListResourceTags because tags are ingested into the inventory. */
export const KEY_READ_ACTIONS = ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'] as const;
/** Per-certificate reads (GetCertificate returns the public certificate and chain, never the private key).
 * acm:ListTagsForCertificate because tags are ingested into the inventory. */
export const CERTIFICATE_READ_ACTIONS = ['acm:DescribeCertificate', 'acm:GetCertificate', 'acm:ListTagsForCertificate'] as const;
/** Secret metadata only (DescribeSecret never returns the value). */
export const SECRET_READ_ACTIONS = ['secretsmanager:DescribeSecret'] as const;
/** Parameter tags (DescribeParameters above gives the rest, never values). */
export const PARAMETER_READ_ACTIONS = ['ssm:ListTagsForResource'] as const;
/** Health checks of the event pipeline, limited to this template's own named EventBridge resources. */
export const EVENTS_HEALTH_ACTIONS = [
  'events:DescribeRule',
  'events:ListTargetsByRule',
  'events:DescribeConnection',
  'events:DescribeApiDestination',
] as const;

export const CUSTOMER_ROLE_ACTIONS: readonly string[] = [
  ...LIST_ACTIONS,
  ...KEY_READ_ACTIONS,
  ...CERTIFICATE_READ_ACTIONS,
  ...SECRET_READ_ACTIONS,
  ...PARAMETER_READ_ACTIONS,
  ...EVENTS_HEALTH_ACTIONS,
];

/** ARN of any resource of a type in this account, in any region. */
function accountArn(service: string, resource: string): string {
  return `arn:${Aws.PARTITION}:${service}:*:${Aws.ACCOUNT_ID}:${resource}`;
}

/** Resources with a wildcard that cdk-nag (AwsSolutions-IAM5) reports; each is acknowledged with its reason. */
export const WILDCARD_RESOURCE_REASONS: ReadonlyArray<{ readonly finding: string; readonly reason: string }> = [
  { finding: 'Resource::*', reason: 'ListKeys, ListAliases, ListCertificates, ListSecrets, DescribeParameters and GetCallerIdentity do not support resource-level permissions.' },
  { finding: 'Resource::arn:<AWS::Partition>:kms:*:<AWS::AccountId>:key/*', reason: 'The inventory reads every key of this account in every region; the keys are not known when the role is created.' },
  { finding: 'Resource::arn:<AWS::Partition>:acm:*:<AWS::AccountId>:certificate/*', reason: 'The inventory reads every certificate of this account in every region.' },
  { finding: 'Resource::arn:<AWS::Partition>:secretsmanager:*:<AWS::AccountId>:secret:*', reason: 'DescribeSecret (metadata only, never the value) on every secret of this account.' },
  { finding: 'Resource::arn:<AWS::Partition>:ssm:*:<AWS::AccountId>:parameter/*', reason: 'Tags of every parameter of this account (never values).' },
  { finding: `Resource::arn:<AWS::Partition>:events:*:<AWS::AccountId>:rule/${EVENTS_RULE_NAME}`, reason: 'The AQtive Guard rule has the same name in every region; the region is the only wildcard.' },
  { finding: `Resource::arn:<AWS::Partition>:events:*:<AWS::AccountId>:connection/${CONNECTION_NAME}/*`, reason: 'EventBridge appends a generated suffix to connection ARNs; the name is fixed.' },
  { finding: `Resource::arn:<AWS::Partition>:events:*:<AWS::AccountId>:api-destination/${API_DESTINATION_NAME}/*`, reason: 'EventBridge appends a generated suffix to API destination ARNs; the name is fixed.' },
];

export function readOnlyPolicyDocument(): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({ sid: 'ListWithoutResourceLevelPermissions', actions: [...LIST_ACTIONS], resources: ['*'] }),
      new iam.PolicyStatement({ sid: 'ReadKeys', actions: [...KEY_READ_ACTIONS], resources: [accountArn('kms', 'key/*')] }),
      new iam.PolicyStatement({ sid: 'ReadCertificates', actions: [...CERTIFICATE_READ_ACTIONS], resources: [accountArn('acm', 'certificate/*')] }),
      new iam.PolicyStatement({ sid: 'ReadSecretMetadata', actions: [...SECRET_READ_ACTIONS], resources: [accountArn('secretsmanager', 'secret:*')] }),
      new iam.PolicyStatement({ sid: 'ReadParameterTags', actions: [...PARAMETER_READ_ACTIONS], resources: [accountArn('ssm', 'parameter/*')] }),
      new iam.PolicyStatement({
        sid: 'OwnEventBridgeResourcesHealth',
        actions: [...EVENTS_HEALTH_ACTIONS],
        resources: [
          accountArn('events', `rule/${EVENTS_RULE_NAME}`),
          accountArn('events', `connection/${CONNECTION_NAME}/*`),
          accountArn('events', `api-destination/${API_DESTINATION_NAME}/*`),
        ],
      }),
    ],
  });
}
