import { fsbp } from '../compliance';
import { stateIn } from '../lifecycle-state';
import type { Rule } from '../rule';
import { rotationManagedElsewhere, secretDetails, SECRET_PENDING_DELETION } from '../secret-facts';

/**
 * SecretsManager.1: no automatic rotation. `RotationEnabled` absent means never configured, i.e. not rotating
 * ("If the secret has never been configured for rotation, Secrets Manager returns null":
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html).
 */
export const secretRotationDisabled: Rule = {
  id: 'secret-rotation-disabled',
  title: 'Secret has no automatic rotation',
  assetTypes: ['secret'],
  defaultSeverity: 'medium',
  raisedWhen: 'automatic rotation is off or was never configured',
  severityCriteria: [],
  exclusions: [
    'secrets managed by another service (OwningService, e.g. RDS) and EventBridge connection secrets',
    'replicas (rotation is configured on the primary secret)',
    'secrets scheduled for deletion',
  ],
  rationale: 'A secret that never changes stays valid for anyone who ever read or leaked it; rotation bounds that window.',
  remediation: {
    text: 'Turn on automatic rotation with a rotation function (or managed rotation where the service offers it) and a schedule that fits the credential.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  compliance: [fsbp('SecretsManager.1')],
  profiles: ['aws-foundational'],
  evaluate(asset) {
    const details = secretDetails(asset);
    if (!details || rotationManagedElsewhere(asset, details) || stateIn(asset, SECRET_PENDING_DELETION)) return undefined;
    const enabled = asset.lifecycle.rotation?.enabled;
    if (enabled === true) return undefined;
    return { severity: 'medium', evidence: { rotationEnabled: enabled ?? null, rotationLambdaArn: details.rotationLambdaArn ?? null } };
  },
};
