import type { MapResult } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { mapAcmEvent } from './acm';
import {
  ACM_NATIVE_DETAIL_TYPES,
  ACM_USAGE_EVENTS,
  CLOUDTRAIL_CATALOGUE,
  CONFIGURATION_USAGE_EVENTS,
  KMS_USAGE_EVENTS,
  PARAMETER_READ_EVENTS,
  SECRET_READ_EVENTS,
  TAG_CHANGE_DETAIL_TYPE,
  withoutApiVersion,
} from './event-names';
import { mapKmsEvent } from './kms';
import { mapSecretsManagerEvent } from './secretsmanager';
import { mapSsmEvent } from './ssm';
import { mapTagChange } from './tag';
import { mapCertificateExport, mapConfigurationUsage, mapKmsUsage, mapParameterRead, mapSecretRead } from './usage';

export { PARAMETER_READ_EVENTS, SECRET_READ_EVENTS };

/** What the processor learned before mapping (lookups a pure mapper cannot do). */
export interface MapContext {
  /** ARN of the secret a record names only by name, looked up in the inventory. */
  readonly resolvedSecretArn?: string;
}

function handledEvents(): Record<string, readonly string[]> {
  const byKey: Record<string, string[]> = {};
  for (const { eventSource, names } of CLOUDTRAIL_CATALOGUE) (byKey[eventSource] ??= []).push(...names);
  return { ...byKey, 'aws.tag': [TAG_CHANGE_DETAIL_TYPE], 'aws.acm': [...ACM_NATIVE_DETAIL_TYPES] };
}

/**
 * Every (source, name) the pipeline maps: CloudTrail names by `eventSource` (from the catalogue in event-names.ts,
 * which the customer template's rule pattern is built from), and detail-types by EventBridge `source` for events that
 * are not CloudTrail records.
 */
export const HANDLED_EVENTS: Readonly<Record<string, readonly string[]>> = handledEvents();

const has = (list: readonly string[], name: string) => list.includes(name);

/** One CloudTrail record (or aws.tag / aws.acm event) → inventory changes. Pure. */
export function mapEvent(event: NormalizedEvent, context: MapContext = {}): MapResult {
  if (event.source === 'aws.tag') return event.detailType === TAG_CHANGE_DETAIL_TYPE ? mapTagChange(event) : { kind: 'unsupported' };
  if (!event.isCloudTrail) {
    return event.source === 'aws.acm' && has(ACM_NATIVE_DETAIL_TYPES, event.detailType) ? mapAcmEvent(event) : { kind: 'unsupported' };
  }
  // CloudFront names carry the API version (UpdateDistribution2020_05_31); normalizeEvent strips only Lambda's form.
  const name = withoutApiVersion(event.eventSource, event.eventName);
  const named = name === event.eventName ? event : { ...event, eventName: name };
  switch (event.eventSource) {
    case 'kms.amazonaws.com':
      return has(KMS_USAGE_EVENTS, name) ? mapKmsUsage(named) : mapKmsEvent(named);
    case 'acm.amazonaws.com':
      return has(ACM_USAGE_EVENTS, name) ? mapCertificateExport(named) : mapAcmEvent(named);
    case 'secretsmanager.amazonaws.com':
      return has(SECRET_READ_EVENTS, name) ? mapSecretRead(named, context.resolvedSecretArn) : mapSecretsManagerEvent(named, context.resolvedSecretArn);
    case 'ssm.amazonaws.com':
      return has(PARAMETER_READ_EVENTS, name) ? mapParameterRead(named) : mapSsmEvent(named);
    default: {
      const names = (CONFIGURATION_USAGE_EVENTS as Record<string, readonly string[]>)[event.eventSource ?? ''];
      return names && has(names, name) ? mapConfigurationUsage(named) : { kind: 'unsupported' };
    }
  }
}
