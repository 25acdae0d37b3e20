import { classifyKmsProtected, classifyUnencrypted } from '../../crypto/kms-protected-crypto';
import { isBareKmsKeyId, isKmsKeyArn, kmsKeyArn, ssmParameterArn, ssmParameterNameOf } from '../arn';
import { callerArn } from '../caller';
import { alive, gone, set, unset, type AssetRef, type FieldOp, type InventoryChange, type MapResult } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { SSM_MUTATION_EVENTS } from './event-names';
import { arr, notInCatalogue, num, requestOf, responseOf, str, strings, tagPutOps, tagRemoveOps } from './record-fields';

/**
 * SSM Parameter Store events → inventory changes. AWS publishes no CloudTrail JSON sample for these calls; the
 * shapes follow the API model (botocore ssm service-2.json): PutParameter's value is logged as
 * "HIDDEN_DUE_TO_SECURITY_REASONS" and `responseElements` is `{version, tier}`. A PutParameter that does not name
 * its KMS key (the default aws/ssm key) or its type (an overwrite) is completed by a targeted refresh.
 */
export { SSM_MUTATION_EVENTS };
type SsmMutationEvent = (typeof SSM_MUTATION_EVENTS)[number];

export const PARAMETER_STATE = 'Active';

function parameterRef(event: NormalizedEvent, name: string): AssetRef {
  const arn = ssmParameterArn(event.region, event.accountId, name);
  return { type: 'parameter', arn, region: event.region, accountId: event.accountId };
}

const DETAIL = (field: string) => ['details', field];
const KMS_ARN = ['relations', 'kmsKeyArn'];
const KMS_REF = ['relations', 'kmsKeyRef'];

function putParameterOps(event: NormalizedEvent, name: string): { ops: FieldOp[]; needsRefresh: boolean } {
  const request = requestOf(event);
  const response = responseOf(event);
  const type = str(request, 'type');
  const version = num(response, 'version');
  const ops: FieldOp[] = [
    ...alive(),
    set(['name'], name.startsWith('arn:') ? ssmParameterNameOf(name) : name),
    set(['lifecycle', 'state'], PARAMETER_STATE),
    set(['lifecycle', 'lastModifiedAt'], event.eventTime),
    set(DETAIL('lastModifiedUser'), callerArn(event)),
    ...tagPutOps(arr(request, 'tags')),
  ];
  if (version !== undefined) ops.push(set(DETAIL('version'), version));
  if (version === 1) ops.push(set(['lifecycle', 'createdAt'], event.eventTime));
  const tier = str(response, 'tier') ?? str(request, 'tier');
  if (tier) ops.push(set(DETAIL('tier'), tier));
  const description = str(request, 'description');
  if (description !== undefined) ops.push(set(DETAIL('description'), description));
  const dataType = str(request, 'dataType');
  if (dataType) ops.push(set(DETAIL('dataType'), dataType));
  // An overwrite may omit the type: then we do not know whether it is encrypted, and ask.
  if (type === undefined) return { ops, needsRefresh: true };
  ops.push(set(DETAIL('parameterType'), type));
  if (type !== 'SecureString') {
    ops.push(set(['secure'], false), set(['crypto'], classifyUnencrypted()), unset(KMS_ARN), unset(KMS_REF));
    return { ops, needsRefresh: false };
  }
  ops.push(set(['secure'], true), set(['crypto'], classifyKmsProtected(event.region)));
  const keyId = str(request, 'keyId');
  if (isKmsKeyArn(keyId)) return { ops: [...ops, set(KMS_ARN, keyId), unset(KMS_REF)], needsRefresh: false };
  if (isBareKmsKeyId(keyId)) return { ops: [...ops, set(KMS_ARN, kmsKeyArn(event.region, event.accountId, keyId)), unset(KMS_REF)], needsRefresh: false };
  // No key named → the AWS managed key alias/aws/ssm; an alias → resolved by the refresh.
  return { ops: [...ops, unset(KMS_ARN), set(KMS_REF, keyId ?? 'alias/aws/ssm')], needsRefresh: true };
}

export function mapSsmEvent(event: NormalizedEvent): MapResult {
  const request = requestOf(event);
  const response = responseOf(event);
  const asset = (name: string, ops: FieldOp[], refresh = false): InventoryChange[] => {
    const ref = parameterRef(event, name);
    return refresh ? [{ kind: 'asset', asset: ref, ops }, { kind: 'refresh', asset: ref }] : [{ kind: 'asset', asset: ref, ops }];
  };
  const name = str(request, 'name');
  const eventName = event.eventName as SsmMutationEvent;
  switch (eventName) {
    case 'PutParameter': {
      if (!name) return { kind: 'unsupported' };
      const { ops, needsRefresh } = putParameterOps(event, name);
      return { kind: 'changes', changes: asset(name, ops, needsRefresh) };
    }
    case 'DeleteParameter':
      return name ? { kind: 'changes', changes: asset(name, gone(event.eventTime)) } : { kind: 'unsupported' };
    case 'DeleteParameters': {
      // Only the names SSM reports as deleted (invalid ones are listed apart in invalidParameters).
      const deleted = arr(response, 'deletedParameters').length > 0 ? strings(response, 'deletedParameters') : strings(request, 'names');
      if (deleted.length === 0) return { kind: 'unsupported' };
      return { kind: 'changes', changes: deleted.flatMap((n) => asset(n, gone(event.eventTime))) };
    }
    case 'LabelParameterVersion':
      // Labels are not part of the asset; the history keeps who labelled which version.
      return name ? { kind: 'changes', changes: asset(name, []) } : { kind: 'unsupported' };
    case 'AddTagsToResource':
    case 'RemoveTagsFromResource': {
      const resourceId = str(request, 'resourceId');
      if (str(request, 'resourceType') !== 'Parameter' || !resourceId) return { kind: 'unsupported' };
      const ops = event.eventName === 'AddTagsToResource' ? tagPutOps(arr(request, 'tags')) : tagRemoveOps(arr(request, 'tagKeys'));
      return { kind: 'changes', changes: asset(resourceId, ops) };
    }
    default:
      return notInCatalogue(eventName);
  }
}
