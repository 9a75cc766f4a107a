import { createBrowserRouter } from 'react-router';
import { AppShellLayout } from './layout/app-shell.layout.tsx';
import { LoginPage } from './pages/auth/login.page.tsx';
import { RegisterPage } from './pages/auth/register.page.tsx';
import { RouteErrorPage } from './pages/errors/route-error.page.tsx';
import { LoadingState } from './components/loading-state.component.tsx';
import { lazyPage } from './route-modules.ts';

/**
 * The sign-in screens and the shell are in the first download; every page inside the shell is
 * loaded on demand (route-modules.ts).
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState fill />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      {
        path: '/',
        element: <AppShellLayout />,
        children: [
          { index: true, lazy: lazyPage('home') },
          { path: 'rules', lazy: lazyPage('rules') },
          { path: 'rules/:id', lazy: lazyPage('editor') },
          {
            path: 'logs',
            lazy: lazyPage('logs'),
            children: [
              { index: true, lazy: lazyPage('runsTab') },
              { path: 'events', lazy: lazyPage('eventsTab') },
              { path: 'journal', lazy: lazyPage('journalTab') },
            ],
          },
          { path: 'logs/runs/:id', lazy: lazyPage('runDetail') },
          { path: 'settings', lazy: lazyPage('settings') },
          { path: 'admin', lazy: lazyPage('admin') },
          { path: '*', lazy: lazyPage('notFound') },
        ],
      },
    ],
  },
]);
