import type { ComponentType } from 'react';

/**
 * Every page outside the sign-in screens is its own chunk, fetched when its route is first
 * matched: the login page never downloads React Flow, the logs never download the rule editor.
 * The same loaders prefetch a page when its link in the sidebar is hovered or focused.
 */
export const pageLoaders = {
  home: () => import('./pages/home/home.page.tsx').then((m) => m.HomePage),
  rules: () => import('./pages/workflows/workflows-list.page.tsx').then((m) => m.WorkflowsListPage),
  // The graph validator speaks zod: its Russian messages travel with the only pages that validate.
  editor: () =>
    Promise.all([import('./pages/workflows/workflow-editor.page.tsx'), import('../../core/graph/zod-locale.ts')]).then(
      ([m]) => m.WorkflowEditorPage,
    ),
  logs: () => import('./pages/logs/logs.layout.tsx').then((m) => m.LogsLayout),
  runsTab: () => import('./pages/logs/runs-tab.page.tsx').then((m) => m.RunsTabPage),
  eventsTab: () => import('./pages/logs/events-tab.page.tsx').then((m) => m.EventsTabPage),
  journalTab: () => import('./pages/logs/journal-tab.page.tsx').then((m) => m.JournalTabPage),
  runDetail: () => import('./pages/logs/run-detail.page.tsx').then((m) => m.RunDetailPage),
  settings: () =>
    Promise.all([import('./pages/settings/settings.page.tsx'), import('../../core/graph/zod-locale.ts')]).then(
      ([m]) => m.SettingsPage,
    ),
  admin: () => import('./pages/admin/admin.page.tsx').then((m) => m.AdminPage),
  notFound: () => import('./pages/errors/not-found.page.tsx').then((m) => m.NotFoundPage),
} satisfies Record<string, () => Promise<ComponentType>>;

export type PageName = keyof typeof pageLoaders;

/** A route's `lazy` that resolves to the page component. */
export function lazyPage(name: PageName) {
  return async () => ({ Component: await pageLoaders[name]() });
}

/** Which chunks a sidebar link leads to (the logs open on their first tab). */
const PREFETCH: Record<string, PageName[]> = {
  '/': ['home'],
  '/rules': ['rules'],
  '/logs': ['logs', 'runsTab'],
  '/settings': ['settings'],
  '/admin': ['admin'],
};

/** Starts loading a page's code before the click; a failure here is retried by the navigation. */
export function prefetchPage(path: string): void {
  for (const name of PREFETCH[path] ?? []) void pageLoaders[name]().catch(() => undefined);
}
