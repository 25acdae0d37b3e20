/**
 * An error the sandbox answers the way AWS does: a code (`__type` in JSON, `<Code>` in query/XML), an HTTP status
 * and, for the query protocol, who is at fault (`<Type>Sender</Type>`).
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    readonly fault: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = 'AwsServiceError';
  }
}

/** `1 validation error detected: …`, the wording AWS's request validation uses. */
export function validationError(detail: string, code = 'ValidationException'): AwsServiceError {
  return new AwsServiceError(code, `1 validation error detected: ${detail}`);
}
