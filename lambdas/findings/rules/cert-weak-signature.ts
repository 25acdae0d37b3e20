import { certificateDetails } from '../certificate-facts';
import { NIST_SP_800_131A } from '../compliance';
import type { Rule } from '../rule';

/** SHA-1 and MD5 (and MD2) signatures: collisions are practical, so the issuer's signature proves nothing. */
const WEAK_HASH = /(^|[^a-z0-9])(sha-?1|md5|md2)(?![0-9])/i; // SHA1withRSA, SHA1WITHRSA, ecdsa-with-SHA1, MD5withRSA

export const certWeakSignature: Rule = {
  id: 'cert-weak-signature',
  title: 'Certificate signed with SHA-1 or MD5',
  assetTypes: ['certificate'],
  defaultSeverity: 'high',
  raisedWhen: 'the certificate is signed with SHA-1 or MD5 (the leaf; the inventory does not record the chain\'s algorithms)',
  severityCriteria: [],
  exclusions: ['a certificate whose signature algorithm is unknown (no body read) is not guessed weak'],
  rationale:
    'SHA-1 and MD5 collisions let an attacker forge a certificate with the same signature; SHA-1 has been disallowed for digital signature generation since 2013 and browsers reject such certificates.',
  remediation: {
    text: 'Reissue the certificate signed with SHA-256 or stronger (ask the issuing CA, or re-sign a self-signed certificate), reimport it into the same ARN, and check the chain for SHA-1 intermediates.',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html',
  },
  compliance: [{ framework: NIST_SP_800_131A, control: '§9 Hash Functions' }],
  profiles: ['pqc-readiness'],
  evaluate(asset) {
    if (!certificateDetails(asset)) return undefined;
    const signature = asset.crypto.signatureAlgorithm;
    if (!signature || !WEAK_HASH.test(signature)) return undefined;
    return { severity: 'high', evidence: { signatureAlgorithm: signature, chainLength: certificateDetails(asset)?.chainLength ?? null } };
  },
};
