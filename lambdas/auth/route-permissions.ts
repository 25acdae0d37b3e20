import { EVENTS_PATH } from '../shared/protocol';
import type { Permission } from '../control/control-model';

/**
 * Every API route with the permission it needs (docs/architecture.md, "Folders"). The authorizer builds its policy from this
 * table, the handlers re-check it, and the OpenAPI document is checked against it. Paths are API Gateway resource
 * paths (without the `/v1` stage).
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** undefined = public (no authorizer). */
  readonly permission?: Permission;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/openapi.json' },
  { method: 'POST', path: '/tokens', permission: 'admin' },
  { method: 'GET', path: '/tokens', permission: 'admin' },
  { method: 'DELETE', path: '/tokens/{tokenId}', permission: 'admin' },
  { method: 'GET', path: '/data-sources/aws/template', permission: 'admin' },
  { method: 'POST', path: '/data-sources/aws/accounts', permission: 'admin' },
  { method: 'GET', path: '/data-sources/aws/accounts', permission: 'reader' },
  { method: 'GET', path: '/data-sources/aws/accounts/{accountId}', permission: 'reader' },
  { method: 'PATCH', path: '/data-sources/aws/accounts/{accountId}', permission: 'admin' },
  { method: 'DELETE', path: '/data-sources/aws/accounts/{accountId}', permission: 'admin' },
  { method: 'POST', path: '/data-sources/aws/accounts/{accountId}/ingestions', permission: 'admin' },
  { method: 'GET', path: '/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}', permission: 'reader' },
  { method: 'GET', path: '/inventory', permission: 'reader' },
  { method: 'GET', path: '/inventory/cbom', permission: 'reader' },
  { method: 'GET', path: '/inventory/{assetId}', permission: 'reader' },
  { method: 'POST', path: EVENTS_PATH, permission: 'uploader' },
];

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

export function findRoute(method: string, resourcePath: string): RouteSpec | undefined {
  return ROUTES.find((r) => r.method === method && r.path === resourcePath);
}
