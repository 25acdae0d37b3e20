import fc from 'fast-check';
import { ROLE_ARN_PATTERN } from '../../lambdas/api/schemas';
import { accountOfRoleArn, roleArnProblem } from '../../console/src/common/role-arn';

describe('roleArnProblem (the console checks the role ARN as it is typed)', () => {
  it.each([
    'arn:aws:iam::123456789012:role/AQtiveGuardReadOnlyAccessRole',
    'arn:aws-us-gov:iam::123456789012:role/path/to/My.Role@x',
    'arn:aws-cn:iam::123456789012:role/a',
  ])('accepts %s', (arn) => {
    expect(roleArnProblem(arn)).toBeUndefined();
  });

  it.each([
    ['', 'Enter the role ARN'],
    [' arn:aws:iam::123456789012:role/R', 'Remove the spaces'],
    ['aws:iam::123456789012:role/R', 'starts with "arn:"'],
    ['arn:aws:iam:123456789012:role/R', 'six parts'],
    ['arn:azure:iam::123456789012:role/R', 'not an AWS partition'],
    ['arn:aws:s3:::bucket', 'not of an IAM role'],
    ['arn:aws:iam:us-east-1:123456789012:role/R', 'no region'],
    ['arn:aws:iam::12345:role/R', '12 digits (got "12345")'],
    ['arn:aws:iam::123456789012:user/R', 'names a user, not a role'],
    ['arn:aws:iam::123456789012:role/', 'role name is missing'],
    [`arn:aws:iam::123456789012:role/${'x'.repeat(65)}`, '65 characters long'],
    ['arn:aws:iam::123456789012:role/bad name', 'may contain only'],
    ['arn:aws:iam::123456789012:role/a b/R', 'role path may contain only'],
  ])('explains what is wrong with %j', (arn, words) => {
    expect(roleArnProblem(arn)).toContain(words);
  });

  it('accepts exactly what the API accepts (lambdas/api/schemas.ts ROLE_ARN_PATTERN)', () => {
    const piece = (...options: string[]) => fc.constantFrom(...options);
    const arn = fc
      .tuple(
        piece('arn', 'arn ', 'urn'),
        piece('aws', 'aws-cn', 'azure', ''),
        piece('iam', 's3', ''),
        piece('', 'us-east-1'),
        piece('123456789012', '1234', 'abcdefghijkl', ''),
        piece('role/', 'user/', 'role/p/', 'role//', ''),
        fc.stringMatching(/^[\w+=,.@ :/-]{0,70}$/),
      )
      .map(([a, p, s, r, acct, res, name]) => `${a}:${p}:${s}:${r}:${acct}:${res}${name}`);
    fc.assert(
      fc.property(arn, (candidate) => {
        expect(roleArnProblem(candidate) === undefined).toBe(ROLE_ARN_PATTERN.test(candidate));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the account of a valid ARN only', () => {
    expect(accountOfRoleArn('arn:aws:iam::123456789012:role/R')).toBe('123456789012');
    expect(accountOfRoleArn('arn:aws:iam::123:role/R')).toBeUndefined();
  });
});
