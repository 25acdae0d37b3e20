import { CERTIFICATE_NOT_ISSUED, CERTIFICATE_RETIRED } from '../certificate-facts';
import { CNSA_2_0, NIST_IR_8547 } from '../compliance';
import { exposedUsers } from '../exposure';
import { stateIn } from '../lifecycle-state';
import { KEY_PENDING_DELETION } from '../key-facts';
import type { Rule } from '../rule';

/**
 * RSA, ECDSA/ECDH, EdDSA and SM2 keys fall to Shor's algorithm (NIST IR 8547: 112-bit-strength RSA/ECC deprecated
 * after 2030, all disallowed after 2035); the crypto classifier marks them `quantumVulnerable: true`
 * (lambdas/crypto/algorithm-table.ts).
 */
export const quantumVulnerable: Rule = {
  id: 'quantum-vulnerable',
  title: 'Quantum-vulnerable public-key algorithm',
  assetTypes: ['key', 'certificate'],
  defaultSeverity: 'medium',
  raisedWhen: 'a KMS key or certificate uses RSA, elliptic-curve (ECDSA/ECDH/EdDSA) or SM2 keys',
  severityCriteria: [
    'high when used by a network-facing resource (CloudFront distribution, API Gateway domain name, load balancer)',
    'high when long-lived: a certificate valid past 2030-01-01 (`quantumDeprecationDate`), or any KMS key (KMS key material does not expire)',
  ],
  exclusions: [
    'post-quantum (ML-DSA) keys, symmetric (AES) and HMAC keys',
    'algorithms the classifier could not identify (unknown is not vulnerable)',
    'certificates never issued or no longer in service (expired, revoked, inactive) and keys pending deletion',
  ],
  rationale:
    'A quantum computer able to run Shor\'s algorithm breaks these keys: recorded TLS sessions and data encrypted today can be decrypted later (harvest now, decrypt later), and signatures forged. NIST deprecates them after 2030.',
  remediation: {
    text: 'Inventory where the key or certificate is used (blast radius) and plan its migration: ML-DSA KMS keys for signing, hybrid post-quantum TLS (ML-KEM) on the endpoints; prefer short-lived certificates until then.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html',
  },
  compliance: [
    { framework: NIST_IR_8547, control: '§4 Quantum-vulnerable digital signatures and key establishment (deprecated 2030, disallowed 2035)' },
    { framework: CNSA_2_0, control: 'Quantum-resistant algorithms (ML-KEM, ML-DSA) by 2030–2033' },
  ],
  profiles: ['pqc-readiness'],
  evaluate(asset, context) {
    if (asset.crypto.quantumVulnerable !== true || (asset.type !== 'key' && asset.type !== 'certificate')) return undefined;
    if (asset.type === 'certificate' && stateIn(asset, [...CERTIFICATE_NOT_ISSUED, ...CERTIFICATE_RETIRED])) return undefined;
    if (asset.type === 'key' && stateIn(asset, KEY_PENDING_DELETION)) return undefined;
    const exposed = exposedUsers(asset, context);
    const deprecation = Date.parse(context.thresholds.quantumDeprecationDate);
    const notAfter = asset.lifecycle.notAfter;
    const longLived = asset.type === 'key' || (notAfter !== undefined && Date.parse(notAfter) > deprecation);
    return {
      severity: exposed.length > 0 || longLived ? 'high' : 'medium',
      evidence: {
        algorithm: asset.crypto.algorithm,
        family: asset.crypto.family,
        keyUsage: asset.crypto.keyUsage ?? [],
        exposedUsers: exposed,
        longLived,
        validUntil: notAfter ?? null,
      },
    };
  },
};
