import { eventEnvelopeSchema, issuePath, type QueuedEvent } from './envelope';
import { EventQueueUnavailableError, EventTooLargeError, InvalidEventError } from './errors';
import { jsonLimitViolation } from './json-limits';

/**
 * POST /v1/data-sources/aws/events: one EventBridge event per request, as an API destination sends it.
 *
 * Status codes are a contract with EventBridge
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html, "Retry policy"): it retries 401/407/409/429/5xx and sends other 4xx
 * to the customer's dead-letter queue, and a 401/407 deauthorizes the connection. So a malformed event is a 400 and
 * a too-large one a 413 (both final: retrying cannot fix them, and 413 says precisely what is wrong); a queue that
 * does not take the message is a 503 (retried); nothing here ever answers 401.
 */

/** Bodies up to 1 MiB are accepted: EventBridge's documented event size limits differ (256 KB, 1 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** SQS's maximum message size since 2025: 1 MiB (1,048,576 bytes); the queue must be configured to allow it. */
export const MAX_QUEUE_MESSAGE_BYTES = 1024 * 1024;

/**
 * Fields no mapper reads that can make a record large (policy documents, byte-buffer stubs): removed, in this order,
 * only when the message would not fit the queue, and listed in the message's `trimmed`.
 */
export const TRIMMABLE_FIELDS: readonly (readonly string[])[] = [
  ['detail', 'requestParameters', 'policy'],
  ['detail', 'responseElements', 'replicaPolicy'],
  ['detail', 'requestParameters', 'certificate'],
  ['detail', 'requestParameters', 'certificateChain'],
  ['detail', 'requestParameters', 'privateKey'],
  ['detail', 'requestParameters', 'secretString'],
  ['detail', 'requestParameters', 'value'],
  ['detail', 'responseElements', 'keyMetadata', 'multiRegionConfiguration'],
];

export interface IntakeRequest {
  readonly body: string | null;
  readonly isBase64Encoded: boolean;
  readonly tenantId: string;
  readonly templateVersion?: string;
}

export interface EventQueue {
  /**
   * `messageGroupId` is the tenant: on a standard queue it makes SQS a fair queue, which delivers a quiet tenant's
   * events ahead of another tenant's backlog
   * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fair-queues.html).
   */
  send(messageBody: string, messageGroupId: string): Promise<void>;
}

export interface IntakeDependencies {
  readonly queue: EventQueue;
  readonly now?: () => Date;
  readonly maxQueueMessageBytes?: number;
}

export function decodeBody(body: string | null, isBase64Encoded: boolean): string {
  if (body === null || body === '') throw new InvalidEventError('body', 'The request has no body; expected one EventBridge event as JSON.');
  const bytes = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new EventTooLargeError(bytes.length, MAX_BODY_BYTES);
  return isBase64Encoded ? bytes.toString('utf8') : body;
}

export function parseEnvelope(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidEventError('body', 'The body is not valid JSON.');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InvalidEventError('body', 'The body must be one EventBridge event (a JSON object).');
  const violation = jsonLimitViolation(json);
  if (violation) throw new InvalidEventError(violation.field, violation.message);
  const parsed = eventEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidEventError(issuePath(parsed.error), `Invalid event: ${issue?.message ?? 'unexpected shape'}.`);
  }
  return parsed.data;
}

function deletePath(target: Record<string, unknown>, path: readonly string[]): boolean {
  let node: unknown = target;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  const last = path[path.length - 1]!;
  if (node === null || typeof node !== 'object' || !(last in (node as object))) return false;
  delete (node as Record<string, unknown>)[last];
  return true;
}

/** The queue message, trimmed of unused large fields if (and only if) it would not fit the queue. */
export function fitToQueue(message: QueuedEvent, limit: number): string {
  let text = JSON.stringify(message);
  if (Buffer.byteLength(text) <= limit) return text;
  const envelope = structuredClone(message.envelope) as unknown as Record<string, unknown>;
  const trimmed: string[] = [];
  for (const path of TRIMMABLE_FIELDS) {
    if (!deletePath(envelope, path)) continue;
    trimmed.push(path.join('.'));
    text = JSON.stringify({ ...message, trimmed, envelope });
    if (Buffer.byteLength(text) <= limit) return text;
  }
  throw new EventTooLargeError(Buffer.byteLength(text), limit);
}

/** Validates and queues one event. Resolves once SQS has the message (durable before the 2xx). */
export async function acceptEvent(request: IntakeRequest, deps: IntakeDependencies): Promise<QueuedEvent> {
  const envelope = parseEnvelope(decodeBody(request.body, request.isBase64Encoded));
  const message: QueuedEvent = {
    tenantId: request.tenantId,
    receivedAt: (deps.now ?? (() => new Date()))().toISOString(),
    ...(request.templateVersion ? { templateVersion: request.templateVersion } : {}),
    envelope,
  };
  const body = fitToQueue(message, deps.maxQueueMessageBytes ?? MAX_QUEUE_MESSAGE_BYTES);
  try {
    await deps.queue.send(body, request.tenantId);
  } catch (err) {
    throw new EventQueueUnavailableError({ cause: err });
  }
  return message;
}
