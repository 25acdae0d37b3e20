/**
 * An error answer of an AWS JSON 1.0 service: HTTP 400 (or `statusCode`) with `{"__type": "<code>", "message": …}`.
 * https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html#operation-error-serialization
 */
export class AwsJsonError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    /** SQS is awsQueryCompatible: its SDK reads the query-protocol error code from `x-amzn-query-error`. */
    readonly queryErrorCode?: string,
  ) {
    super(message);
    this.name = 'AwsJsonError';
  }
}
