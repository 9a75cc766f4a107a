import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Graph } from '../../core/graph/graph.schema.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { startTargetServer } from '../support/target-server.ts';
import { latinWordsOnPage, launchBrowser, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;
let target: Awaited<ReturnType<typeof startTargetServer>>;

const OLD = 'old-node-secret-51';
const NEW = 'new-node-secret-52';
const EXTRA = 'extra-node-secret-53';

beforeAll(async () => {
  [app, browser, target] = await Promise.all([createTestApp({ serveEditor: true }), launchBrowser(), startTargetServer()]);
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('secret-kv'), 'Олег Ключников');
  await shareSession(browser.context, client);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await target?.close();
});

const inspector = () => page.getByTestId('inspector');
const row = (i: number) => inspector().getByTestId(`field-secretHeaders-row-${i}`);

const graph = (): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'n2', type: 'http.request', version: 1, position: { x: 300, y: 0 }, props: { method: 'GET', url: `${target.url}/kv`, secretHeaders: { 'X-Api-Key': OLD } } },
  ],
  edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
});

async function openRequest(id: string) {
  await page.goto(`${app.url}/rules/${id}`);
  await page.getByTestId('node-n2').locator('.rule-node-header').click();
  await page.locator('[data-testid="inspector"][data-node-id="n2"]').waitFor();
  await row(0).waitFor();
}

async function save() {
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('false');
}

/** What the remote side receives when the saved draft runs (a GET is sent even in a test run). */
async function sentHeaders(id: string) {
  const before = target.received.length;
  const res = await client.post(`/api/workflows/${id}/test-run`, { event: { body: {} } });
  expect(res.body.status, res.text).toBe('succeeded');
  return target.received.slice(before).find((r) => r.url === '/kv')!.headers;
}

describe('the secret-keyvalue widget (secret headers of «HTTP-запрос»)', () => {
  it('shows stored values as «•••• (задано)», replaces, adds and removes them without ever showing one', async () => {
    const created = await client.post('/api/workflows', { name: 'Секретные заголовки', graph: graph() });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    await openRequest(id);
    expect(await row(0).getAttribute('data-secret-state')).toBe('set');
    expect(await row(0).getByTestId('field-secretHeaders-row-0-value').inputValue()).toBe('•••• (задано)');
    // The optional credentials picker says the node runs without them.
    await inspector().getByText('Без подключения.').waitFor();
    expect(await page.content()).not.toMatch(new RegExp(`${OLD}|enc:v1`));
    expect(await latinWordsOnPage(page, [], ['.react-flow__pane', '.editor-inspector input'])).toEqual([]);
    await browser.shot('secret-keyvalue-stored');

    // «Заменить», then typing: the new value is sent once saved.
    await inspector().getByTestId('field-secretHeaders-row-0-replace').click();
    const input = row(0).getByTestId('field-secretHeaders-row-0-value');
    expect(await input.getAttribute('type')).toBe('password');
    await input.fill(NEW);
    // A second secret header, typed from scratch.
    await inspector().getByTestId('field-secretHeaders-add').click();
    await row(1).getByLabel('Имя').fill('X-Extra');
    await row(1).getByTestId('field-secretHeaders-row-1-value').fill(EXTRA);
    await browser.shot('secret-keyvalue-typed');
    await save();
    const sent = await sentHeaders(id);
    expect(sent['x-api-key']).toBe(NEW);
    expect(sent['x-extra']).toBe(EXTRA);

    // Reopened: both stored, nothing shown; removing one drops it on save.
    await openRequest(id);
    const names = [await row(0).getByLabel('Имя').inputValue(), await row(1).getByLabel('Имя').inputValue()];
    expect(names.sort()).toEqual(['X-Api-Key', 'X-Extra']);
    for (const i of [0, 1]) expect(await row(i).getAttribute('data-secret-state')).toBe('set');
    expect(await page.content()).not.toMatch(new RegExp(`${NEW}|${EXTRA}|enc:v1`));
    const extra = (await row(0).getByLabel('Имя').inputValue()) === 'X-Extra' ? 0 : 1;
    await inspector().getByTestId(`field-secretHeaders-row-${extra}-remove`).click();
    await save();
    const after = await sentHeaders(id);
    expect(after['x-api-key']).toBe(NEW);
    expect(after['x-extra']).toBeUndefined();
    expect(browser.problems).toEqual([]);
  });
});
