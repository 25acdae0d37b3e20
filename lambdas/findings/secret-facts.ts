import type { Asset, SecretDetails } from '../inventory/asset';

export function secretDetails(asset: Asset): SecretDetails | undefined {
  return asset.details.kind === 'secret' ? asset.details : undefined;
}

/**
 * Secrets whose rotation is not the customer's to configure: secrets managed by another service (OwningService,
 * e.g. RDS master-user secrets rotate under RDS: https://docs.aws.amazon.com/secretsmanager/latest/userguide/service-linked-secrets.html),
 * EventBridge connection secrets (`events!connection/…`), and replicas (a replica takes its rotation from the
 * primary: https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html).
 */
export function rotationManagedElsewhere(asset: Asset, details: SecretDetails): boolean {
  if (details.owningService !== undefined || details.managedByEventBridge) return true;
  return details.primaryRegion !== undefined && details.primaryRegion !== asset.region;
}

/** Secret lifecycle states as the crawl and events write them ('PendingDeletion' when DeletedDate is set). */
export const SECRET_PENDING_DELETION = ['PendingDeletion'] as const;
