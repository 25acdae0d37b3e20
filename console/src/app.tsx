import AppLayout from '@cloudscape-design/components/app-layout';
import Spinner from '@cloudscape-design/components/spinner';
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { ApiError } from './api/api-error';
import { SIGNED_OUT_EVENT } from './api/client';
import { readSession } from './api/session';
import { Breadcrumbs } from './common/breadcrumbs';
import { Navigation } from './common/navigation';
import { NotificationsProvider } from './common/notifications';
import { ROUTES, matchRoute } from './common/routes';
import { navigate, useLocation } from './common/router';
import { SignIn } from './pages/sign-in';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // 4xx are answers, not outages: retrying them only delays the error the user has to see.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  const { pathname, search } = useLocation();
  const [signedOutReason, setSignedOutReason] = useState<string>();
  const [navigationOpen, setNavigationOpen] = useState(true);
  const session = readSession();

  useEffect(() => {
    const onSignedOut = (e: Event) => {
      setSignedOutReason((e as CustomEvent<string>).detail);
      queryClient.clear();
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  useEffect(() => {
    if (!session && pathname !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(pathname + (search.size ? `?${search}` : ''))}`, { replace: true });
  }, [session, pathname, search]);

  const signedIn = session !== undefined;
  useEffect(() => {
    if (!signedIn) return;
    // The main menu's pages, once the browser has nothing else to do
    // (https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback; Safari has none: a timer instead).
    const preload = () => ROUTES.filter((r) => r.inMenu).forEach((r) => void r.preload());
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(preload, 2000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(preload, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }, [signedIn]);

  const match = session && pathname !== '/sign-in' ? matchRoute(pathname) : undefined;
  const prefetch = match?.route.prefetch;
  const searchKey = search.toString();
  useEffect(() => {
    if (prefetch) prefetch(queryClient, new URLSearchParams(searchKey));
  }, [prefetch, searchKey]);
  useEffect(() => {
    document.title = `${match ? match.route.title : pathname === '/sign-in' || !session ? 'Sign in' : 'Not found'} · AQtive Guard`;
  }, [match, pathname, session]);

  if (!session || pathname === '/sign-in') {
    return (
      <SignIn
        reason={signedOutReason}
        onSignedIn={() => {
          setSignedOutReason(undefined);
          const next = search.get('next');
          navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
        }}
      />
    );
  }

  const isAdmin = session.permissions.includes('admin');
  const Page = match?.route.page;
  let content;
  if (!match || !Page) content = <Alert type="warning" header="Page not found">There is no page at {pathname}. Use the menu to continue.</Alert>;
  else if (match.route.adminOnly && !isAdmin) content = <Alert type="info" header="Admin only">{match.route.title} needs an admin token; you signed in with a reader token.</Alert>;
  else content = <Page key={pathname} params={match.params} />;

  return (
    <QueryClientProvider client={queryClient}>
      <NotificationsProvider
        page={pathname}
        render={(flashbar) => (
          <AppLayout
            navigation={<Navigation activeHref={pathname} isAdmin={isAdmin} />}
            navigationOpen={navigationOpen}
            onNavigationChange={(e) => setNavigationOpen(e.detail.open)}
            notifications={flashbar}
            breadcrumbs={match && match.route.path !== '/' ? <Breadcrumbs items={match.route.crumbs(match.params)} /> : undefined}
            toolsHide
            ariaLabels={{ navigation: 'Main menu', navigationClose: 'Close menu', navigationToggle: 'Open menu', notifications: 'Notifications' }}
            content={
              <Suspense fallback={<Box textAlign="center" padding="xxl"><Spinner size="large" /> Loading page…</Box>}>{content}</Suspense>
            }
          />
        )}
      />
    </QueryClientProvider>
  );
}
