import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageProps {
  readonly params: Readonly<Record<string, string>>;
}

export interface RouteDef {
  /** Path with `:name` segments, e.g. `/inventory/:assetId`. */
  readonly path: string;
  readonly title: string;
  /** One chunk per page (esbuild splitting): only the visited page's code is loaded. */
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
  readonly adminOnly?: boolean;
}

/**
 * Every page of the console. Findings and Troubleshooting are added here (and to the navigation) when their API
 * routes exist: the console only shows what the /v1 API serves.
 */
export const ROUTES: readonly RouteDef[] = [
  { path: '/', title: 'Dashboard', page: lazy(() => import('../pages/dashboard')) },
  { path: '/data-sources', title: 'Data sources', page: lazy(() => import('../pages/data-sources')) },
  { path: '/data-sources/aws/configure', title: 'Configure AWS', page: lazy(() => import('../pages/configure-aws')), adminOnly: true },
  { path: '/data-sources/aws/accounts/:accountId', title: 'AWS account details', page: lazy(() => import('../pages/account-details')) },
  { path: '/inventory', title: 'Inventory', page: lazy(() => import('../pages/inventory')) },
  { path: '/inventory/:assetId', title: 'Asset', page: lazy(() => import('../pages/asset')) },
  { path: '/tokens', title: 'API tokens', page: lazy(() => import('../pages/api-tokens')), adminOnly: true },
];

export function matchRoute(pathname: string): { route: RouteDef; params: Record<string, string> } | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  for (const route of ROUTES) {
    const pattern = route.path === '/' ? [] : route.path.split('/').slice(1);
    if (pattern.length !== (parts.length === 1 && parts[0] === '' ? 0 : parts.length)) continue;
    const params: Record<string, string> = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i])), parts[i] !== '') : p === parts[i]))) {
      return { route, params };
    }
  }
  return undefined;
}
