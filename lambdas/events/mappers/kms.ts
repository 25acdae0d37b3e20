import { parseArn } from '../../shared/arn';
import { classifyKmsKeySpec } from '../../crypto/kms-key-spec';
import { isBareKmsKeyId, isKmsKeyArn, kmsKeyArn, withRegion } from '../arn';
import {
  ALIASES,
  alive,
  gone,
  putEntry,
  removeEntry,
  set,
  unset,
  type AssetChange,
  type AssetRef,
  type FieldOp,
  type InventoryChange,
  type MapResult,
} from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { KMS_MUTATION_EVENTS } from './event-names';
import { bool, notInCatalogue, num, obj, requestOf, resourceArns, responseOf, str, strings, arr, isoDate, tagPutOps, tagRemoveOps, type Json } from './record-fields';

/**
 * KMS management events → inventory changes. Record shapes: https://docs.aws.amazon.com/kms/latest/developerguide/ct-<op>.html
 * (e.g. ct-createkey.html). `requestParameters.keyId` is often a bare key id, so the key ARN comes from `resources[]`
 * (or `responseElements.keyId`, logged as an ARN since December 2022) first.
 */
export { KMS_MUTATION_EVENTS };
type KmsMutationEvent = (typeof KMS_MUTATION_EVENTS)[number];

/** The key a KMS record is about, as a key ARN. */
export function kmsKeyArnOf(event: NormalizedEvent, requestField = 'keyId'): string | undefined {
  const request = requestOf(event);
  const response = responseOf(event);
  const candidates = [
    ...resourceArns(event).filter(isKmsKeyArn),
    str(response, 'keyId'),
    str(obj(response, 'keyMetadata'), 'arn'),
    str(request, requestField),
  ];
  const arn = candidates.find(isKmsKeyArn);
  if (arn) return arn;
  const bare = str(request, requestField);
  return isBareKmsKeyId(bare) ? kmsKeyArn(event.region, event.accountId, bare) : undefined;
}

function keyRef(arn: string, event: NormalizedEvent): AssetRef {
  const parsed = parseArn(arn);
  return { type: 'key', arn, region: parsed?.region || event.region, accountId: parsed?.accountId || event.accountId };
}

const change = (asset: AssetRef, ops: readonly FieldOp[]): AssetChange => ({ kind: 'asset', asset, ops });
const STATE = ['lifecycle', 'state'];
const DELETION_DATE = ['lifecycle', 'deletionDate'];
const ROTATION = (field: string) => ['lifecycle', 'rotation', field];
const DETAIL = (field: string) => ['details', field];

/** Everything a KeyMetadata (CreateKey response, ReplicateKey replicaKeyMetadata) tells us, as ops. */
function keyMetadataOps(metadata: Json, region: string): FieldOp[] {
  const keySpec = str(metadata, 'keySpec') ?? str(metadata, 'customerMasterKeySpec') ?? 'SYMMETRIC_DEFAULT';
  const keyUsage = str(metadata, 'keyUsage') ?? 'ENCRYPT_DECRYPT';
  const origin = str(metadata, 'origin') ?? 'AWS_KMS';
  const customKeyStoreId = str(metadata, 'customKeyStoreId');
  // Automatic rotation exists only for symmetric encryption keys with KMS-generated material outside custom key stores.
  const rotationApplicable = keySpec === 'SYMMETRIC_DEFAULT' && origin === 'AWS_KMS' && customKeyStoreId === undefined;
  const multiRegionConfig = obj(metadata, 'multiRegionConfiguration');
  const ops: FieldOp[] = [
    set(['crypto'], classifyKmsKeySpec(keySpec, keyUsage, region)),
    set(DETAIL('keySpec'), keySpec),
    set(DETAIL('keyUsage'), keyUsage),
    set(DETAIL('origin'), origin),
    set(DETAIL('keyManager'), str(metadata, 'keyManager') ?? 'CUSTOMER'),
    set(DETAIL('multiRegion'), bool(metadata, 'multiRegion') ?? false),
    set(ROTATION('applicable'), rotationApplicable),
    set(ROTATION('enabled'), false),
    ...alive(),
  ];
  const keyId = str(metadata, 'keyId');
  if (keyId) ops.push(set(DETAIL('keyId'), keyId));
  const state = str(metadata, 'keyState');
  if (state) ops.push(set(STATE, state));
  const createdAt = isoDate(metadata.creationDate);
  if (createdAt) ops.push(set(['lifecycle', 'createdAt'], createdAt));
  const description = str(metadata, 'description');
  if (description) ops.push(set(DETAIL('description'), description));
  if (customKeyStoreId) ops.push(set(DETAIL('customKeyStoreId'), customKeyStoreId));
  const mrType = str(multiRegionConfig, 'multiRegionKeyType');
  if (mrType) ops.push(set(DETAIL('multiRegionKeyType'), mrType));
  for (const [field, list] of [
    ['encryptionAlgorithms', 'encryptionAlgorithms'],
    ['signingAlgorithms', 'signingAlgorithms'],
    ['macAlgorithms', 'macAlgorithms'],
    ['keyAgreementAlgorithms', 'keyAgreementAlgorithms'],
  ] as const) {
    const values = strings(metadata, list);
    if (values.length > 0) ops.push(set(DETAIL(field), values));
  }
  return ops;
}

export function mapKmsEvent(event: NormalizedEvent): MapResult {
  const request = requestOf(event);
  const response = responseOf(event);
  const keyArn = kmsKeyArnOf(event, event.eventName === 'CreateAlias' || event.eventName === 'UpdateAlias' ? 'targetKeyId' : 'keyId');
  const one = (ops: FieldOp[], extra: InventoryChange[] = []): MapResult =>
    keyArn ? { kind: 'changes', changes: [change(keyRef(keyArn, event), ops), ...extra] } : { kind: 'unsupported' };
  const refresh = (): InventoryChange[] => (keyArn ? [{ kind: 'refresh', asset: keyRef(keyArn, event) }] : []);

  const name = event.eventName as KmsMutationEvent;
  switch (name) {
    case 'CreateKey': {
      const metadata = obj(response, 'keyMetadata');
      if (!metadata) return one(alive(), refresh());
      return one([...keyMetadataOps(metadata, event.region), ...tagPutOps(arr(request, 'tags'))]);
    }
    case 'ScheduleKeyDeletion': {
      // A multi-Region primary with replicas goes to PendingReplicaDeletion without a deletionDate (ct-schedule-key-deletion.html).
      const deletionDate = isoDate(response.deletionDate);
      return one([set(STATE, str(response, 'keyState') ?? 'PendingDeletion'), deletionDate ? set(DELETION_DATE, deletionDate) : unset(DELETION_DATE)]);
    }
    case 'CancelKeyDeletion':
      // "When this operation succeeds, the key state of the KMS key is Disabled." (API_CancelKeyDeletion)
      return one([set(STATE, 'Disabled'), unset(DELETION_DATE)]);
    case 'DeleteKey':
      // Service event at the end of the waiting period; the key ARN is in resources[] (ct-delete-key.html).
      return one(gone(event.eventTime));
    case 'DisableKey':
      return one([set(STATE, 'Disabled')]);
    case 'EnableKey':
      return one([set(STATE, 'Enabled')]);
    case 'EnableKeyRotation':
      // RotationPeriodInDays: "If no value is specified, the default value is 365 days." (API_EnableKeyRotation)
      return one([
        set(ROTATION('applicable'), true),
        set(ROTATION('enabled'), true),
        set(ROTATION('periodDays'), num(request, 'rotationPeriodInDays') ?? 365),
      ]);
    case 'DisableKeyRotation':
      return one([set(ROTATION('enabled'), false)]);
    case 'RotateKeyOnDemand':
    case 'RotateKey':
      // RotateKey is the service event of automatic rotation (ct-rotatekey.html).
      return one([set(ROTATION('lastRotatedAt'), event.eventTime)]);
    case 'PutKeyPolicy':
      // The policy text is not kept; the refresh re-reads it (GetKeyPolicy) to recompute who may use the key.
      return one([], refresh());
    case 'CreateAlias': {
      const alias = str(request, 'aliasName');
      return alias ? one([putEntry(ALIASES, alias, alias)]) : { kind: 'unsupported' };
    }
    case 'UpdateAlias': {
      // The record names the new target only; the previous holder is found by the store (alias-detach).
      const alias = str(request, 'aliasName');
      if (!alias || !keyArn) return { kind: 'unsupported' };
      return one([putEntry(ALIASES, alias, alias)], [
        { kind: 'alias-detach', accountId: event.accountId, region: event.region, aliasName: alias, exceptKeyArn: keyArn },
      ]);
    }
    case 'DeleteAlias': {
      const alias = str(request, 'aliasName');
      if (!alias) return { kind: 'unsupported' };
      if (keyArn) return one([removeEntry(ALIASES, alias)]);
      return { kind: 'changes', changes: [{ kind: 'alias-detach', accountId: event.accountId, region: event.region, aliasName: alias }] };
    }
    case 'ReplicateKey': {
      const replicaRegion = str(request, 'replicaRegion');
      const metadata = obj(response, 'replicaKeyMetadata');
      if (!keyArn || !replicaRegion) return { kind: 'unsupported' };
      const replicaArn = str(metadata, 'arn') ?? withRegion(keyArn, replicaRegion);
      const replica: AssetRef = { type: 'key', arn: replicaArn, region: replicaRegion, accountId: event.accountId };
      const replicaOps = metadata
        ? [...keyMetadataOps(metadata, replicaRegion), ...tagPutOps(arr(request, 'tags'))]
        : [...alive(), set(DETAIL('multiRegion'), true), set(DETAIL('multiRegionKeyType'), 'REPLICA')];
      return one([set(DETAIL('multiRegion'), true), set(DETAIL('multiRegionKeyType'), 'PRIMARY')], [
        change(replica, replicaOps),
        ...(metadata ? [] : [{ kind: 'refresh', asset: replica } as const]),
      ]);
    }
    case 'ImportKeyMaterial': {
      // A key in PendingImport becomes Enabled, a re-import keeps the state: let the refresh read which one.
      return one([set(DETAIL('origin'), 'EXTERNAL')], refresh());
    }
    case 'UpdatePrimaryRegion': {
      // Logged in both Regions (ct-update-primary-region.html): where the primary became a replica (primaryRegion names
      // the new primary) and where the replica became the primary (primaryRegion = its own Region).
      const primaryRegion = str(request, 'primaryRegion');
      if (!keyArn || !primaryRegion) return { kind: 'unsupported' };
      const ownRegion = keyRef(keyArn, event).region;
      if (primaryRegion === ownRegion) return one([set(DETAIL('multiRegion'), true), set(DETAIL('multiRegionKeyType'), 'PRIMARY')]);
      const primary: AssetRef = { type: 'key', arn: withRegion(keyArn, primaryRegion), region: primaryRegion, accountId: keyRef(keyArn, event).accountId };
      return one([set(DETAIL('multiRegion'), true), set(DETAIL('multiRegionKeyType'), 'REPLICA')], [
        change(primary, [set(DETAIL('multiRegion'), true), set(DETAIL('multiRegionKeyType'), 'PRIMARY')]),
      ]);
    }
    case 'DeleteImportedKeyMaterial':
    case 'DeleteExpiredKeyMaterial':
      // DeleteExpiredKeyMaterial is the service event when imported material expires (ct-deleteexpiredkeymaterial.html).
      // "the key state of the KMS key changes to PendingImport" (API_DeleteImportedKeyMaterial); a key pending
      // deletion keeps PendingDeletion, which the refresh restores.
      return one([set(STATE, 'PendingImport')], refresh());
    case 'TagResource':
      return one(tagPutOps(arr(request, 'tags')));
    case 'UntagResource':
      return one(tagRemoveOps(arr(request, 'tagKeys')));
    default:
      return notInCatalogue(name);
  }
}

