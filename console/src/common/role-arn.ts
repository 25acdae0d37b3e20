/**
 * The role ARN the customer pastes after deploying the template (its output AQtiveGuardRoleArn), checked as they type.
 * Accepts what the API accepts (lambdas/api/schemas.ts ROLE_ARN_PATTERN: any role name and path) and says in words
 * what is wrong; IAM's name rules: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
const NAME = /^[\w+=,.@-]{1,64}$/;
const PATH_SEGMENT = /^[\w+=,.@-]+$/;

/** undefined when the ARN is usable, otherwise what to fix. */
export function roleArnProblem(input: string): string | undefined {
  const arn = input.trim();
  if (arn === '') return 'Enter the role ARN from the stack output AQtiveGuardRoleArn.';
  if (arn !== input) return 'Remove the spaces before or after the ARN.';
  if (!arn.startsWith('arn:')) return 'A role ARN starts with "arn:", e.g. arn:aws:iam::123456789012:role/AQtiveGuardReadOnlyAccessRole.';
  const parts = arn.split(':');
  if (parts.length !== 6) return 'A role ARN has six parts separated by colons: arn:aws:iam::<account>:role/<name>.';
  const [, partition, service, region, account, resource] = parts;
  if (!/^aws[a-z-]*$/.test(partition)) return `"${partition}" is not an AWS partition (expected aws, aws-cn or aws-us-gov).`;
  if (service !== 'iam') return `This is an ARN of ${service || 'no service'}, not of an IAM role (expected "iam" after the partition).`;
  if (region !== '') return 'IAM ARNs have no region: leave it empty (arn:aws:iam::…).';
  if (!/^\d{12}$/.test(account)) return `The account id must be 12 digits${account ? ` (got "${account}")` : ''}.`;
  if (!resource.startsWith('role/')) return `This ARN names a ${resource.split('/')[0] || 'resource'}, not a role (expected "role/<name>").`;
  const segments = resource.slice('role/'.length).split('/');
  const name = segments.pop() ?? '';
  if (name === '') return 'The role name is missing after "role/".';
  if (!NAME.test(name)) {
    return name.length > 64
      ? `The role name is ${name.length} characters long; IAM allows at most 64.`
      : 'The role name may contain only letters, digits and + = , . @ _ -.';
  }
  if (segments.some((s) => !PATH_SEGMENT.test(s))) return 'The role path may contain only letters, digits and + = , . @ _ - between slashes.';
  return undefined;
}

/** The 12-digit account of a valid role ARN. */
export function accountOfRoleArn(arn: string): string | undefined {
  return roleArnProblem(arn) === undefined ? arn.split(':')[4] : undefined;
}
