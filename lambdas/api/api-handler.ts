import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { findRoute } from '../auth/route-permissions';
import { errorResponse } from '../shared/http';
import { toErrorResponse, type ErrorLogger } from './error-status';
import { callerOf, requirePermission, type Caller } from './request';

export type RouteHandler = (event: APIGatewayProxyEvent, caller: Caller) => Promise<APIGatewayProxyResult>;

/** `"<METHOD> <resource path>"` → handler, e.g. `"GET /tokens"`. */
export type RouteTable = Readonly<Record<string, RouteHandler>>;

/**
 * One Lambda entry for a resource's routes: dispatch on API Gateway's `resource` template, re-check the route's
 * permission from the authorizer context (defence in depth: the authorizer's policy already enforces it), and map
 * errors through the one status table.
 */
export function apiHandler(routes: RouteTable, logger: ErrorLogger) {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const key = `${event.httpMethod} ${event.resource}`;
    const route = routes[key];
    const spec = findRoute(event.httpMethod, event.resource);
    if (!route || !spec) return errorResponse(404, 'NotFound', 'No such route');
    try {
      const caller = callerOf(event);
      if (spec.permission) requirePermission(caller, spec.permission);
      return await route(event, caller);
    } catch (err) {
      return toErrorResponse(err, logger);
    }
  };
}
