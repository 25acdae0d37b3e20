/**
 * AWS's default request quotas (requests per second, per account and Region) of the APIs the crawler calls
 * (the pages below). The crawler paces itself at them (discovery/request-pacer.ts) and the sandbox
 * account enforces them (sandbox/rate-limiter.ts), so both read this one table.
 *   KMS  https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html (each quota independent)
 *   ACM  https://docs.aws.amazon.com/acm/latest/userguide/acm-limits.html
 *   Secrets Manager  https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html (+ What's New 2025-03-04)
 *   SSM  not published: 10 rps assumed (configurable by callers)
 *   EventBridge  control-plane APIs 50 rps each (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html)
 *   STS  600 rps shared by AssumeRole, GetCallerIdentity and others (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
 */
export const STS_SHARED_QUOTA = 600;

export const AWS_REQUEST_QUOTAS: Readonly<Record<string, number>> = {
  'kms:ListKeys': 500,
  'kms:ListAliases': 500,
  'kms:DescribeKey': 2000,
  'kms:GetKeyPolicy': 1000,
  'kms:GetKeyRotationStatus': 1000,
  'kms:ListResourceTags': 2000,
  'acm:ListCertificates': 8,
  'acm:DescribeCertificate': 10,
  'acm:GetCertificate': 10,
  'acm:ListTagsForCertificate': 10,
  'secretsmanager:ListSecrets': 100,
  'secretsmanager:DescribeSecret': 40000,
  'ssm:DescribeParameters': 10,
  'ssm:ListTagsForResource': 10,
  'events:DescribeRule': 50,
  'events:ListTargetsByRule': 50,
  'events:DescribeApiDestination': 50,
  'events:DescribeConnection': 50,
  'sts:AssumeRole': STS_SHARED_QUOTA,
  'sts:GetCallerIdentity': STS_SHARED_QUOTA,
};
