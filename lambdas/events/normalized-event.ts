import type { CloudTrailDetail, QueuedEvent } from './envelope';
import { withoutApiVersion } from './mappers/event-names';

/** Detail-types whose `detail` is a CloudTrail record (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html). */
export const CLOUDTRAIL_DETAIL_TYPES = ['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail'] as const;

/**
 * One event as the processor sees it, whatever its detail-type: the identity (`eventId`, `eventTime`) used for
 * dedup and ordering, and where it happened.
 */
export interface NormalizedEvent {
  readonly tenantId: string;
  readonly receivedAt: string;
  readonly templateVersion?: string;
  /** CloudTrail `eventID`, or the EventBridge envelope `id` for events that are not CloudTrail records. */
  readonly eventId: string;
  /** ISO-8601 with milliseconds (`toISOString`), so it compares lexically with crawl times. */
  readonly eventTime: string;
  /** CloudTrail eventName without the API-version suffix Lambda and CloudFront add (mappers/event-names.ts); else the detail-type. */
  readonly eventName: string;
  readonly eventSource?: string;
  readonly source: string;
  readonly detailType: string;
  readonly isCloudTrail: boolean;
  /** `detail.recipientAccountId`, else the envelope `account` (place-rules.ts drops events where the two differ). */
  readonly accountId: string;
  /** The envelope's `account`: the account whose EventBridge rule sent the event. */
  readonly envelopeAccount: string;
  /** The envelope's `time` (ISO-8601 with milliseconds, like `eventTime`). */
  readonly envelopeTime: string;
  /** `detail.awsRegion` (forwarded events keep their origin there), else the envelope `region`. */
  readonly region: string;
  readonly detail: CloudTrailDetail;
  /** The envelope's `resources` (ARNs; CloudTrail events leave it empty, aws.tag and ACM events fill it). */
  readonly envelopeResources: readonly string[];
}

export function toIsoTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export function normalizeEvent(message: QueuedEvent): NormalizedEvent {
  const { envelope } = message;
  const detail = envelope.detail;
  const detailType = envelope['detail-type'];
  const isCloudTrail = (CLOUDTRAIL_DETAIL_TYPES as readonly string[]).includes(detailType);
  const rawName = isCloudTrail && detail.eventName ? detail.eventName : detailType;
  return {
    tenantId: message.tenantId,
    receivedAt: message.receivedAt,
    ...(message.templateVersion !== undefined ? { templateVersion: message.templateVersion } : {}),
    eventId: (isCloudTrail && detail.eventID) || envelope.id,
    eventTime: toIsoTime((isCloudTrail && detail.eventTime) || envelope.time),
    eventName: isCloudTrail ? withoutApiVersion(detail.eventSource, rawName) : rawName,
    ...(detail.eventSource !== undefined ? { eventSource: detail.eventSource } : {}),
    source: envelope.source,
    detailType,
    isCloudTrail,
    accountId: detail.recipientAccountId ?? envelope.account,
    envelopeAccount: envelope.account,
    envelopeTime: toIsoTime(envelope.time),
    region: detail.awsRegion ?? envelope.region,
    detail,
    envelopeResources: envelope.resources,
  };
}
