import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { errorResponse } from '../shared/http';
import type { RateLimit } from '../events/rate-limit';
import { toErrorResponse, tooManyRequestsResponse, type ErrorLogger } from './error-status';
import { callerOf, parseBody, parseParams, parseQuery, requirePermission, type Caller } from './request';
import { type ApiFunctionName, type ApiRoute, type RouteKey, type RoutesOf, findRoute } from './route-table';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route's validated input, typed from its schemas in the route table. */
export interface RouteInput<R extends ApiRoute> {
  readonly query: Parsed<R['request']['query']>;
  readonly params: Parsed<R['request']['params']>;
  readonly body: Parsed<R['request']['body']>;
}

export type RouteHandler<R extends ApiRoute = ApiRoute> = (
  input: RouteInput<R>,
  caller: Caller,
  event: APIGatewayProxyEvent,
) => Promise<APIGatewayProxyResult>;

/** One handler per route the function serves in the route table: no more, no fewer (checked by the compiler). */
export type RouteHandlers<F extends ApiFunctionName> = { readonly [R in RoutesOf<F> as RouteKey<R>]: RouteHandler<R> };

export interface ApiHandlerOptions {
  /**
   * Each token's requests per second, counted before anything else is done: over it, 429 with Retry-After, so one
   * tenant's flood cannot take the platform's capacity from the others. @default - no limit (tests of one route)
   */
  readonly rateLimit?: RateLimit;
}

/**
 * One Lambda entry for a function's routes: find the route in the table by API Gateway's `resource` template,
 * take one request from the token's rate limit, re-check its permission from the authorizer context (defence in
 * depth: the authorizer's policy already enforces it), validate its query, path and body with the table's schemas,
 * and map errors through the one status table.
 */
export function apiHandler<F extends ApiFunctionName>(routes: RouteHandlers<F>, logger: ErrorLogger, options: ApiHandlerOptions = {}) {
  const handlers = routes as unknown as Readonly<Record<string, RouteHandler>>;
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const route = findRoute(event.httpMethod, event.resource);
    const handle = route && Object.hasOwn(handlers, `${route.method} ${route.path}`) ? handlers[`${route.method} ${route.path}`] : undefined;
    if (!route || !handle) return errorResponse(404, 'NotFound', 'No such route');
    try {
      const caller = callerOf(event);
      if (options.rateLimit) {
        const rate = await options.rateLimit.take(caller.tokenId);
        if (!rate.allowed) return tooManyRequestsResponse(rate.retryAfterSeconds);
      }
      if (route.permission) requirePermission(caller, route.permission);
      const spec: ApiRoute = route;
      const input = {
        query: spec.request.query && parseQuery(event, spec.request.query),
        params: spec.request.params && parseParams(event, spec.request.params),
        body: spec.request.body && parseBody(event, spec.request.body),
      };
      return await handle(input as RouteInput<ApiRoute>, caller, event);
    } catch (err) {
      return toErrorResponse(err, logger);
    }
  };
}
