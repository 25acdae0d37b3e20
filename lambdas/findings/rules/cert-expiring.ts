import { certificateExpiry, expirySeverity } from '../certificate-expiry';
import { fsbp } from '../compliance';
import type { Rule } from '../rule';

/** NotAfter within the threshold (default 30 days, Security Hub ACM.1's default `daysToExpiration`). */
export const certExpiring: Rule = {
  id: 'cert-expiring',
  title: 'Certificate expires soon',
  assetTypes: ['certificate'],
  defaultSeverity: 'medium',
  raisedWhen: 'NotAfter is within 30 days (threshold `certificateExpiringDays`)',
  severityCriteria: [
    'high when 7 days or fewer remain (`urgentDays`)',
    'high when in use and ACM will not renew it by itself (imported, or RenewalEligibility not ELIGIBLE)',
  ],
  exclusions: ['a certificate that was never issued has no NotAfter', 'an expired certificate is cert-expired instead'],
  rationale:
    'An expiring certificate takes down what uses it on the day it expires; imported certificates and certificates ACM cannot renew need someone to act before then.',
  remediation: {
    text: 'For an imported certificate, get a renewed certificate from its issuer and reimport it into the same ARN; for an ACM certificate, make sure it is in use and its domain validation still succeeds so managed renewal can complete.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/acm-renewal.html',
  },
  compliance: [fsbp('ACM.1')],
  profiles: ['aws-foundational'],
  evaluate(asset, context) {
    const expiry = certificateExpiry(asset, context);
    if (!expiry || expiry.days <= 0 || expiry.days > context.thresholds.certificateExpiringDays) return undefined;
    return {
      severity: expirySeverity(expiry, context.thresholds),
      deadline: expiry.notAfter,
      evidence: {
        notAfter: expiry.notAfter,
        daysToExpiry: Math.floor(expiry.days),
        certificateType: expiry.details.certificateType ?? null,
        renewalEligibility: expiry.details.renewalEligibility ?? null,
        autoRenewable: expiry.autoRenewable,
        inUseBy: asset.relations.inUseBy,
        inUse: expiry.inUse,
      },
    };
  },
};
