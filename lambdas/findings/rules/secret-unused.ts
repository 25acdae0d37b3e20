import { fsbp } from '../compliance';
import { stateIn } from '../lifecycle-state';
import { DAY_MS } from '../time';
import type { Rule } from '../rule';
import { secretDetails, SECRET_PENDING_DELETION } from '../secret-facts';

/**
 * SecretsManager.3: not accessed for 90 days. LastAccessedDate is kept to the day by Secrets Manager
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html); a read seen in the event
 * stream since counts too.
 */
export const secretUnused: Rule = {
  id: 'secret-unused',
  title: 'Secret has not been used for 90 days',
  assetTypes: ['secret'],
  defaultSeverity: 'low',
  raisedWhen: 'neither LastAccessedDate nor a usage event is within 90 days (`secretUnusedDays`); a secret never accessed counts from its creation',
  severityCriteria: [],
  exclusions: ['EventBridge connection secrets (EventBridge reads them on each delivery)', 'secrets scheduled for deletion', 'a secret with no creation date and no access recorded (age unknown)'],
  rationale: 'Unused secrets are credentials nobody owns any more: they cost money, still grant access, and are rarely rotated.',
  remediation: {
    text: 'Confirm with the owners (tags) that nothing needs the secret, revoke the credential it holds at its source, then delete it with a recovery window.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
  },
  compliance: [fsbp('SecretsManager.3')],
  profiles: ['aws-foundational'],
  evaluate(asset, context) {
    const details = secretDetails(asset);
    if (!details || details.managedByEventBridge || stateIn(asset, SECRET_PENDING_DELETION)) return undefined;
    const accesses = [details.lastAccessedAt, ...context.usages.map((u) => u.lastSeen)].filter((t): t is string => t !== undefined);
    const lastUsed = accesses.sort().at(-1);
    const since = lastUsed ?? asset.lifecycle.createdAt;
    if (since === undefined) return undefined;
    const idleDays = (context.now.getTime() - Date.parse(since)) / DAY_MS;
    if (idleDays < context.thresholds.secretUnusedDays) return undefined;
    return {
      severity: 'low',
      evidence: { lastAccessedAt: details.lastAccessedAt ?? null, lastUsageEventAt: context.usages.map((u) => u.lastSeen).sort().at(-1) ?? null, createdAt: asset.lifecycle.createdAt ?? null, idleDays: Math.floor(idleDays) },
    };
  },
};
