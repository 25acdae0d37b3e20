import { z } from 'zod';

/**
 * The EventBridge envelope exactly as an API destination POSTs it (one event per request), with the CloudTrail record
 * in `detail`. Envelope fields: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events.html ; CloudTrail
 * record fields: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 *
 * Only the fields the pipeline reads are typed; everything else passes through untouched (`z.looseObject`), because
 * AWS adds fields over time and a new one must never turn a valid event into a 400 (which EventBridge would send to
 * the customer's dead-letter queue).
 */

const userIdentity = z.looseObject({
  type: z.string().optional(),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  userName: z.string().optional(),
  invokedBy: z.string().optional(),
  sessionContext: z
    .looseObject({
      sessionIssuer: z
        .looseObject({
          type: z.string().optional(),
          arn: z.string().optional(),
          userName: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

const resource = z.looseObject({
  ARN: z.string().optional(),
  arn: z.string().optional(),
  type: z.string().optional(),
  accountId: z.string().optional(),
});

/** A JSON object of unknown shape (requestParameters, responseElements, …): CloudTrail logs `null` when empty. */
const jsonObject = z.record(z.string(), z.unknown());

/**
 * CloudTrail record (`detail` of "AWS API Call via CloudTrail" / "AWS Service Event via CloudTrail"), and also the
 * `detail` of non-CloudTrail events (aws.tag "Tag Change on Resource", ACM expiry), so every field is optional here;
 * the processor decides per detail-type what it needs.
 */
export const cloudTrailDetailSchema = z.looseObject({
  eventVersion: z.string().optional(),
  userIdentity: userIdentity.optional(),
  eventTime: z.string().optional(),
  eventSource: z.string().optional(),
  eventName: z.string().optional(),
  awsRegion: z.string().optional(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestParameters: jsonObject.nullish(),
  responseElements: jsonObject.nullish(),
  additionalEventData: jsonObject.nullish(),
  requestID: z.string().optional(),
  eventID: z.string().optional(),
  readOnly: z.boolean().optional(),
  resources: z.array(resource).optional(),
  eventType: z.string().optional(),
  recipientAccountId: z.string().optional(),
  sharedEventID: z.string().optional(),
});

export type CloudTrailDetail = z.infer<typeof cloudTrailDetailSchema>;

export const eventEnvelopeSchema = z.looseObject({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id'),
  time: z.iso.datetime({ offset: true }),
  region: z.string().min(1),
  resources: z.array(z.string()),
  detail: cloudTrailDetailSchema,
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** What the intake puts on the queue: the envelope plus what only the HTTP request knew. */
export const queuedEventSchema = z.object({
  tenantId: z.string().min(1),
  receivedAt: z.string(),
  /** Value of the X-AQG-Template-Version header sent by the customer's connection, when present. */
  templateVersion: z.string().optional(),
  /** Names of fields the intake removed to fit the queue's message size limit (see intake.ts). */
  trimmed: z.array(z.string()).optional(),
  envelope: eventEnvelopeSchema,
});

export type QueuedEvent = z.infer<typeof queuedEventSchema>;

/** Dotted path of the first issue, as the 400 body's `field` (e.g. `detail.eventTime`). */
export function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
}
