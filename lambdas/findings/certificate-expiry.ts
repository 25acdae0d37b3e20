import type { Asset, CertificateDetails } from '../inventory/asset';
import { autoRenewable, certificateDetails, CERTIFICATE_NOT_ISSUED } from './certificate-facts';
import { certificateInUse } from './exposure';
import { stateIn } from './lifecycle-state';
import type { RuleContext, RuleThresholds } from './rule-context';
import type { Severity } from './severity';
import { daysUntil } from './time';

/** What cert-expired and cert-expiring judge: the time to NotAfter and what depends on the certificate. */
export interface CertificateExpiry {
  readonly details: CertificateDetails;
  readonly notAfter: string;
  /** Days from now to NotAfter, fractional; zero or less once expired. */
  readonly days: number;
  /** ACM InUseBy lists a resource, or a usage event was seen in the recent-usage window. */
  readonly inUse: boolean;
  /** ACM renews it by itself (certificate-facts.ts autoRenewable). */
  readonly autoRenewable: boolean;
}

/** Undefined for anything but an issued certificate with a NotAfter (a request never issued has none). */
export function certificateExpiry(asset: Asset, context: RuleContext): CertificateExpiry | undefined {
  const details = certificateDetails(asset);
  const notAfter = asset.lifecycle.notAfter;
  if (!details || !notAfter || stateIn(asset, CERTIFICATE_NOT_ISSUED)) return undefined;
  return { details, notAfter, days: daysUntil(notAfter, context.now), inUse: certificateInUse(asset, context), autoRenewable: autoRenewable(asset) };
}

/**
 * The one severity scale of both expiry rules. Expired: critical when in use (it is failing handshakes now), else
 * medium. Expiring: high when `urgentDays` or fewer remain, or when in use and nobody but an admin will renew it
 * (imported, or not ELIGIBLE); else medium (ACM renews what is eligible and in use by itself).
 */
export function expirySeverity(expiry: CertificateExpiry, thresholds: Pick<RuleThresholds, 'urgentDays'>): Severity {
  if (expiry.days <= 0) return expiry.inUse ? 'critical' : 'medium';
  return expiry.days <= thresholds.urgentDays || (expiry.inUse && !expiry.autoRenewable) ? 'high' : 'medium';
}
