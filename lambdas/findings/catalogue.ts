import type { ProfileFilter } from './finding';
import type { Rule } from './rule';
import { certExpired } from './rules/cert-expired';
import { certExpiring } from './rules/cert-expiring';
import { certRenewalAtRisk } from './rules/cert-renewal-at-risk';
import { certWeakKey } from './rules/cert-weak-key';
import { certWeakSignature } from './rules/cert-weak-signature';
import { kmsImportedMaterialExpiring } from './rules/kms-imported-material-expiring';
import { kmsKeyDisabledInUse } from './rules/kms-key-disabled-in-use';
import { kmsKeyPendingDeletion } from './rules/kms-key-pending-deletion';
import { kmsRotationDisabled } from './rules/kms-rotation-disabled';
import { quantumVulnerable } from './rules/quantum-vulnerable';
import { secretNotRotated } from './rules/secret-not-rotated';
import { secretRotationDisabled } from './rules/secret-rotation-disabled';
import { secretUnused } from './rules/secret-unused';

/**
 * Version of the rule set. Bump it when a rule is added or removed or its condition or severity criteria change,
 * so stored findings say which catalogue judged them.
 */
export const CATALOGUE_VERSION = '2026-12-03.1';

/** Every rule, in catalogue order (certificates, keys, secrets, then cross-cutting). */
export const RULES: readonly Rule[] = [
  certExpired,
  certExpiring,
  certRenewalAtRisk,
  certWeakKey,
  certWeakSignature,
  kmsKeyPendingDeletion,
  kmsKeyDisabledInUse,
  kmsRotationDisabled,
  kmsImportedMaterialExpiring,
  secretRotationDisabled,
  secretNotRotated,
  secretUnused,
  quantumVulnerable,
];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The rules of a profile (`all` = every rule). */
export function rulesOfProfile(profile: ProfileFilter): Rule[] {
  return profile === 'all' ? [...RULES] : RULES.filter((r) => r.profiles.includes(profile));
}
