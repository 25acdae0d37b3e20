import { keyDependents } from '../exposure';
import { stateIn } from '../lifecycle-state';
import { daysUntil } from '../time';
import { keyDetails } from '../key-facts';
import type { Rule } from '../rule';

/**
 * Imported key material with an expiry: when ValidTo passes, KMS deletes the material and the key becomes unusable
 * (state PendingImport). The asset records ValidTo as `lifecycle.notAfter`
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html, ValidTo).
 */
export const kmsImportedMaterialExpiring: Rule = {
  id: 'kms-imported-material-expiring',
  title: 'Imported KMS key material expires soon',
  assetTypes: ['key'],
  defaultSeverity: 'high',
  raisedWhen: 'an EXTERNAL-origin key\'s material ValidTo is within 30 days (threshold `importedMaterialExpiringDays`)',
  severityCriteria: ['critical when 7 days or fewer remain and something depends on the key (recent use, encrypted assets, replicas)'],
  exclusions: [
    'KMS-generated material never expires',
    'material already expired (the key is PendingImport and unusable: no longer "expiring")',
    'keys pending deletion (kms-key-pending-deletion covers them)',
  ],
  rationale:
    'When imported material expires, KMS deletes it and every operation with the key fails until the same material is imported again, which needs the original copy kept outside AWS.',
  remediation: {
    text: 'Reimport the same key material with a later ValidTo (GetParametersForImport, then ImportKeyMaterial), or with ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html',
  },
  compliance: [],
  profiles: [],
  evaluate(asset, context) {
    const details = keyDetails(asset);
    const validTo = asset.lifecycle.notAfter;
    if (!details || details.origin !== 'EXTERNAL' || !validTo) return undefined;
    if (stateIn(asset, ['PendingImport', 'PendingDeletion', 'PendingReplicaDeletion'])) return undefined;
    const days = daysUntil(validTo, context.now);
    if (days <= 0 || days > context.thresholds.importedMaterialExpiringDays) return undefined;
    const dependents = keyDependents(context);
    return {
      severity: days <= context.thresholds.urgentDays && dependents.any ? 'critical' : 'high',
      deadline: validTo,
      evidence: { origin: details.origin, validTo, daysToExpiry: Math.floor(days), state: asset.lifecycle.state },
    };
  },
};
