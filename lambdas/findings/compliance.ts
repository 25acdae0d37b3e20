import type { ComplianceReference } from './finding';

/**
 * Frameworks the rules map to, spelled once:
 * - AWS Foundational Security Best Practices (Security Hub controls, e.g.
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html)
 * - NIST SP 800-131A Rev. 2, Transitioning the Use of Cryptographic Algorithms and Key Lengths
 *   (https://doi.org/10.6028/NIST.SP.800-131Ar2)
 * - NIST IR 8547 (ipd), Transition to Post-Quantum Cryptography Standards (https://doi.org/10.6028/NIST.IR.8547.ipd)
 * - CNSA 2.0, NSA Commercial National Security Algorithm Suite 2.0
 *   (https://media.defense.gov/2022/Sep/07/2003071834/-1/-1/0/CSA_CNSA_2.0_ALGORITHMS_.PDF)
 */
export const FSBP = 'AWS Foundational Security Best Practices';
export const NIST_SP_800_131A = 'NIST SP 800-131A Rev. 2';
export const NIST_IR_8547 = 'NIST IR 8547';
export const CNSA_2_0 = 'CNSA 2.0';

export const fsbp = (control: string): ComplianceReference => ({ framework: FSBP, control });
