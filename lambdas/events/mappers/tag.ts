import { parseArn } from '../../shared/arn';
import type { AssetType } from '../../inventory/asset';
import { putEntry, removeEntry, TAGS, type FieldOp, type MapResult } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { TAG_CHANGE_DETAIL_TYPE, TAG_CHANGE_SERVICES } from './event-names';
import { isUserTagKey, obj, str, strings } from './record-fields';

/**
 * aws.tag "Tag Change on Resource" events (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging-events.html
 * — detail: `changed-tag-keys`, `service`, `resource-type`, `version`, `tags` = the full tag set after the change;
 * the resource ARN is the envelope's `resources[0]`). Only the changed keys are touched, each as its own register,
 * so this event and the service's own TagResource record agree whatever order they arrive in.
 */
export { TAG_CHANGE_DETAIL_TYPE, TAG_CHANGE_SERVICES };

const TYPE_BY_SERVICE: Readonly<Record<(typeof TAG_CHANGE_SERVICES)[number], { readonly resourceType: string; readonly type: AssetType }>> = {
  kms: { resourceType: 'key', type: 'key' },
  acm: { resourceType: 'certificate', type: 'certificate' },
  secretsmanager: { resourceType: 'secret', type: 'secret' },
  ssm: { resourceType: 'parameter', type: 'parameter' },
};

export function mapTagChange(event: NormalizedEvent): MapResult {
  const detail = event.detail as Record<string, unknown>;
  const service = str(detail, 'service');
  const mapping = (TAG_CHANGE_SERVICES as readonly string[]).includes(service ?? '') ? TYPE_BY_SERVICE[service as keyof typeof TYPE_BY_SERVICE] : undefined;
  const arn = event.envelopeResources[0];
  if (!mapping || !arn || (str(detail, 'resource-type') ?? mapping.resourceType) !== mapping.resourceType) return { kind: 'unsupported' };
  // Own properties only: a changed key such as `constructor` must not read Object.prototype (tags are data).
  const tags = obj(detail, 'tags') ?? {};
  const ops: FieldOp[] = strings(detail, 'changed-tag-keys')
    .filter(isUserTagKey)
    .map((key) => (Object.hasOwn(tags, key) ? putEntry(TAGS, key, String(tags[key] ?? '')) : removeEntry(TAGS, key)));
  const parsed = parseArn(arn);
  return {
    kind: 'changes',
    changes: [{ kind: 'asset', asset: { type: mapping.type, arn, region: parsed?.region || event.region, accountId: parsed?.accountId || event.accountId }, ops }],
  };
}
