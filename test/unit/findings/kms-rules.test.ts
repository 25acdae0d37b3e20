import { ruleContext, type AssetRelations, type RelatedAsset } from '../../../lambdas/findings/rule-context';
import { kmsImportedMaterialExpiring } from '../../../lambdas/findings/rules/kms-imported-material-expiring';
import { kmsKeyDisabledInUse } from '../../../lambdas/findings/rules/kms-key-disabled-in-use';
import { kmsKeyPendingDeletion } from '../../../lambdas/findings/rules/kms-key-pending-deletion';
import { kmsRotationDisabled } from '../../../lambdas/findings/rules/kms-rotation-disabled';
import { APP_ROLE, awsManagedKey, days, key, NOW, parameter, secret, usage } from './finding-fixtures';

const ctx = (relations: Partial<AssetRelations> = {}) => ruleContext(NOW, relations);
const related = (asset: { arn: string; type: RelatedAsset['type']; region: string }): RelatedAsset => ({ arn: asset.arn, type: asset.type, region: asset.region });

describe('kms-key-pending-deletion', () => {
  const retiring = key({ keyId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', lifecycle: { state: 'PendingDeletion', deletionDate: days(5), rotation: { applicable: true, enabled: false } } });

  test('critical while a secret is still encrypted with it, due at the deletion date', () => {
    const protectedSecret = secret({ name: 'prod/api-key', kmsKeyArn: retiring.arn });
    expect(kmsKeyPendingDeletion.evaluate(retiring, ctx({ encryptedAssets: [related(protectedSecret)] }))).toEqual({
      severity: 'critical',
      deadline: days(5),
      evidence: { state: 'PendingDeletion', deletionDate: days(5), recentUsers: 0, encryptedAssets: 1, replicas: 0 },
    });
  });

  test('critical when used in the last 30 days, or when it has replicas', () => {
    expect(kmsKeyPendingDeletion.evaluate(retiring, ctx({ usages: [usage(retiring, APP_ROLE, 'iam-role', days(-3))] }))?.severity).toBe('critical');
    const replica = key({ region: 'us-east-1', keyId: retiring.arn.split('/').pop() });
    expect(kmsKeyPendingDeletion.evaluate(retiring, ctx({ replicas: [related(replica)] }))?.severity).toBe('critical');
  });

  test('medium when nothing depends on it (a usage 60 days old is not recent)', () => {
    expect(kmsKeyPendingDeletion.evaluate(retiring, ctx({ usages: [usage(retiring, APP_ROLE, 'iam-role', days(-60))] }))?.severity).toBe('medium');
  });

  test('PendingReplicaDeletion counts (a primary waiting for its replicas, no deletion date yet)', () => {
    const primary = key({ lifecycle: { state: 'PendingReplicaDeletion' }, details: { multiRegion: true, multiRegionKeyType: 'PRIMARY' } });
    expect(kmsKeyPendingDeletion.evaluate(primary, ctx())).toEqual({
      severity: 'medium',
      evidence: expect.objectContaining({ state: 'PendingReplicaDeletion', deletionDate: null }),
    });
  });

  test('does not fire on enabled or disabled keys', () => {
    expect(kmsKeyPendingDeletion.evaluate(key(), ctx())).toBeUndefined();
    expect(kmsKeyPendingDeletion.evaluate(key({ lifecycle: { state: 'Disabled' } }), ctx())).toBeUndefined();
  });
});

describe('kms-key-disabled-in-use', () => {
  const disabled = key({ lifecycle: { state: 'Disabled' } });

  test('fires high when a parameter is encrypted with it', () => {
    const param = parameter('/app/db/url', disabled.arn);
    expect(kmsKeyDisabledInUse.evaluate(disabled, ctx({ encryptedAssets: [related(param)] }))).toEqual({
      severity: 'high',
      evidence: { state: 'Disabled', recentUsers: 0, encryptedAssets: 1 },
    });
  });

  test('fires when it was used recently (a Decrypt attempt 2 days ago)', () => {
    expect(kmsKeyDisabledInUse.evaluate(disabled, ctx({ usages: [usage(disabled, APP_ROLE, 'iam-role', days(-2))] }))?.severity).toBe('high');
  });

  test('does not fire on a disabled key nothing depends on, nor on an enabled key in use', () => {
    expect(kmsKeyDisabledInUse.evaluate(disabled, ctx({ usages: [usage(disabled, APP_ROLE, 'iam-role', days(-120))] }))).toBeUndefined();
    const enabled = key();
    expect(kmsKeyDisabledInUse.evaluate(enabled, ctx({ usages: [usage(enabled, APP_ROLE, 'iam-role', days(-1))] }))).toBeUndefined();
  });
});

describe('kms-rotation-disabled', () => {
  test('fires medium on an enabled customer-managed symmetric key with rotation off (DisableKeyRotation)', () => {
    const legacy = key({ lifecycle: { rotation: { applicable: true, enabled: false } } });
    expect(kmsRotationDisabled.evaluate(legacy, ctx())).toEqual({
      severity: 'medium',
      evidence: { rotationEnabled: false, keySpec: 'SYMMETRIC_DEFAULT', origin: 'AWS_KMS', keyManager: 'CUSTOMER' },
    });
  });

  test('does not fire with rotation on, or unknown (GetKeyRotationStatus denied)', () => {
    expect(kmsRotationDisabled.evaluate(key(), ctx())).toBeUndefined();
    expect(kmsRotationDisabled.evaluate(key({ lifecycle: { rotation: { applicable: true, enabled: null } } }), ctx())).toBeUndefined();
  });

  test('AWS managed keys have no rotation finding', () => {
    const managed = awsManagedKey();
    expect(kmsRotationDisabled.evaluate({ ...managed, lifecycle: { ...managed.lifecycle, rotation: { applicable: true, enabled: false } } }, ctx())).toBeUndefined();
  });

  test.each([
    ['asymmetric RSA signing', { keySpec: 'RSA_2048' }],
    ['asymmetric EC', { keySpec: 'ECC_NIST_P256' }],
    ['HMAC', { keySpec: 'HMAC_256' }],
    ['ML-DSA', { keySpec: 'ML_DSA_65' }],
  ])('%s keys cannot rotate automatically: no finding', (_name, o) => {
    const asset = key({ ...o, lifecycle: { rotation: { applicable: false, enabled: false } } });
    expect(kmsRotationDisabled.evaluate(asset, ctx())).toBeUndefined();
  });

  test.each([
    ['imported material', { details: { origin: 'EXTERNAL' } }],
    ['custom key store', { details: { origin: 'AWS_CLOUDHSM', customKeyStoreId: 'cks-1234567890abcdef0' } }],
    ['multi-Region replica', { details: { multiRegion: true, multiRegionKeyType: 'REPLICA' } }],
    ['disabled', { lifecycle: { state: 'Disabled' } }],
    ['pending deletion', { lifecycle: { state: 'PendingDeletion', deletionDate: days(7) } }],
  ])('%s: no finding', (_name, o: Parameters<typeof key>[0]) => {
    const asset = key({ ...o, lifecycle: { ...o?.lifecycle, rotation: { applicable: true, enabled: false } } });
    expect(kmsRotationDisabled.evaluate(asset, ctx())).toBeUndefined();
  });
});

describe('kms-imported-material-expiring', () => {
  const byok = (validTo: string | undefined, state = 'Enabled') =>
    key({ keyId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', details: { origin: 'EXTERNAL', description: 'Imported key material (BYOK)' }, lifecycle: { state, notAfter: validTo, rotation: { applicable: false, enabled: null } } });

  test('fires high 20 days before ValidTo, due at ValidTo', () => {
    expect(kmsImportedMaterialExpiring.evaluate(byok(days(20)), ctx())).toEqual({
      severity: 'high',
      deadline: days(20),
      evidence: { origin: 'EXTERNAL', validTo: days(20), daysToExpiry: 20, state: 'Enabled' },
    });
  });

  test('critical at 7 days or fewer while something depends on the key; high without dependents', () => {
    const soon = byok(days(5));
    expect(kmsImportedMaterialExpiring.evaluate(soon, ctx({ usages: [usage(soon, APP_ROLE, 'iam-role', days(-1))] }))?.severity).toBe('critical');
    expect(kmsImportedMaterialExpiring.evaluate(soon, ctx())?.severity).toBe('high');
  });

  test('does not fire for material that never expires, far from ValidTo, already expired (PendingImport), or on KMS-generated keys', () => {
    expect(kmsImportedMaterialExpiring.evaluate(byok(undefined), ctx())).toBeUndefined();
    expect(kmsImportedMaterialExpiring.evaluate(byok(days(200)), ctx())).toBeUndefined();
    expect(kmsImportedMaterialExpiring.evaluate(byok(days(-1), 'PendingImport'), ctx())).toBeUndefined();
    expect(kmsImportedMaterialExpiring.evaluate(key({ lifecycle: { notAfter: days(3) } }), ctx())).toBeUndefined();
  });
});
