import type { MapResult } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { ACM_MUTATION_EVENTS, mapAcmEvent } from './acm';
import { KMS_MUTATION_EVENTS, mapKmsEvent } from './kms';
import { mapSecretsManagerEvent, SECRETSMANAGER_MUTATION_EVENTS, SECRETSMANAGER_SERVICE_EVENTS } from './secretsmanager';
import { mapSsmEvent, SSM_MUTATION_EVENTS } from './ssm';
import { mapTagChange, TAG_CHANGE_DETAIL_TYPE } from './tag';
import { CONFIGURATION_USAGE_EVENTS, KMS_USAGE_EVENTS, mapConfigurationUsage, mapKmsUsage, mapParameterRead, mapSecretRead } from './usage';

/** What the processor learned before mapping (lookups a pure mapper cannot do). */
export interface MapContext {
  /** ARN of the secret a record names only by name, looked up in the inventory. */
  readonly resolvedSecretArn?: string;
}

export const SECRET_READ_EVENTS = ['GetSecretValue'] as const;
export const PARAMETER_READ_EVENTS = ['GetParameter', 'GetParameters'] as const;

/** Every (source, name) the pipeline maps, for documentation and the corpus test. */
export const HANDLED_EVENTS: Readonly<Record<string, readonly string[]>> = {
  'kms.amazonaws.com': [...KMS_MUTATION_EVENTS, ...KMS_USAGE_EVENTS],
  'acm.amazonaws.com': ACM_MUTATION_EVENTS,
  'secretsmanager.amazonaws.com': [...SECRETSMANAGER_MUTATION_EVENTS, ...SECRETSMANAGER_SERVICE_EVENTS, ...SECRET_READ_EVENTS],
  'ssm.amazonaws.com': [...SSM_MUTATION_EVENTS, ...PARAMETER_READ_EVENTS],
  ...CONFIGURATION_USAGE_EVENTS,
  'aws.tag': [TAG_CHANGE_DETAIL_TYPE],
  'aws.acm': ['ACM Certificate Approaching Expiration', 'ACM Certificate Expired', 'ACM Certificate Renewal Action Required', 'ACM Certificate Available'],
};

const has = (list: readonly string[], name: string) => list.includes(name);

/** One CloudTrail record (or aws.tag / aws.acm event) → inventory changes. Pure. */
export function mapEvent(event: NormalizedEvent, context: MapContext = {}): MapResult {
  if (event.source === 'aws.tag') return event.detailType === TAG_CHANGE_DETAIL_TYPE ? mapTagChange(event) : { kind: 'unsupported' };
  if (!event.isCloudTrail) {
    return event.source === 'aws.acm' && has(HANDLED_EVENTS['aws.acm']!, event.detailType) ? mapAcmEvent(event) : { kind: 'unsupported' };
  }
  const name = event.eventName;
  switch (event.eventSource) {
    case 'kms.amazonaws.com':
      return has(KMS_USAGE_EVENTS, name) ? mapKmsUsage(event) : mapKmsEvent(event);
    case 'acm.amazonaws.com':
      return mapAcmEvent(event);
    case 'secretsmanager.amazonaws.com':
      return has(SECRET_READ_EVENTS, name) ? mapSecretRead(event, context.resolvedSecretArn) : mapSecretsManagerEvent(event, context.resolvedSecretArn);
    case 'ssm.amazonaws.com':
      return has(PARAMETER_READ_EVENTS, name) ? mapParameterRead(event) : mapSsmEvent(event);
    default: {
      const names = (CONFIGURATION_USAGE_EVENTS as Record<string, readonly string[]>)[event.eventSource ?? ''];
      return names && has(names, name) ? mapConfigurationUsage(event) : { kind: 'unsupported' };
    }
  }
}
