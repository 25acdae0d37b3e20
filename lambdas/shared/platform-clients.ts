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

function platformConfig(endpoint: string | undefined) {
  const requestHandler = { httpAgent: { maxSockets: MAX_SOCKETS }, httpsAgent: { maxSockets: MAX_SOCKETS } };
  // An explicit endpoint wins over AWS_ENDPOINT_URL*; in AWS (no override) the regional default is used, and
  // `ignoreConfiguredEndpointUrls` keeps a stray AWS_ENDPOINT_URL from redirecting platform traffic.
  return endpoint ? { endpoint, requestHandler } : { ignoreConfiguredEndpointUrls: true, requestHandler };
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
