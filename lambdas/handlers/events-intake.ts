import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { EventQueueUnavailableError, EventTooLargeError, InvalidEventError } from '../events/errors';
import { DynamoRateCounter } from '../events/dynamo-rate-counter';
import { acceptEvent, type EventQueue } from '../events/intake';
import { TokenRateLimiter } from '../events/rate-limit';
import { TEMPLATE_VERSION_HEADER } from '../shared/protocol';
import { serviceUnavailableResponse, tooManyRequestsResponse } from '../api/error-status';
import { errorResponse, headerValue, internalErrorResponse, jsonResponse } from '../shared/http';
import { isPlatformUnavailableError } from '../shared/platform-errors';
import { createDocumentClient, createSqsClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('events-intake');
const logger = createLogger('events-intake');
const sqs = createSqsClient();
const limiter = new TokenRateLimiter(new DynamoRateCounter(createDocumentClient(), env.CONTROL_TABLE_NAME), env.EVENTS_PER_SECOND_PER_TOKEN);
const queue: EventQueue = {
  send: async (messageBody, messageGroupId) => {
    await sqs.send(new SendMessageCommand({ QueueUrl: env.EVENTS_QUEUE_URL, MessageBody: messageBody, MessageGroupId: messageGroupId }));
  },
};

/** Time kept before the function's timeout to answer 503 rather than be cut off (API Gateway would answer a 5xx of its own). */
const ANSWER_MARGIN_MS = 1000;

/**
 * POST /v1/data-sources/aws/events — EventBridge API destination → SQS. Logic: lambdas/events/intake.ts. When the
 * SDK's retries of a struggling table or queue would outlast the function, it answers 503 with Retry-After before its
 * timeout: nothing was acknowledged, EventBridge retries, and a copy that was queued after all is a duplicate the
 * processor drops by event id.
 */
export const handler = async (event: APIGatewayProxyEvent, context?: Context): Promise<APIGatewayProxyResult> => {
  const remainingMs = context?.getRemainingTimeInMillis();
  if (remainingMs === undefined) return accept(event);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<APIGatewayProxyResult>((resolve) => {
    timer = setTimeout(() => {
      logger.error('Events intake ran out of time; answered 503');
      resolve(serviceUnavailableResponse('The event could not be stored in time. EventBridge will retry.'));
    }, Math.max(0, remainingMs - ANSWER_MARGIN_MS));
  });
  try {
    return await Promise.race([accept(event), deadline]);
  } finally {
    clearTimeout(timer);
  }
};

async function accept(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const authorizer = event.requestContext.authorizer ?? {};
  const tenantId = typeof authorizer.tenantId === 'string' ? authorizer.tenantId : undefined;
  const tokenId = typeof authorizer.tokenId === 'string' ? authorizer.tokenId : undefined;
  const permissions = typeof authorizer.permissions === 'string' ? authorizer.permissions.split(',') : [];
  // The authorizer already denies this route without `uploader`; checked again so a misconfigured route cannot
  // let another token write events. 403, never 401: a 401 would deauthorize the customer's connection.
  if (!tenantId || !tokenId || !permissions.includes('uploader')) return errorResponse(403, 'Forbidden', 'This token may not upload events.');
  try {
    // One token's flood is answered 429 (EventBridge retries it later) before it can fill the queue ahead of others.
    const rate = await limiter.take(tokenId);
    if (!rate.allowed) {
      return tooManyRequestsResponse(rate.retryAfterSeconds, 'This token sends events faster than its limit; EventBridge will retry.');
    }
    const templateVersion = headerValue(event.headers, TEMPLATE_VERSION_HEADER);
    const accepted = await acceptEvent(
      { body: event.body, isBase64Encoded: event.isBase64Encoded, tenantId, ...(templateVersion ? { templateVersion } : {}) },
      { queue },
    );
    logger.info('Event queued', { tenantId, eventId: accepted.envelope.id, source: accepted.envelope.source });
    return jsonResponse(202, { accepted: true, id: accepted.envelope.id });
  } catch (err) {
    if (err instanceof InvalidEventError) return errorResponse(400, 'InvalidEvent', err.message, err.field);
    if (err instanceof EventTooLargeError) return errorResponse(413, 'PayloadTooLarge', err.message, 'body');
    if (err instanceof EventQueueUnavailableError) {
      logger.error('Event queue unavailable', { error: err.cause as Error });
      return serviceUnavailableResponse('The event could not be stored. EventBridge will retry.');
    }
    // The rate window's counter (DynamoDB) still failing after the SDK's retries: nothing was queued, try again.
    if (isPlatformUnavailableError(err)) {
      logger.error('Rate limit counter unavailable', { error: err as Error });
      return serviceUnavailableResponse('The event could not be accepted right now. EventBridge will retry.');
    }
    logger.error('Events intake failure', { error: err as Error });
    return internalErrorResponse();
  }
}
