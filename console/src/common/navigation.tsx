import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { followInApp } from './router';

/** The main menu (Troubleshooting is a tab of an account's Details). */
export function Navigation({ activeHref, isAdmin }: { activeHref: string; isAdmin: boolean }) {
  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: 'Dashboard', href: '/' },
    { type: 'link', text: 'Data sources', href: '/data-sources' },
    { type: 'link', text: 'Inventory', href: '/inventory' },
    { type: 'link', text: 'Findings', href: '/findings' },
  ];
  if (isAdmin) items.push({ type: 'divider' }, { type: 'link', text: 'API tokens', href: '/tokens' });
  const active = items.filter((i): i is SideNavigationProps.Link => i.type === 'link' && i.href !== '/').find((i) => activeHref.startsWith(i.href));
  return (
    <SideNavigation
      header={{ href: '/', text: 'AQtive Guard' }}
      activeHref={active?.href ?? (activeHref === '/' ? '/' : '')}
      items={items}
      onFollow={followInApp}
    />
  );
}
