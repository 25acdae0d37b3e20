import { apiErrorFrom } from './api-error';
import { clearSession, readSession } from './session';

/** The API is on the console's own origin (locally and behind CloudFront), so no CORS and no configured URL. */
export const API_BASE = '/v1';

/** Fired when the API answers 401: the token is unknown, revoked or expired; the app returns to sign-in. */
export const SIGNED_OUT_EVENT = 'aqg:signed-out';

export interface RequestOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  /** Use this token instead of the session's (sign-in checks a token before keeping it). */
  readonly token?: string;
  readonly signal?: AbortSignal;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, v);
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** The one way the console calls the API: `X-API-Key` from the session, JSON in and out, errors as ApiError. */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const token = options.token ?? readSession()?.token;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['x-api-key'] = token;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const error = apiErrorFrom(res.status, body);
    if (res.status === 401 && !options.token) {
      clearSession();
      window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: 'Your token was not accepted (unknown, revoked or expired). Sign in again.' }));
    }
    throw error;
  }
  return body as T;
}

export const apiGet = <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options);
