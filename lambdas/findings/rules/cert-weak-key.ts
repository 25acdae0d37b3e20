import { certificateDetails } from '../certificate-facts';
import { fsbp, NIST_SP_800_131A } from '../compliance';
import type { Rule } from '../rule';

/** NIST SP 800-131A Rev. 2 §3: RSA keys under 2048 bits and ECC under 224-bit fields are disallowed; P-256 is our floor. */
const MIN_RSA_BITS = 2048;
const MIN_EC_STRENGTH_BITS = 128; // P-256 (SP 800-57 Part 1 Table 2)

export const certWeakKey: Rule = {
  id: 'cert-weak-key',
  title: 'Certificate key is too weak',
  assetTypes: ['certificate'],
  defaultSeverity: 'high',
  raisedWhen: 'the public key is RSA below 2048 bits or an elliptic curve weaker than P-256',
  severityCriteria: [],
  exclusions: ['an unknown algorithm or curve (the classifier could not read the key) is not guessed weak'],
  rationale:
    'RSA-1024 offers about 80 bits of security and has been disallowed for signatures since 2013; clients and AWS services increasingly refuse such certificates.',
  remediation: {
    text: 'Issue a replacement with RSA 2048 or more, or ECDSA P-256/P-384 (ACM RequestCertificate KeyAlgorithm, or a new CSR for an imported certificate), move the resources in the blast radius to it, then delete this one.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html',
  },
  compliance: [fsbp('ACM.2'), { framework: NIST_SP_800_131A, control: '§3 Digital Signatures' }],
  profiles: ['aws-foundational', 'pqc-readiness'],
  evaluate(asset) {
    if (!certificateDetails(asset)) return undefined;
    const { family, keySize, curve, classicalSecurityBits, algorithm } = asset.crypto;
    const weakRsa = family === 'RSA' && keySize !== undefined && keySize < MIN_RSA_BITS;
    const weakEc = family === 'EC' && classicalSecurityBits !== undefined && classicalSecurityBits < MIN_EC_STRENGTH_BITS;
    if (!weakRsa && !weakEc) return undefined;
    return {
      severity: 'high',
      evidence: {
        algorithm,
        keySize: keySize ?? null,
        curve: curve ?? null,
        classicalSecurityBits: classicalSecurityBits ?? null,
      },
    };
  },
};
