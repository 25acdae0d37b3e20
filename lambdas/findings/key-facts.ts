import type { Asset, KeyDetails } from '../inventory/asset';

export function keyDetails(asset: Asset): KeyDetails | undefined {
  return asset.details.kind === 'key' ? asset.details : undefined;
}

/** KMS key states (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html). */
export const KEY_PENDING_DELETION = ['PendingDeletion', 'PendingReplicaDeletion'] as const;

/**
 * Automatic rotation exists only for customer-managed symmetric encryption keys with KMS-generated material outside
 * custom key stores; a multi-Region replica follows its primary's rotation and cannot be set on its own
 * (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html).
 */
export function rotationConfigurable(details: KeyDetails): boolean {
  return (
    details.keyManager === 'CUSTOMER' &&
    details.keySpec === 'SYMMETRIC_DEFAULT' &&
    details.keyUsage === 'ENCRYPT_DECRYPT' &&
    details.origin === 'AWS_KMS' &&
    details.customKeyStoreId === undefined &&
    details.multiRegionKeyType !== 'REPLICA'
  );
}
