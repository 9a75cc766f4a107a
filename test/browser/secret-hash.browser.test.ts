import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { webhookConditionHttp } from '../support/workflow-graphs.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { latinWordsOnPage, launchBrowser, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;

const SECRET = 'старый-секрет-42';
const NEW_SECRET = 'новый-секрет-43';
const hex = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  [app, browser] = await Promise.all([createTestApp({ serveEditor: true }), launchBrowser()]);
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('secret'), 'Ирина Секретова');
  await shareSession(browser.context, client);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const inspector = () => page.getByTestId('inspector');
const secretField = () => inspector().getByTestId('field-secretValue');
const clearButton = () => inspector().getByTestId('field-secretValue-clear');

async function storedSecret(id: string): Promise<string> {
  const res = await client.get(`/api/workflows/${id}`);
  expect(res.status).toBe(200);
  return (res.body as { graph: { nodes: Array<{ id: string; props: { secretValue: string } }> } }).graph.nodes.find((n) => n.id === 'n1')!.props.secretValue;
}

async function openTrigger(id: string) {
  await page.goto(`${app.url}/rules/${id}`);
  await page.getByTestId('node-n1').locator('.rule-node-header').click();
  await page.locator('[data-testid="inspector"][data-node-id="n1"]').waitFor();
  await secretField().waitFor();
}

async function save() {
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('false');
}

/** Neither the stored form nor the digest of any secret is anywhere in the page's HTML. */
async function expectNoHashInPage(...secrets: string[]) {
  const html = await page.content();
  expect(html).not.toContain('sha256:');
  for (const s of secrets) expect(html).not.toContain(hex(s));
}

describe('the secret-hash widget (webhook secret)', () => {
  it('shows a stored secret as an empty password field, never its hash; typing replaces it, «Убрать секрет» clears it', async () => {
    const created = await client.post('/api/workflows', {
      name: 'Вебхук с секретом',
      graph: webhookConditionHttp('https://example.ru/leads', { secretHeader: 'X-Webhook-Secret', secretValue: SECRET }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // The precondition the widget exists for: the server keeps the hash and sends it back.
    expect(await storedSecret(id)).toBe(`sha256:${hex(SECRET)}`);

    await openTrigger(id);
    expect(await secretField().getAttribute('type')).toBe('password');
    expect(await secretField().inputValue()).toBe('');
    expect(await secretField().getAttribute('placeholder')).toBe('Задан — введите новое значение, чтобы заменить');
    await expectNoHashInPage(SECRET);
    // The header name is an example in the field's hint and the rule's own data, not interface text.
    expect(await latinWordsOnPage(page, ['X-Webhook-Secret'], ['.react-flow__pane'])).toEqual([]);
    await browser.shot('secret-hash-stored');

    // Typing and erasing keeps the stored secret, even through a save.
    await secretField().fill('x');
    await inspector().getByText('Новое значение заменит текущее при сохранении').waitFor();
    await secretField().fill('');
    await expect.poll(() => secretField().getAttribute('placeholder')).toBe('Задан — введите новое значение, чтобы заменить');
    await save();
    expect(await storedSecret(id)).toBe(`sha256:${hex(SECRET)}`);

    // A new value replaces the old one on save; the page again shows only «Задан».
    await secretField().fill(NEW_SECRET);
    expect(await secretField().getAttribute('type')).toBe('password');
    await browser.shot('secret-hash-typed');
    await save();
    expect(await storedSecret(id)).toBe(`sha256:${hex(NEW_SECRET)}`);
    await openTrigger(id);
    expect(await secretField().inputValue()).toBe('');
    await expectNoHashInPage(SECRET, NEW_SECRET);

    // «Убрать секрет» clears it: «Не задан», and the server stores no secret.
    await clearButton().click();
    await expect.poll(() => secretField().getAttribute('placeholder')).toBe('Не задан');
    expect(await clearButton().count()).toBe(0);
    await browser.shot('secret-hash-cleared');
    await save();
    expect(await storedSecret(id)).toBe('');
    await openTrigger(id);
    expect(await secretField().getAttribute('placeholder')).toBe('Не задан');
    expect(await secretField().getAttribute('type')).toBe('password');
    expect(browser.problems).toEqual([]);
  });
});
