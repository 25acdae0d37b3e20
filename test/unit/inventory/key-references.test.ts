import { aliasIndexFromKeyAssets, emptyAliasIndex, resolveKeyReferences, resolveKmsKeyRef } from '../../../lambdas/inventory/key-references';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';

const scope = { partition: 'aws', region: 'eu-west-1', accountId: '111122223333' };
const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:eu-west-1:111122223333:key/${KEY}`;
const MANAGED_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/0000aaaa-12ab-34cd-56ef-1234567890ab';

const keyAsset = (arn: string, aliases: string[]) =>
  ({ type: 'key', arn, region: 'eu-west-1', relations: { inUseBy: [], aliases } }) as Pick<DiscoveredAsset, 'type' | 'arn' | 'region' | 'relations'>;

const index = aliasIndexFromKeyAssets(scope, [keyAsset(KEY_ARN, ['alias/app']), keyAsset(MANAGED_ARN, ['alias/aws/secretsmanager', 'alias/aws/ssm'])]);

describe('resolveKmsKeyRef', () => {
  test.each([
    ['key ARN as is', KEY_ARN, KEY_ARN],
    ['bare key id: no lookup needed', KEY, KEY_ARN],
    ['multi-Region key id', 'mrk-1234abcd12ab34cd56ef1234567890ab', 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab'],
    ['alias name', 'alias/app', KEY_ARN],
    ['alias ARN', 'arn:aws:kms:eu-west-1:111122223333:alias/app', KEY_ARN],
    ['implicit Secrets Manager default', 'alias/aws/secretsmanager', MANAGED_ARN],
    ['implicit SSM default', 'alias/aws/ssm', MANAGED_ARN],
    ['unknown alias', 'alias/nope', undefined],
    ['alias ARN of another account', 'arn:aws:kms:eu-west-1:999999999999:alias/app', undefined],
    ['cross-account key ARN', 'arn:aws:kms:eu-west-1:999999999999:key/abc', 'arn:aws:kms:eu-west-1:999999999999:key/abc'],
  ])('%s', (_name, ref, expected) => expect(resolveKmsKeyRef(ref, index)).toBe(expected));

  test('the bare id uses the index partition', () => {
    expect(resolveKmsKeyRef(KEY, emptyAliasIndex({ ...scope, partition: 'aws-cn', region: 'cn-north-1' }))).toBe(`arn:aws-cn:kms:cn-north-1:111122223333:key/${KEY}`);
  });
});

describe('resolveKeyReferences', () => {
  const secret = { type: 'secret', relations: { inUseBy: [], kmsKeyRef: 'alias/aws/secretsmanager' } } as unknown as DiscoveredAsset;
  test('resolved: kmsKeyArn set, raw ref dropped', () => {
    expect(resolveKeyReferences(secret, index).relations).toEqual({ inUseBy: [], kmsKeyArn: MANAGED_ARN });
  });
  test('unresolvable: raw ref kept, kmsKeyArn unset', () => {
    expect(resolveKeyReferences(secret, emptyAliasIndex(scope))).toBe(secret);
  });
  test('keys of other Regions do not leak into the index', () => {
    const other = aliasIndexFromKeyAssets(scope, [{ ...keyAsset(KEY_ARN, ['alias/x']), region: 'us-east-1' }]);
    expect(other.keyArnByAlias.size).toBe(0);
  });
});
