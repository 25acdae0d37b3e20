import type { AssetType, DiscoveredAsset } from '../../../lambdas/inventory/asset';

let counter = 0;

/** A minimal, valid DiscoveredAsset of the given type. */
export function discovered(
  type: AssetType,
  overrides: Partial<DiscoveredAsset> & { accountId?: string; region?: string } = {},
): DiscoveredAsset {
  const accountId = overrides.accountId ?? '111122223333';
  const region = overrides.region ?? 'us-east-1';
  const n = ++counter;
  const arnByType: Record<AssetType, string> = {
    key: `arn:aws:kms:${region}:${accountId}:key/0000000${n % 10}-0000-0000-0000-${String(n).padStart(12, '0')}`,
    certificate: `arn:aws:acm:${region}:${accountId}:certificate/cert-${n}`,
    secret: `arn:aws:secretsmanager:${region}:${accountId}:secret:s${n}-AbCdEf`,
    parameter: `arn:aws:ssm:${region}:${accountId}:parameter/p${n}`,
  };
  const details: DiscoveredAsset['details'] =
    type === 'key'
      ? { kind: 'key', keyId: `k${n}`, keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', origin: 'AWS_KMS', keyManager: 'CUSTOMER', multiRegion: false }
      : type === 'certificate'
        ? { kind: 'certificate' }
        : type === 'secret'
          ? { kind: 'secret', managedByEventBridge: false }
          : { kind: 'parameter', parameterType: 'SecureString' };
  return {
    type,
    accountId,
    region,
    arn: arnByType[type],
    name: `${type}-${n}`,
    tags: {},
    crypto: { family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false },
    lifecycle: { state: 'Enabled' },
    relations: { inUseBy: [] },
    details,
    ...overrides,
  };
}
