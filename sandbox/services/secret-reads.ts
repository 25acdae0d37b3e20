/**
 * Calls that read secret material (or use a key to produce/recover plaintext). The sandbox refuses every one with
 * AccessDeniedException and records a violation: no code path of the platform may ever send them.
 */
export const SECRET_READ_APIS: ReadonlySet<string> = new Set([
  'secretsmanager:GetSecretValue',
  'secretsmanager:BatchGetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ssm:GetParameterHistory', // returns past values
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:ReEncrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateMac',
  'kms:Sign',
  'kms:DeriveSharedSecret',
  'acm:ExportCertificate', // returns the private key
]);
