import { keyDependents } from '../exposure';
import { stateIn } from '../lifecycle-state';
import { keyDetails } from '../key-facts';
import type { Rule } from '../rule';

/** A disabled key that something still needs: every Decrypt with it fails (DisabledException). */
export const kmsKeyDisabledInUse: Rule = {
  id: 'kms-key-disabled-in-use',
  title: 'Disabled KMS key is still needed',
  assetTypes: ['key'],
  defaultSeverity: 'high',
  raisedWhen: 'the key is Disabled and secrets or parameters are encrypted with it, or it was used in the recent-usage window (30 days)',
  severityCriteria: [],
  exclusions: ['a disabled key nothing uses or depends on (disabling before deletion is the recommended practice)'],
  rationale:
    'A disabled key cannot be used in cryptographic operations, so every secret, parameter or resource encrypted with it is unreadable until the key is enabled again.',
  remediation: {
    text: 'Enable the key (EnableKey) if the resources in the blast radius still need it; otherwise re-encrypt them under another key before leaving this one disabled.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html',
  },
  compliance: [],
  profiles: [],
  evaluate(asset, context) {
    if (!keyDetails(asset) || !stateIn(asset, ['Disabled'])) return undefined;
    const dependents = keyDependents(context);
    if (dependents.recentUsers === 0 && dependents.encryptedAssets === 0) return undefined;
    return {
      severity: 'high',
      evidence: { state: asset.lifecycle.state, recentUsers: dependents.recentUsers, encryptedAssets: dependents.encryptedAssets },
    };
  },
};
