import type { Asset, RotationInfo, SecretDetails } from '../../inventory/asset';
import { fsbp } from '../compliance';
import { stateIn } from '../lifecycle-state';
import { DAY_MS } from '../time';
import type { Rule } from '../rule';
import type { HistoryEvent } from '../rule-context';
import { rotationManagedElsewhere, secretDetails, SECRET_PENDING_DELETION } from '../secret-facts';

/** Rotation outcomes Secrets Manager records as service events (https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudtrail_log_entries.html). */
const OUTCOMES = new Set(['RotationSucceeded', 'RotationFailed', 'RotationAbandoned']);

/** `rate(N days)` / `rate(N hours)` schedule → days; cron schedules are left to NextRotationDate. */
function rateDays(expression: string | undefined): number | undefined {
  const match = /^rate\((\d+)\s+(day|days|hour|hours)\)$/.exec(expression?.trim() ?? '');
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2].startsWith('day') ? n : n / 24;
}

/**
 * When the next rotation should have happened: NextRotationDate while no rotation was recorded since it was read,
 * otherwise the last rotation (or creation) plus the schedule's period.
 */
function expectedRotation(asset: Asset, rotation: RotationInfo, details: SecretDetails): number | undefined {
  const last = rotation.lastRotatedAt ? Date.parse(rotation.lastRotatedAt) : undefined;
  const next = rotation.nextRotationAt ? Date.parse(rotation.nextRotationAt) : undefined;
  if (next !== undefined && (last === undefined || last < next - DAY_MS)) return next;
  const period = rotation.periodDays ?? rateDays(details.rotationRules?.scheduleExpression);
  const base = last ?? (asset.lifecycle.createdAt ? Date.parse(asset.lifecycle.createdAt) : undefined);
  return period !== undefined && base !== undefined ? base + period * DAY_MS : undefined;
}

/** The newest rotation outcome in the history, if it is newer than the last successful rotation. */
function lastOutcome(history: readonly HistoryEvent[], lastRotatedAt: string | undefined): HistoryEvent | undefined {
  const outcomes = history.filter((h) => OUTCOMES.has(h.eventName)).sort((a, b) => b.at.localeCompare(a.at));
  const newest = outcomes[0];
  if (!newest || (lastRotatedAt !== undefined && Date.parse(newest.at) < Date.parse(lastRotatedAt))) return undefined;
  return newest;
}

/** SecretsManager.2 / .4: rotation is on but does not happen. */
export const secretNotRotated: Rule = {
  id: 'secret-not-rotated',
  title: 'Secret rotation is failing or overdue',
  assetTypes: ['secret'],
  defaultSeverity: 'high',
  raisedWhen: 'rotation is on but the last rotation is older than its schedule allows (after `rotationGraceDays`), or the latest rotation failed or was abandoned',
  severityCriteria: [],
  exclusions: [
    'rotation off (secret-rotation-disabled covers it)',
    'secrets managed by another service, EventBridge connection secrets and replicas',
    'secrets scheduled for deletion',
    'a cron schedule with no NextRotationDate recorded (the due time is unknown)',
  ],
  rationale:
    'A rotation that keeps failing leaves the credential unchanged while everyone believes it rotates; failed rotations can also leave the AWSPENDING version half-applied.',
  remediation: {
    text: 'Read the rotation function\'s CloudWatch logs for the failing step (createSecret, setSecret, testSecret, finishSecret), fix its permissions or network access to the database, then RotateSecret to retry.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html',
  },
  compliance: [fsbp('SecretsManager.2'), fsbp('SecretsManager.4')],
  profiles: ['aws-foundational'],
  // Rotation outcomes matter only while rotation is on.
  readsHistory: (asset) => asset.type === 'secret' && asset.lifecycle.rotation?.enabled === true,
  evaluate(asset, context) {
    const details = secretDetails(asset);
    const rotation = asset.lifecycle.rotation;
    if (!details || !rotation || rotation.enabled !== true) return undefined;
    if (rotationManagedElsewhere(asset, details) || stateIn(asset, SECRET_PENDING_DELETION)) return undefined;
    const outcome = lastOutcome(context.history, rotation.lastRotatedAt);
    const failed = outcome !== undefined && outcome.eventName !== 'RotationSucceeded';
    const expected = expectedRotation(asset, rotation, details);
    const overdue = expected !== undefined && expected + context.thresholds.rotationGraceDays * DAY_MS < context.now.getTime();
    if (!failed && !overdue) return undefined;
    return {
      severity: 'high',
      evidence: {
        lastRotatedAt: rotation.lastRotatedAt ?? null,
        nextRotationAt: rotation.nextRotationAt ?? null,
        expectedRotationBy: expected !== undefined ? new Date(expected).toISOString() : null,
        overdue,
        lastRotationOutcome: outcome ? `${outcome.eventName} at ${outcome.at}` : null,
      },
    };
  },
};
