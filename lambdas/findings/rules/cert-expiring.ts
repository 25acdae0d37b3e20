import { autoRenewable, certificateDetails, CERTIFICATE_NOT_ISSUED } from '../certificate-facts';
import { fsbp } from '../compliance';
import { certificateInUse } from '../exposure';
import { stateIn } from '../lifecycle-state';
import { daysUntil } from '../time';
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
    const details = certificateDetails(asset);
    const notAfter = asset.lifecycle.notAfter;
    if (!details || !notAfter || stateIn(asset, CERTIFICATE_NOT_ISSUED)) return undefined;
    const days = daysUntil(notAfter, context.now);
    if (days <= 0 || days > context.thresholds.certificateExpiringDays) return undefined;
    const inUse = certificateInUse(asset, context);
    const renews = autoRenewable(asset);
    const urgent = days <= context.thresholds.urgentDays;
    return {
      severity: urgent || (inUse && !renews) ? 'high' : 'medium',
      deadline: notAfter,
      evidence: {
        notAfter,
        daysToExpiry: Math.floor(days),
        certificateType: details.certificateType ?? null,
        renewalEligibility: details.renewalEligibility ?? null,
        autoRenewable: renews,
        inUseBy: asset.relations.inUseBy,
        inUse,
      },
    };
  },
};
