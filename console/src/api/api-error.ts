/** A non-2xx answer of the API, with its `{ error: { code, message, field? } }` body (README "API"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** What the user reads: the API's own message, with the field it names. */
  get description(): string {
    return this.field ? `${this.message} (field: ${this.field})` : this.message;
  }
}

/** Builds an ApiError from any answer body: API Gateway's own answers use the same shape; anything else is named by status. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(status, typeof error.code === 'string' ? error.code : `HTTP${status}`, error.message, typeof error.field === 'string' ? error.field : undefined);
  }
  return new ApiError(status, `HTTP${status}`, `The API answered ${status}`);
}
