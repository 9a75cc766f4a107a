import type { Page } from 'playwright-core';
import type { Graph } from '../../core/graph/graph.schema.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { activeWorkflow } from '../support/workflow-graphs.ts';
import { startTargetServer, waitFor } from '../support/target-server.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { launchBrowser, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

/** Regions showing user data or code rather than interface text: left out of the Latin check. */
export const DATA_REGIONS = ['code', 'pre', '.rt-Code', '.json-viewer', '.payload-summary', '[data-user-data]'];

export const RULE_OK = 'Заявки из Краснодара';
export const RULE_FAILING = 'Передача в отдел продаж';

/**
 * webhook → «город = Краснодар» → HTTP request. Payload keys are Cyrillic, so payload summaries
 * (user data shown in the logs) hold no Latin words that would blur the check of the interface.
 */
function cyrillicRule(url: string): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: { secretHeader: '', secretValue: '', dedupeBy: '' } },
      {
        id: 'n2', type: 'logic.condition', version: 1, position: { x: 300, y: 0 },
        props: { group: { match: 'all', rules: [{ left: '{{trigger.body.сделка.город}}', op: 'eq', right: 'Краснодар', caseInsensitive: true }] } },
      },
      {
        id: 'n3', type: 'http.request', version: 1, position: { x: 600, y: 0 },
        props: { method: 'POST', url, headers: {}, body: '{"имя": "{{trigger.body.сделка.имя}}"}', timeoutMs: 5000 },
      },
    ],
    edges: [
      { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
      { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
    ],
  };
}

export interface Workspace {
  ruleId: string;
  failingRuleId: string;
  runId: string;
}

/**
 * A workspace with something on every page: two active rules, a succeeded run, a run whose
 * condition did not match, a failed run and a malformed event. Needs the app's worker.
 */
export async function seedWorkspace(app: TestApp, client: HttpTestClient, urls: { ok: string; failing: string }): Promise<Workspace> {
  const ok = await activeWorkflow(client, cyrillicRule(`${urls.ok}/leads`), RULE_OK);
  const failing = await activeWorkflow(client, cyrillicRule(`${urls.failing}/leads`), RULE_FAILING);
  const send = (path: string, body: string) => fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await send(ok.hookPath, JSON.stringify({ сделка: { имя: 'Иван', город: 'Краснодар' } }));
  await send(ok.hookPath, JSON.stringify({ сделка: { имя: 'Пётр', город: 'Москва' } }));
  await send(failing.hookPath, JSON.stringify({ сделка: { имя: 'Анна', город: 'Краснодар' } }));
  await send(ok.hookPath, '{"сделка": ');
  const settled = (status: string, workflowId: string) =>
    waitFor(async () => (await client.get(`/api/runs?workflowId=${workflowId}&status=${status}`)).body.items[0] as { id: string } | undefined, 20_000, `${status} run`);
  const [run] = await Promise.all([settled('succeeded', ok.id), settled('failed', failing.id)]);
  return { ruleId: ok.id, failingRuleId: failing.id, runId: run.id };
}

export interface AppPage {
  name: string;
  path: string;
  /** Signed out (login, registration) or signed in. */
  guest?: boolean;
  /** Resolves once the page shows its real content (not a spinner). */
  ready(page: Page): Promise<unknown>;
}

/** Every page of the app, with what shows it has loaded. */
export function appPages(w: Workspace): AppPage[] {
  const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 }).first().waitFor();
  /** A tab of «Логи» is open (its link is the current page) and lists a row with `text`. */
  const logTab = (tab: string, text?: string) => async (page: Page) => {
    await page.locator('a[aria-current="page"]', { hasText: tab }).first().waitFor();
    await (text ? page.getByRole('row').filter({ hasText: text }) : page.getByRole('row').nth(1)).first().waitFor();
  };
  return [
    { name: 'login', path: '/login', guest: true, ready: heading('Вход') },
    { name: 'register', path: '/register', guest: true, ready: heading('Регистрация') },
    {
      name: 'overview',
      path: '/',
      ready: async (page) => {
        await heading('Обзор')(page);
        await page.getByTestId('overview-failing-rules').getByText(RULE_FAILING).waitFor();
      },
    },
    {
      name: 'rules',
      path: '/rules',
      ready: async (page) => {
        await heading('Правила')(page);
        await page.locator('.rules-table').getByText(RULE_FAILING).waitFor();
      },
    },
    { name: 'editor', path: `/rules/${w.ruleId}`, ready: (page) => page.locator('.react-flow__node').first().waitFor() },
    { name: 'logs-runs', path: '/logs', ready: logTab('Запуски', RULE_OK) },
    { name: 'logs-events', path: '/logs/events', ready: logTab('Входящие события', RULE_OK) },
    { name: 'logs-journal', path: '/logs/journal', ready: logTab('Журнал операций') },
    { name: 'run-detail', path: `/logs/runs/${w.runId}`, ready: heading(RULE_OK) },
    { name: 'settings', path: '/settings', ready: async (page) => {
      await heading('Настройки')(page);
      await page.getByRole('heading', { name: 'AmoCRM', level: 2 }).waitFor();
    } },
    { name: 'admin', path: '/admin', ready: async (page) => {
      await heading('Администрирование')(page);
      await page.getByText('ООО «Ромашка»').first().waitFor();
    } },
    { name: 'not-found', path: '/no-such-page', ready: heading('Страница не найдена') },
  ];
}

/**
 * Opens a page of the app. Within the signed-in app it goes the way a link does (history and the
 * router, no reload): a dozen pages at three sizes stay quick.
 */
export async function visit(page: Page, baseUrl: string, p: AppPage): Promise<void> {
  const inApp = page.url().startsWith(baseUrl) && !p.guest && (await page.locator('.app-shell').count()) > 0;
  if (inApp) {
    await page.evaluate((path) => {
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, p.path);
  } else {
    await page.goto(baseUrl + p.path);
  }
  // A page whose code is still loading shows a progress bar; then the new page renders.
  await page.waitForFunction(() => !document.querySelector('.route-progress'));
  await p.ready(page);
}

export interface SeededApp {
  app: TestApp;
  client: HttpTestClient;
  browser: TestBrowser & { problems: string[] };
  page: Page;
  pages: AppPage[];
  close(): Promise<void>;
}

/**
 * A product with a worker, a browser, one registered team (its session shared with the browser)
 * and the workspace of `seedWorkspace`: a working and a failing rule with runs behind them.
 */
export async function startSeededApp(label: string): Promise<SeededApp> {
  const [app, ok, failing, browser] = await Promise.all([
    createTestApp({ worker: true, serveEditor: true, env: { RUN_MAX_ATTEMPTS: '1' } }),
    startTargetServer(),
    startTargetServer({ statuses: Array(20).fill(422) }),
    launchBrowser(),
  ]);
  const close = async () => {
    await browser.close();
    await app.close();
    await Promise.all([ok.close(), failing.close()]);
  };
  try {
    const client = app.client();
    const reg = await client.post('/api/auth/register', { email: uniqueEmail(label), password: 'надёжный-пароль-42', name: 'Мария Оболенская', company: 'ООО «Ромашка»' });
    if (reg.status !== 201) throw new Error(`registration failed: ${reg.status} ${JSON.stringify(reg.body)}`);
    const pages = appPages(await seedWorkspace(app, client, { ok: ok.url, failing: failing.url }));
    await shareSession(browser.context, client);
    return { app, client, browser, page: browser.page, pages, close };
  } catch (err) {
    await close();
    throw err;
  }
}
