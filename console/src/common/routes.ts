import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { DEFAULT_INVENTORY_PAGE_SIZE, inventoryPageQuery, savedInventoryPreferences } from './inventory-query';

export interface PageProps {
  readonly params: Readonly<Record<string, string>>;
}

export interface RouteDef {
  /** Path with `:name` segments, e.g. `/inventory/:assetId`. */
  readonly path: string;
  readonly title: string;
  /** One chunk per page (esbuild splitting): only the visited page's code is loaded. */
  readonly page: LazyExoticComponent<ComponentType<PageProps>>;
  /** Loads the page's code ahead of a visit (the same module `page` loads: fetched once). */
  readonly preload: () => Promise<unknown>;
  /** A main-menu page: its code is preloaded when the browser is idle, so selecting it in the menu waits only for data. */
  readonly inMenu?: boolean;
  readonly adminOnly?: boolean;
  /** Starts the page's first request while its code loads (instead of after: one round trip less before it shows). */
  readonly prefetch?: (client: QueryClient, search: URLSearchParams) => void;
  /** The breadcrumb trail below the home crumb. */
  readonly crumbs: (params: Readonly<Record<string, string>>) => ReadonlyArray<{ text: string; href: string }>;
}

type PageModule = { default: ComponentType<PageProps> };
const pageOf = (load: () => Promise<PageModule>) => ({ page: lazy(load), preload: load });

const DATA_SOURCES = { text: 'Data sources', href: '/data-sources' };
const INVENTORY = { text: 'Inventory', href: '/inventory' };
const FINDINGS = { text: 'Findings', href: '/findings' };

/** Every page of the console (Troubleshooting is a tab of the account details page). */
export const ROUTES: readonly RouteDef[] = [
  { path: '/', title: 'Dashboard', ...pageOf(() => import('../pages/dashboard')), inMenu: true, crumbs: () => [] },
  { path: '/data-sources', title: 'Data sources', ...pageOf(() => import('../pages/data-sources')), inMenu: true, crumbs: () => [DATA_SOURCES] },
  {
    path: '/data-sources/aws/configure',
    title: 'Configure AWS',
    ...pageOf(() => import('../pages/configure-aws')),
    adminOnly: true,
    crumbs: () => [DATA_SOURCES, { text: 'Configure AWS', href: '/data-sources/aws/configure' }],
  },
  {
    path: '/data-sources/aws/accounts/:accountId',
    title: 'AWS account details',
    ...pageOf(() => import('../pages/account-details')),
    crumbs: (p) => [DATA_SOURCES, { text: `Account ${p.accountId}`, href: `/data-sources/aws/accounts/${p.accountId}` }],
  },
  {
    path: '/inventory',
    title: 'Inventory',
    ...pageOf(() => import('../pages/inventory')),
    inMenu: true,
    prefetch: (client, search) => void client.prefetchQuery(inventoryPageQuery(search.toString(), undefined, savedInventoryPreferences().pageSize ?? DEFAULT_INVENTORY_PAGE_SIZE)),
    crumbs: () => [INVENTORY],
  },
  { path: '/inventory/:assetId', title: 'Asset', ...pageOf(() => import('../pages/asset')), crumbs: (p) => [INVENTORY, { text: 'Asset', href: `/inventory/${p.assetId}` }] },
  { path: '/findings', title: 'Findings', ...pageOf(() => import('../pages/findings')), inMenu: true, crumbs: () => [FINDINGS] },
  { path: '/findings/:findingId', title: 'Finding', ...pageOf(() => import('../pages/finding')), crumbs: (p) => [FINDINGS, { text: 'Finding', href: `/findings/${p.findingId}` }] },
  { path: '/tokens', title: 'API tokens', ...pageOf(() => import('../pages/api-tokens')), adminOnly: true, crumbs: () => [{ text: 'API tokens', href: '/tokens' }] },
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
