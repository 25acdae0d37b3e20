import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SFNClient } from '@aws-sdk/client-sfn';
import { documentClient } from './dynamo';

/**
 * The platform's own AWS clients (its DynamoDB tables, its queue, its state machine).
 *
 * They take their endpoint only from the PLATFORM_*_ENDPOINT variables (set by the local runtime), never from the
 * SDK's global `AWS_ENDPOINT_URL`: that one is reserved for pointing the customer-account clients at an emulator, and
 * must not also redirect our own inventory writes.
 */
type Env = Readonly<Record<string, string | undefined>>;

/**
 * The processor handles a batch's records concurrently (and the local runtime runs several batches at once): more
 * sockets than the SDK's default 50, so requests do not queue behind the agent.
 */
const MAX_SOCKETS = 256;

/**
 * Attempts per request, with the SDK's standard retry strategy (exponential backoff with jitter; throttling, 5xx,
 * timeouts and dropped connections are retried): DynamoDB throttles bursts on a table's hot partitions and answers
 * an occasional 500, and a write that fails here fails a whole request. Eight attempts ride out about 20 s of
 * throttling (backoff capped at 20 s) and leave a failure rate of p^8 (under 3 in a million at p = 20 %).
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const PLATFORM_MAX_ATTEMPTS = 8;

function platformConfig(endpoint: string | undefined) {
  const requestHandler = { httpAgent: { maxSockets: MAX_SOCKETS }, httpsAgent: { maxSockets: MAX_SOCKETS } };
  const retry = { retryMode: 'standard', maxAttempts: PLATFORM_MAX_ATTEMPTS } as const;
  // An explicit endpoint wins over AWS_ENDPOINT_URL*; in AWS (no override) the regional default is used, and
  // `ignoreConfiguredEndpointUrls` keeps a stray AWS_ENDPOINT_URL from redirecting platform traffic.
  return endpoint ? { endpoint, requestHandler, ...retry } : { ignoreConfiguredEndpointUrls: true, requestHandler, ...retry };
}

export function createDocumentClient(env: Env = process.env): DynamoDBDocumentClient {
  return documentClient(new DynamoDBClient(platformConfig(env.PLATFORM_DYNAMODB_ENDPOINT)));
}

export function createSqsClient(env: Env = process.env): SQSClient {
  return new SQSClient(platformConfig(env.PLATFORM_SQS_ENDPOINT));
}

export function createSfnClient(env: Env = process.env): SFNClient {
  return new SFNClient(platformConfig(env.PLATFORM_SFN_ENDPOINT));
}
