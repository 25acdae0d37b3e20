import { formatArn, parseArn } from '../../lambdas/shared/arn';

describe('parseArn', () => {
  it.each([
    [
      'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      { partition: 'aws', service: 'kms', region: 'eu-west-1', accountId: '123456789012', resource: 'key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    ],
    // the resource part keeps its own colons (Secrets Manager, execute-api)
    [
      'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db/pass-AbC123',
      { partition: 'aws-cn', service: 'secretsmanager', region: 'cn-north-1', accountId: '123456789012', resource: 'secret:db/pass-AbC123' },
    ],
    // global resources have an empty Region
    ['arn:aws:iam::123456789012:role/Admin', { partition: 'aws', service: 'iam', region: '', accountId: '123456789012', resource: 'role/Admin' }],
  ])('splits %s into its five fields', (arn, expected) => {
    expect(parseArn(arn)).toEqual(expected);
    expect(formatArn(expected)).toBe(arn);
  });

  it.each(['', 'key/abc', 'arn:aws:kms:eu-west-1', 'urn:aws:kms:eu-west-1:123456789012:key/x'])('rejects %j', (value) => {
    expect(parseArn(value)).toBeUndefined();
  });
});
