import type { Permission } from '../control/control-model';
import { ROUTE_TABLE, findRoute } from '../api/route-table';

/**
 * The permission each API route needs, read from the route table (lambdas/api/route-table.ts). The authorizer builds
 * its policy from it and the route handlers re-check it. Paths are API Gateway resource paths (without the stage).
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** undefined = public (no authorizer). */
  readonly permission?: Permission;
}

export const ROUTES: readonly RouteSpec[] = ROUTE_TABLE.map((r): RouteSpec => ({
  method: r.method,
  path: r.path,
  ...('permission' in r ? { permission: r.permission } : {}),
}));

/** `admin` includes `reader`; `uploader` stands alone (it is the key that sits in customer accounts). */
export function effectivePermissions(granted: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const p of granted) {
    if (p === 'admin') {
      out.add('admin');
      out.add('reader');
    } else if (p === 'reader' || p === 'uploader') {
      out.add(p);
    }
  }
  return out;
}

export { findRoute };
