import type { Asset, CertificateDetails } from '../inventory/asset';

/**
 * ACM's managed-renewal status (DescribeCertificate `RenewalSummary.RenewalStatus`: PENDING_AUTO_RENEWAL |
 * PENDING_VALIDATION | SUCCESS | FAILED, with `RenewalStatusReason` when FAILED; present only for AMAZON_ISSUED
 * certificates: https://docs.aws.amazon.com/acm/latest/APIReference/API_RenewalSummary.html).
 * The asset model does not carry these two fields yet; they are read here when a producer sets them on the
 * certificate's details, so cert-renewal-at-risk sees failed and stalled renewals as soon as they are recorded.
 */
export interface CertificateRenewalFacts {
  readonly renewalStatus?: string;
  readonly renewalStatusReason?: string;
}

export function certificateDetails(asset: Asset): (CertificateDetails & CertificateRenewalFacts) | undefined {
  return asset.details.kind === 'certificate' ? asset.details : undefined;
}

/**
 * Statuses with no issued certificate behind them (no body, no NotAfter): a request still being validated, or one
 * that never completed (https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html, Status).
 */
export const CERTIFICATE_NOT_ISSUED = ['PENDING_VALIDATION', 'VALIDATION_TIMED_OUT', 'FAILED'] as const;

/** Certificates no longer in service: expiry and quantum findings about them would be noise. */
export const CERTIFICATE_RETIRED = ['EXPIRED', 'REVOKED', 'INACTIVE'] as const;

/**
 * ACM renews it by itself: Amazon-issued or private (ACM-managed) with RenewalEligibility ELIGIBLE. Imported
 * certificates never are ("ACM does not provide managed renewal for imported certificates").
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-renewal.html
 */
export function autoRenewable(asset: Asset): boolean {
  const details = certificateDetails(asset);
  if (!details) return false;
  const managed = details.certificateType === 'AMAZON_ISSUED' || details.certificateType === 'PRIVATE';
  return managed && details.renewalEligibility === 'ELIGIBLE';
}
