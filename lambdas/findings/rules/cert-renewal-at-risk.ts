import { certificateDetails } from '../certificate-facts';
import { certificateInUse } from '../exposure';
import { stateIn } from '../lifecycle-state';
import type { Rule } from '../rule';

/** RenewalSummary.RenewalStatus values that mean managed renewal is not going to happen by itself. */
const STALLED = ['FAILED', 'PENDING_VALIDATION'];

/**
 * An Amazon-issued certificate ACM will not renew: RenewalEligibility INELIGIBLE, or a renewal that failed or waits
 * for domain validation (https://docs.aws.amazon.com/acm/latest/userguide/check-certificate-renewal-status.html).
 */
export const certRenewalAtRisk: Rule = {
  id: 'cert-renewal-at-risk',
  title: 'Certificate managed renewal is at risk',
  assetTypes: ['certificate'],
  defaultSeverity: 'high',
  raisedWhen: 'an issued Amazon-issued certificate is INELIGIBLE for renewal, or its managed renewal FAILED or is PENDING_VALIDATION',
  severityCriteria: [
    'low when the only signal is INELIGIBLE and nothing uses it: ACM renews only certificates associated with a service, so an unused certificate is expected to be ineligible',
  ],
  exclusions: [
    'a certificate still waiting for its first validation (status PENDING_VALIDATION) is not a renewal',
    'imported and private certificates have no RenewalSummary (ACM does not renew imported certificates)',
  ],
  rationale:
    'ACM renews Amazon-issued certificates only while they are in use and their domains still validate; when it cannot, the certificate expires under the resources that use it without anyone being asked.',
  remediation: {
    text: 'Check the renewal status and reason in the ACM console; restore the DNS validation CNAME (or answer the validation email), and keep the certificate associated with the resource that needs it.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/troubleshooting-renewal.html',
  },
  compliance: [],
  profiles: [],
  evaluate(asset, context) {
    const details = certificateDetails(asset);
    if (!details || details.certificateType !== 'AMAZON_ISSUED' || !stateIn(asset, ['ISSUED'])) return undefined;
    const ineligible = details.renewalEligibility === 'INELIGIBLE';
    const stalled = details.renewalStatus !== undefined && STALLED.includes(details.renewalStatus);
    if (!ineligible && !stalled) return undefined;
    const inUse = certificateInUse(asset, context);
    return {
      severity: !stalled && !inUse ? 'low' : 'high',
      ...(asset.lifecycle.notAfter ? { deadline: asset.lifecycle.notAfter } : {}),
      evidence: {
        renewalEligibility: details.renewalEligibility ?? null,
        renewalStatus: details.renewalStatus ?? null,
        renewalStatusReason: details.renewalStatusReason ?? null,
        notAfter: asset.lifecycle.notAfter ?? null,
        inUseBy: asset.relations.inUseBy,
        inUse,
      },
    };
  },
};
