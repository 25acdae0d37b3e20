import { certificateExpiry, expirySeverity } from '../certificate-expiry';
import { fsbp } from '../compliance';
import type { Rule } from '../rule';

/** A certificate past its NotAfter: every TLS client that checks dates refuses it. */
export const certExpired: Rule = {
  id: 'cert-expired',
  title: 'Certificate has expired',
  assetTypes: ['certificate'],
  defaultSeverity: 'medium',
  raisedWhen: 'the certificate is past its NotAfter',
  severityCriteria: ['critical when in use (ACM InUseBy lists a resource, or a usage event was seen in the recent-usage window)'],
  exclusions: ['a certificate that was never issued (PENDING_VALIDATION, VALIDATION_TIMED_OUT, FAILED) has no NotAfter'],
  rationale:
    'Clients reject an expired certificate, so every load balancer, distribution or API that still serves it fails its TLS handshakes; an unused expired certificate is clutter that hides the ones that matter.',
  remediation: {
    text: 'Replace the certificate on every resource listed in the blast radius (request a new ACM certificate, or reimport a renewed one with the same ARN), then delete the expired certificate.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html',
  },
  compliance: [fsbp('ACM.1')],
  profiles: ['aws-foundational'],
  evaluate(asset, context) {
    const expiry = certificateExpiry(asset, context);
    if (!expiry || expiry.days > 0) return undefined;
    return {
      severity: expirySeverity(expiry, context.thresholds),
      evidence: {
        notAfter: expiry.notAfter,
        daysSinceExpiry: Math.floor(-expiry.days),
        state: asset.lifecycle.state,
        inUseBy: asset.relations.inUseBy,
        inUse: expiry.inUse,
      },
    };
  },
};
