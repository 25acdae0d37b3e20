/**
 * Opaque page tokens: base64url JSON holding the offset into the (stable, insertion-ordered) list plus a scope
 * that ties the token to the listing it came from, so a token from another API or filter set is rejected like
 * AWS rejects foreign tokens.
 */
import { AwsServiceError } from '../protocol/aws-service-error';

interface PageToken {
  readonly o: number;
  readonly s: string;
  /** Marks a continuation whose next answer is an intentionally empty page (SSM DescribeParameters). */
  readonly e?: 1;
}

export function encodeToken(offset: number, scope: string, emptyNext = false): string {
  const token: PageToken = { o: offset, s: scope, ...(emptyNext ? { e: 1 as const } : {}) };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeToken(token: string | undefined, scope: string, invalid: () => AwsServiceError): PageToken | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) return parsed as PageToken;
  } catch {
    // fall through to the service's invalid-token error
  }
  throw invalid();
}

export interface Page<T> {
  readonly items: T[];
  /** Offset of the next page, or undefined at the end. */
  readonly next?: number;
}

export function page<T>(all: readonly T[], offset: number, limit: number): Page<T> {
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? offset + limit : undefined;
  return next === undefined ? { items } : { items, next };
}
