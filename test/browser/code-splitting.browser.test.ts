import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { launchBrowser, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

/**
 * What each page downloads, watched on the wire: the login page and the logs never fetch React
 * Flow or the rule editor; the editor does (so the check can fail). Needs `npm run build`.
 */
type Chunk = { file: string; name?: string; src?: string; css?: string[]; imports?: string[] };
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/editor/.vite/manifest.json', import.meta.url)), 'utf8')) as Record<string, Chunk>;
const editorChunk = manifest['src/pages/workflows/workflow-editor.page.tsx']!;
const flowChunk = Object.values(manifest).find((c) => c.name === 'vendor-flow')!;
/** Files only the editor needs: its own chunk and styles, React Flow and its styles. */
const EDITOR_ONLY = [editorChunk.file, ...(editorChunk.css ?? []), flowChunk.file, ...(flowChunk.css ?? [])].map((f) => `/${f}`);

let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;
let ruleId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([createTestApp({ serveEditor: true }), launchBrowser()]);
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('chunks'), 'Ольга Быстрова');
  ruleId = (await client.post('/api/workflows', { name: 'Заявки с сайта' })).body.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Paths of the app's own files the page requests while `action` runs. */
async function requested(action: () => Promise<unknown>): Promise<string[]> {
  const paths: string[] = [];
  const onRequest = (req: { url(): string }) => {
    const url = new URL(req.url());
    if (url.origin === app.url) paths.push(url.pathname);
  };
  page.on('request', onRequest);
  try {
    await action();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', onRequest);
  }
  return paths;
}

describe('route-level code splitting', () => {
  it('sanity: the manifest names the editor chunk and React Flow', () => {
    expect(editorChunk.file).toMatch(/^assets\/workflow-editor/);
    expect(flowChunk.file).toMatch(/^assets\/vendor-flow/);
  });

  it('the login page downloads neither React Flow nor the rule editor', async () => {
    const paths = await requested(async () => {
      await page.goto(app.url + '/login');
      await page.getByRole('heading', { name: 'Вход', level: 1 }).waitFor();
    });
    expect(paths.some((p) => p.startsWith('/assets/index-')), 'the entry itself').toBe(true);
    expect(paths.filter((p) => EDITOR_ONLY.includes(p))).toEqual([]);
  });

  it('the logs download neither, opened directly or through the menu', async () => {
    await shareSession(browser.context, client);
    const direct = await requested(async () => {
      await page.goto(app.url + '/logs/events');
      await page.getByRole('heading', { name: 'Логи', level: 1 }).waitFor();
    });
    const viaMenu = await requested(async () => {
      await page.getByRole('link', { name: 'Обзор', exact: true }).click();
      await page.getByRole('heading', { name: 'Обзор', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Логи', exact: true }).click();
      await page.getByRole('heading', { name: 'Логи', level: 1 }).waitFor();
    });
    expect([...direct, ...viaMenu].filter((p) => EDITOR_ONLY.includes(p))).toEqual([]);
  });

  it('the rule editor loads them when it is opened', async () => {
    const paths = await requested(async () => {
      await page.goto(`${app.url}/rules/${ruleId}`);
      await page.locator('.react-flow').waitFor();
    });
    expect(paths).toEqual(expect.arrayContaining(EDITOR_ONLY));
    expect(browser.problems).toEqual([]);
  });

  it('starts loading a page from the menu before the click (pointer over its link)', async () => {
    await page.goto(app.url + '/logs');
    await page.getByRole('heading', { name: 'Логи', level: 1 }).waitFor();
    const settings = manifest['src/pages/settings/settings.page.tsx']!.file;
    const paths = await requested(() => page.getByRole('link', { name: 'Настройки', exact: true }).hover());
    expect(paths).toContain(`/${settings}`);
    expect(new URL(page.url()).pathname).toBe('/logs');
  });

  it('a page file gone after a release: the app reloads once, then explains in Russian', async () => {
    const home = `/${manifest['src/pages/home/home.page.tsx']!.file}`;
    // What an old tab meets after a deploy: the server no longer has the hashed file.
    await page.route(`**${home}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Файл не найден' }));
    let loads = 0;
    const onLoad = () => loads++;
    page.on('load', onLoad);
    try {
      await page.goto(app.url + '/');
      await page.getByRole('heading', { name: 'Не удалось загрузить страницу', level: 1 }).waitFor();
      expect(loads, 'one automatic reload, not a loop').toBe(2);
      expect(await page.getByRole('button', { name: 'Обновить страницу' }).isVisible()).toBe(true);
    } finally {
      page.off('load', onLoad);
      await page.unroute(`**${home}`);
    }
    browser.problems.length = 0; // the failed module load is logged by the browser on purpose here
  });
});
