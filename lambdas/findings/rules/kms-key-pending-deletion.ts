import { fsbp } from '../compliance';
import { keyDependents } from '../exposure';
import { stateIn } from '../lifecycle-state';
import { KEY_PENDING_DELETION, keyDetails } from '../key-facts';
import type { Rule } from '../rule';

/** KMS.3: a key scheduled for deletion; once deleted, whatever it encrypted is unrecoverable. */
export const kmsKeyPendingDeletion: Rule = {
  id: 'kms-key-pending-deletion',
  title: 'KMS key is scheduled for deletion',
  assetTypes: ['key'],
  defaultSeverity: 'medium',
  raisedWhen: 'the key is in PendingDeletion (or PendingReplicaDeletion)',
  severityCriteria: [
    'critical when anything still depends on it: usage in the recent-usage window (30 days), a secret or parameter encrypted with it, or a replica',
  ],
  exclusions: [],
  rationale:
    'Deleting a KMS key is irreversible: data, secrets and parameters encrypted with it can never be decrypted again. Until the waiting period ends the deletion can be cancelled.',
  remediation: {
    text: 'If anything in the blast radius still needs the key, cancel the deletion (CancelKeyDeletion, then EnableKey); otherwise re-encrypt or retire those resources before the deletion date.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  },
  compliance: [fsbp('KMS.3')],
  profiles: ['aws-foundational'],
  evaluate(asset, context) {
    if (!keyDetails(asset) || !stateIn(asset, KEY_PENDING_DELETION)) return undefined;
    const dependents = keyDependents(context);
    const deletionDate = asset.lifecycle.deletionDate;
    return {
      severity: dependents.any ? 'critical' : 'medium',
      ...(deletionDate ? { deadline: deletionDate } : {}),
      evidence: {
        state: asset.lifecycle.state,
        deletionDate: deletionDate ?? null,
        recentUsers: dependents.recentUsers,
        encryptedAssets: dependents.encryptedAssets,
        replicas: dependents.replicas,
      },
    };
  },
};
