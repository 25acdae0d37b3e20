import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import type { Permission } from '../control/control-model';
import { effectivePermissions } from '../auth/route-permissions';
import { ValidationError } from './validation-error';

/** Who is calling, from the authorizer context (lambdas/auth/authorize.ts). */
export interface Caller {
  readonly tenantId: string;
  readonly tokenId: string;
  readonly permissions: ReadonlySet<Permission>;
}

/** Thrown when the authorizer context is absent: the route was deployed without the authorizer (a 500, not a 401). */
export class MissingAuthorizerContextError extends Error {
  constructor() {
    super('The request carries no authorizer context');
    this.name = 'MissingAuthorizerContextError';
  }
}

/** The token is valid but lacks the route's permission (the authorizer already denies this; checked again here). */
export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`This token lacks the ${permission} permission`);
    this.name = 'ForbiddenError';
  }
}

export function callerOf(event: APIGatewayProxyEvent): Caller {
  const ctx = event.requestContext?.authorizer as Record<string, unknown> | null | undefined;
  const tenantId = ctx?.tenantId;
  const tokenId = ctx?.tokenId;
  const permissions = ctx?.permissions;
  if (typeof tenantId !== 'string' || !tenantId || typeof tokenId !== 'string' || typeof permissions !== 'string') {
    throw new MissingAuthorizerContextError();
  }
  return {
    tenantId,
    tokenId,
    // The authorizer already expands admin ⊇ reader; expanding again keeps this true for any context producer.
    permissions: effectivePermissions(permissions.split(',')),
  };
}

export function requirePermission(caller: Caller, permission: Permission): void {
  if (!caller.permissions.has(permission)) throw new ForbiddenError(permission);
}

/** JSON body validated by a (strict) zod schema. A missing body is validated as `{}`. */
export function parseBody<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.output<S> {
  let raw: unknown = {};
  if (event.body !== null && event.body !== undefined && event.body !== '') {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ValidationError('body', 'The request body is not valid JSON');
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw ValidationError.fromZod(result.error, 'body');
  return result.data;
}

/** Query string validated by a strict schema: unknown parameters are rejected by name. */
export function parseQuery<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.output<S> {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (!result.success) throw ValidationError.fromZod(result.error, 'query');
  return result.data;
}

/**
 * Path parameters validated by the route's schema. Our ids are URL-safe: values are validated as received, never
 * decoded. A bad one is named by its parameter name.
 */
export function parseParams<S extends z.ZodType>(event: APIGatewayProxyEvent, schema: S): z.output<S> {
  const result = schema.safeParse(event.pathParameters ?? {});
  if (!result.success) throw ValidationError.fromZod(result.error, 'path');
  return result.data;
}
