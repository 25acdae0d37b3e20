import { useSyncExternalStore } from 'react';

/** History-API routing: the console's paths are real URLs (a shared Inventory link holds its filter). */
const NAVIGATE_EVENT = 'aqg:navigate';

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!options.replace) window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => `${location.pathname}${location.search}`;

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, 'http://console');
  return { pathname: url.pathname, search: url.searchParams };
}

/** For Cloudscape's onFollow: keep plain clicks inside the app, let modified clicks open new tabs. */
export function followInApp(event: CustomEvent<{ href?: string; external?: boolean }>): void {
  const href = event.detail.href;
  if (!href || event.detail.external) return;
  event.preventDefault();
  navigate(href);
}
