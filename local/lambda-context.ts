import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { localFunctionArn } from './backend-template';

/**
 * A Lambda `context` for one local invocation. `getRemainingTimeInMillis()` counts down from the function's
 * configured timeout (handlers such as crawl-service yield before it runs out, as they must in AWS).
 */
export function lambdaContext(handlerName: string, timeoutSeconds: number, now: () => number = Date.now): Context {
  const deadline = now() + timeoutSeconds * 1000;
  const unsupported = (what: string) => () => {
    throw new Error(`context.${what}() is the deprecated callback API; handlers return promises`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: handlerName,
    functionVersion: '$LATEST',
    invokedFunctionArn: localFunctionArn(handlerName),
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${handlerName}`,
    logStreamName: `local/${handlerName}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
