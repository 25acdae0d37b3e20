import type { APIGatewayProxyResult } from 'aws-lambda';

/** The one error shape every API route answers with. 400s name the offending `field`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } as const;

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(statusCode: number, code: string, message: string, field?: string): APIGatewayProxyResult {
  const body: ErrorBody = { error: field === undefined ? { code, message } : { code, message, field } };
  return jsonResponse(statusCode, body);
}

/** Generic 500: details go to the log only, never to the caller. */
export function internalErrorResponse(): APIGatewayProxyResult {
  return errorResponse(500, 'InternalError', 'The request could not be completed. Try again later.');
}

/** Header lookup as HTTP defines it (case-insensitive); API Gateway keeps the client's spelling. */
export function headerValue(headers: Readonly<Record<string, string | undefined>> | null | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}
