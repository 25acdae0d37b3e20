import { parseArn } from '../../shared/arn';
import { classifyKmsProtected } from '../../crypto/kms-protected-crypto';
import { isArn, isBareKmsKeyId, isKmsKeyArn, kmsKeyArn, secretNameOf, withRegion } from '../arn';
import {
  alive,
  gone,
  putEntry,
  removeEntry,
  REPLICAS,
  set,
  unset,
  type AssetRef,
  type FieldOp,
  type InventoryChange,
  type MapResult,
} from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { SECRETSMANAGER_MUTATION_EVENTS, SECRETSMANAGER_SERVICE_EVENTS } from './event-names';
import { additionalOf, arr, bool, isoDate, notInCatalogue, num, obj, requestOf, resourceArns, responseOf, str, tagPutOps, tagRemoveOps } from './record-fields';

/**
 * Secrets Manager events → inventory changes. Operations: https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudtrail_log_entries.html
 * Known shapes: before February 2024 some records spell the response ARN `aRN`; rotation outcomes arrive as
 * "AWS Service Event via CloudTrail" with the secret in `additionalEventData.SecretId`; `requestParameters.secretId`
 * may be a name, which the processor resolves to an ARN from the inventory before calling the mapper.
 */
export { SECRETSMANAGER_MUTATION_EVENTS, SECRETSMANAGER_SERVICE_EVENTS };
type SecretsManagerEvent = (typeof SECRETSMANAGER_MUTATION_EVENTS)[number] | (typeof SECRETSMANAGER_SERVICE_EVENTS)[number];

/** Lifecycle states we record for secrets (DescribeSecret has no state field: a deletion date means pending deletion). */
export const SECRET_STATE = { active: 'ACTIVE', pendingDeletion: 'PendingDeletion' } as const;

/** Every place a record can carry the secret's identity, ARN first. */
export function secretIdentifiersOf(event: NormalizedEvent): string[] {
  const request = requestOf(event);
  const response = responseOf(event);
  return [
    str(response, 'arn'),
    str(response, 'aRN'),
    str(response, 'ARN'),
    ...resourceArns(event).filter((a) => a.includes(':secretsmanager:') && a.includes(':secret:')),
    str(additionalOf(event), 'SecretId'),
    str(request, 'secretId'),
    str(request, 'name'),
  ].filter((v): v is string => v !== undefined);
}

export function secretArnOf(event: NormalizedEvent): string | undefined {
  return secretIdentifiersOf(event).find(isArn);
}

/** A secret named (not ARN'd) by the record: the processor looks its ARN up in the inventory. */
export function secretNameToResolve(event: NormalizedEvent): string | undefined {
  if (secretArnOf(event)) return undefined;
  return str(requestOf(event), 'secretId') ?? str(additionalOf(event), 'SecretId');
}

function secretRef(arn: string, event: NormalizedEvent): AssetRef {
  const parsed = parseArn(arn);
  return { type: 'secret', arn, region: parsed?.region || event.region, accountId: parsed?.accountId || event.accountId };
}

const DETAIL = (field: string) => ['details', field];
const ROTATION = (field: string) => ['lifecycle', 'rotation', field];
const KMS_ARN = ['relations', 'kmsKeyArn'];
const KMS_REF = ['relations', 'kmsKeyRef'];

/**
 * The KMS key a request names. A key ARN or bare id resolves here; an alias needs the region's alias list, so it is
 * kept as `kmsKeyRef` and a refresh resolves it. No key at all means the AWS managed key aws/secretsmanager.
 */
function kmsKeyOps(kmsKeyId: string | undefined, region: string, accountId: string): { ops: FieldOp[]; needsRefresh: boolean } {
  if (kmsKeyId === undefined) return { ops: [unset(KMS_ARN), set(KMS_REF, 'alias/aws/secretsmanager')], needsRefresh: true };
  if (isKmsKeyArn(kmsKeyId)) return { ops: [set(KMS_ARN, kmsKeyId), unset(KMS_REF)], needsRefresh: false };
  if (isBareKmsKeyId(kmsKeyId)) return { ops: [set(KMS_ARN, kmsKeyArn(region, accountId, kmsKeyId)), unset(KMS_REF)], needsRefresh: false };
  return { ops: [unset(KMS_ARN), set(KMS_REF, kmsKeyId)], needsRefresh: true };
}

interface ReplicaEntry {
  readonly region: string;
  readonly kmsKeyRef?: string;
  readonly status?: string;
}

function replicaEntries(list: readonly unknown[]): ReplicaEntry[] {
  const entries: ReplicaEntry[] = [];
  for (const item of list) {
    const region = str(item, 'region');
    if (!region) continue;
    const kmsKeyRef = str(item, 'kmsKeyId');
    const status = str(item, 'status');
    entries.push({ region, ...(kmsKeyRef ? { kmsKeyRef } : {}), ...(status ? { status } : {}) });
  }
  return entries;
}

export function mapSecretsManagerEvent(event: NormalizedEvent, resolvedArn?: string): MapResult {
  const request = requestOf(event);
  const response = responseOf(event);
  const arn = secretArnOf(event) ?? resolvedArn;
  if (!arn) return { kind: 'unsupported' };
  const ref = secretRef(arn, event);
  const changes: InventoryChange[] = [];
  const primary = (ops: FieldOp[], refresh = false): MapResult => {
    changes.unshift({ kind: 'asset', asset: ref, ops });
    if (refresh) changes.push({ kind: 'refresh', asset: ref });
    return { kind: 'changes', changes };
  };
  const replicaRef = (region: string): AssetRef => ({ ...ref, arn: withRegion(arn, region), region });

  const name = event.eventName as SecretsManagerEvent;
  switch (name) {
    case 'CreateSecret': {
      const key = kmsKeyOps(str(request, 'kmsKeyId'), ref.region, ref.accountId);
      const replicas = replicaEntries(arr(response, 'replicationStatus').length > 0 ? arr(response, 'replicationStatus') : arr(request, 'addReplicaRegions'));
      for (const replica of replicas) {
        changes.push({ kind: 'asset', asset: replicaRef(replica.region), ops: [...alive(), set(DETAIL('primaryRegion'), ref.region)] });
        changes.push({ kind: 'refresh', asset: replicaRef(replica.region) });
      }
      const description = str(request, 'description');
      return primary(
        [
          ...alive(),
          set(['name'], str(request, 'name') ?? secretNameOf(arn)),
          set(['secure'], true),
          set(['crypto'], classifyKmsProtected(ref.region)),
          set(['lifecycle', 'state'], SECRET_STATE.active),
          set(['lifecycle', 'createdAt'], event.eventTime),
          set(['lifecycle', 'lastModifiedAt'], event.eventTime),
          set(ROTATION('applicable'), true),
          set(ROTATION('enabled'), false),
          set(DETAIL('managedByEventBridge'), false),
          ...(description ? [set(DETAIL('description'), description)] : []),
          ...key.ops,
          ...replicas.map((r) => putEntry(REPLICAS, r.region, r)),
          ...tagPutOps(arr(request, 'tags')),
        ],
        key.needsRefresh,
      );
    }
    case 'UpdateSecret': {
      const ops: FieldOp[] = [set(['lifecycle', 'lastModifiedAt'], event.eventTime)];
      const description = str(request, 'description');
      if (description !== undefined) ops.push(set(DETAIL('description'), description));
      const kmsKeyId = str(request, 'kmsKeyId');
      const key = kmsKeyId !== undefined ? kmsKeyOps(kmsKeyId, ref.region, ref.accountId) : { ops: [], needsRefresh: false };
      return primary([...ops, ...key.ops], key.needsRefresh);
    }
    case 'PutSecretValue':
      return primary([set(['lifecycle', 'lastModifiedAt'], event.eventTime)]);
    case 'UpdateSecretVersionStage':
      // Moving AWSCURRENT to another version changes the secret's value, as PutSecretValue does (rotation functions
      // finish with this call, https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html).
      // Other labels change nothing in the asset; the history keeps who moved which label.
      return primary(
        str(request, 'versionStage') === 'AWSCURRENT' && str(request, 'moveToVersionId') ? [set(['lifecycle', 'lastModifiedAt'], event.eventTime)] : [],
      );
    case 'RotateSecret': {
      const rules = obj(request, 'rotationRules');
      const ops: FieldOp[] = [set(ROTATION('applicable'), true), set(ROTATION('enabled'), true)];
      const lambdaArn = str(request, 'rotationLambdaARN');
      if (lambdaArn) ops.push(set(DETAIL('rotationLambdaArn'), lambdaArn));
      if (rules) {
        const days = num(rules, 'automaticallyAfterDays');
        const scheduleExpression = str(rules, 'scheduleExpression');
        const duration = str(rules, 'duration');
        ops.push(
          set(DETAIL('rotationRules'), {
            ...(days !== undefined ? { automaticallyAfterDays: days } : {}),
            ...(scheduleExpression ? { scheduleExpression } : {}),
            ...(duration ? { duration } : {}),
          }),
        );
        if (days !== undefined) ops.push(set(ROTATION('periodDays'), days));
      }
      return primary(ops);
    }
    case 'CancelRotateSecret':
      return primary([set(ROTATION('enabled'), false)]);
    case 'DeleteSecret': {
      // ForceDeleteWithoutRecovery deletes at once; otherwise the secret waits out its recovery window (7–30 days).
      if (bool(request, 'forceDeleteWithoutRecovery') === true) return primary(gone(event.eventTime));
      const deletionDate = isoDate(response.deletionDate);
      return primary([
        set(['lifecycle', 'state'], SECRET_STATE.pendingDeletion),
        deletionDate ? set(['lifecycle', 'deletionDate'], deletionDate) : unset(['lifecycle', 'deletionDate']),
      ]);
    }
    case 'RestoreSecret':
      return primary([...alive(), set(['lifecycle', 'state'], SECRET_STATE.active), unset(['lifecycle', 'deletionDate'])]);
    case 'ReplicateSecretToRegions': {
      const replicas = replicaEntries(arr(response, 'replicationStatus').length > 0 ? arr(response, 'replicationStatus') : arr(request, 'addReplicaRegions'));
      for (const replica of replicas) {
        changes.push({ kind: 'asset', asset: replicaRef(replica.region), ops: [...alive(), set(DETAIL('primaryRegion'), ref.region)] });
        changes.push({ kind: 'refresh', asset: replicaRef(replica.region) });
      }
      return primary(replicas.map((r) => putEntry(REPLICAS, r.region, r)));
    }
    case 'RemoveRegionsFromReplication': {
      // "deletes the secret replicas from the Regions you specify" (API_RemoveRegionsFromReplication).
      const regions = arr(request, 'removeReplicaRegions').filter((r): r is string => typeof r === 'string');
      for (const region of regions) changes.push({ kind: 'asset', asset: replicaRef(region), ops: gone(event.eventTime) });
      return primary(regions.map((r) => removeEntry(REPLICAS, r)));
    }
    case 'TagResource':
      return primary(tagPutOps(arr(request, 'tags')));
    case 'UntagResource':
      return primary(tagRemoveOps(arr(request, 'tagKeys')));
    case 'RotationSucceeded':
      return primary([set(ROTATION('lastRotatedAt'), event.eventTime)]);
    case 'RotationFailed':
    case 'RotationAbandoned':
    case 'RotationStarted':
      // Recorded in the asset's history only: who and when, nothing in the asset changes.
      return primary([]);
    default:
      return notInCatalogue(name);
  }
}
