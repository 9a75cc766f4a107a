import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useAuthStore } from '../store/auth.store.ts';
import { LoadingState } from '../components/loading-state.component.tsx';
import { errorMessage } from '../components/error-callout.component.tsx';
import { ProductLogo } from '../components/product-logo.component.tsx';
import { AppSidebar } from './app-sidebar.layout.tsx';
import { AppTopbar } from './app-topbar.layout.tsx';
import { useCompactScreen } from './use-media-query.hook.ts';
import { TenantBlockedBanner } from './tenant-blocked.banner.tsx';

/** Where to come back after signing in: `/login?next=/logs/runs/…`. */
export function loginPathFor(location: { pathname: string; search: string; hash: string }): string {
  const back = location.pathname + location.search + location.hash;
  return back && back !== '/' ? `/login?next=${encodeURIComponent(back)}` : '/login';
}

/** Log tabs share one page: switching tabs animates only the tab, not the whole page. */
function transitionKey(pathname: string): string {
  return /^\/logs(\/(events|journal))?\/?$/.test(pathname) ? '/logs' : pathname;
}

/**
 * Signed-in area: asks `GET /api/auth/me` once, sends guests to /login (remembering the page),
 * then shows the sidebar and the page. Pages fill the content area; the rule editor goes full-bleed.
 * Below 900 px the sidebar gives way to a top bar with a drawer.
 */
export function AppShellLayout() {
  const location = useLocation();
  const { user, status, error, signedOutReason, load } = useAuthStore();
  const compact = useCompactScreen();
  // A page's code is still on its way (first visit of a route): a thin bar says something happens.
  const loadingPage = useNavigation().state === 'loading';

  useEffect(() => {
    if (status === 'unknown') void load();
  }, [status, load]);

  if (status === 'unknown' || (status === 'loading' && !user)) return <LoadingState fill />;

  if (status === 'error' && !user) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }} p="4">
        <Card size="4" style={{ maxWidth: 440, width: '100%' }} className="fade-in">
          <Flex direction="column" gap="3" align="start">
            <ProductLogo size={36} />
            <Heading size="4">Не удалось открыть Конструктор интеграций</Heading>
            <Text size="2" color="gray">
              {errorMessage(error)}
            </Text>
            <Button onClick={() => void load()}>Повторить</Button>
          </Flex>
        </Card>
      </Flex>
    );
  }

  if (!user) {
    return <Navigate to={signedOutReason === 'logout' ? '/login' : loginPathFor(location)} replace />;
  }

  return (
    <div className={compact ? 'app-shell compact' : 'app-shell'}>
      <a href="#main-content" className="skip-link">
        Перейти к содержимому
      </a>
      {loadingPage ? (
        <div className="route-progress" role="status">
          <span className="visually-hidden">Загрузка страницы…</span>
        </div>
      ) : null}
      {compact ? <AppTopbar /> : <AppSidebar />}
      <main className="app-content" id="main-content" tabIndex={-1}>
        {user.blocked ? <TenantBlockedBanner blocked={user.blocked} /> : null}
        <div key={transitionKey(location.pathname)} className="app-outlet page-enter">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
