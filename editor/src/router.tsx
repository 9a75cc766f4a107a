import { createBrowserRouter } from 'react-router';
import { AppShellLayout } from './layout/app-shell.layout.tsx';
import { LoginPage } from './pages/auth/login.page.tsx';
import { RegisterPage } from './pages/auth/register.page.tsx';
import { HomePage } from './pages/home/home.page.tsx';
import { WorkflowsListPage } from './pages/workflows/workflows-list.page.tsx';
import { WorkflowEditorPage } from './pages/workflows/workflow-editor.page.tsx';
import { LogsLayout } from './pages/logs/logs.layout.tsx';
import { RunsTabPage } from './pages/logs/runs-tab.page.tsx';
import { EventsTabPage } from './pages/logs/events-tab.page.tsx';
import { JournalTabPage } from './pages/logs/journal-tab.page.tsx';
import { RunDetailPage } from './pages/logs/run-detail.page.tsx';
import { SettingsPage } from './pages/settings/settings.page.tsx';
import { AdminPage } from './pages/admin/admin.page.tsx';
import { NotFoundPage } from './pages/errors/not-found.page.tsx';
import { RouteErrorPage } from './pages/errors/route-error.page.tsx';

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      {
        path: '/',
        element: <AppShellLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'rules', element: <WorkflowsListPage /> },
          { path: 'rules/:id', element: <WorkflowEditorPage /> },
          {
            path: 'logs',
            element: <LogsLayout />,
            children: [
              { index: true, element: <RunsTabPage /> },
              { path: 'events', element: <EventsTabPage /> },
              { path: 'journal', element: <JournalTabPage /> },
            ],
          },
          { path: 'logs/runs/:id', element: <RunDetailPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'admin', element: <AdminPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
