import { fsbp } from '../compliance';
import { stateIn } from '../lifecycle-state';
import { keyDetails, rotationConfigurable } from '../key-facts';
import type { Rule } from '../rule';

/** KMS.4: automatic rotation off on a key that supports it. */
export const kmsRotationDisabled: Rule = {
  id: 'kms-rotation-disabled',
  title: 'KMS key rotation is disabled',
  assetTypes: ['key'],
  defaultSeverity: 'medium',
  raisedWhen: 'a customer-managed symmetric encryption key with KMS-generated material is Enabled and automatic rotation is off',
  severityCriteria: [],
  exclusions: [
    'AWS managed keys (they rotate every year, always)',
    'asymmetric, HMAC, imported-material and custom-key-store keys (automatic rotation does not exist for them)',
    'multi-Region replicas (rotation is set on the primary)',
    'disabled or pending-deletion keys (they do not rotate whatever the setting)',
    'keys whose rotation status could not be read (unknown is not off)',
  ],
  rationale:
    'Automatic rotation limits how much data one key version protects; without it the same key material encrypts everything for the key\'s whole life.',
  remediation: {
    text: 'Enable automatic rotation (EnableKeyRotation, optionally with RotationPeriodInDays between 90 and 2560); existing ciphertexts stay decryptable.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  },
  compliance: [fsbp('KMS.4')],
  profiles: ['aws-foundational'],
  evaluate(asset) {
    const details = keyDetails(asset);
    if (!details || !rotationConfigurable(details) || !stateIn(asset, ['Enabled'])) return undefined;
    if (asset.lifecycle.rotation?.enabled !== false) return undefined;
    return { severity: 'medium', evidence: { rotationEnabled: false, keySpec: details.keySpec, origin: details.origin, keyManager: details.keyManager } };
  },
};
