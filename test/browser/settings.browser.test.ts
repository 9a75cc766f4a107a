import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import amocrm from '../../plugins/amocrm/index.ts';
import { plugins as installedPlugins } from '../../plugins/index.ts';
import { startAmoSimulator, type AmoSimulator } from '../../plugins/amocrm/simulator/amo-simulator.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { latinWordsIn, latinWordsOnPage, launchBrowser, registryTitleWords, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let sim: AmoSimulator;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;

// Until AmoCRM is in the installed list, the test installs it next to the others.
const plugins = installedPlugins.some((p) => p.id === 'amocrm') ? installedPlugins : [...installedPlugins, amocrm];
const OAUTH_CLIENT = { clientId: 'ic-sales-integration', clientSecret: 'ic-oauth-secret-7731' };
const TOKEN_NAME = 'Отдел продаж';
const OAUTH_NAME = 'Маркетинг';
// The connection form's hints give an example subdomain and name the international brand of AmoCRM.
const FORM_EXAMPLES = ['mycompany', 'Kommo'];

beforeAll(async () => {
  [app, sim, browser] = await Promise.all([createTestApp({ plugins, serveEditor: true }), startAmoSimulator(), launchBrowser()]);
  sim.registerOAuthClient({ ...OAUTH_CLIENT, redirectUri: `${app.url}/api/oauth/callback` });
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('settings'), 'Светлана Настройкина');
  await shareSession(browser.context, client);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sim?.close();
});

const section = () => page.getByTestId('settings-plugin-amocrm');
const dialog = () => page.getByTestId('connection-dialog');
const card = (name: string) => section().getByTestId('connection-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
const inspector = () => page.getByTestId('inspector');
const field = (path: string, within: Locator = inspector()) => within.getByTestId(`field-${path}`);

async function expectRussianOnly(allow: string[] = [], exclude: string[] = []) {
  expect(await latinWordsOnPage(page, allow, exclude), `Latin words on ${page.url()}`).toEqual([]);
}

async function connections() {
  const res = await client.get('/api/connections?plugin=amocrm');
  expect(res.status).toBe(200);
  return res.body.items as { id: string; name: string; status: string; hookUrl: string | null; metadata: { summary: { label: string; count: number }[] } | null }[];
}

async function openSettings() {
  await page.goto(`${app.url}/settings`);
  await page.getByRole('heading', { name: 'Настройки', level: 1 }).waitFor();
  await section().waitFor();
}

async function selectNode(id: string) {
  await page.getByTestId(`node-${id}`).locator('.rule-node-header').click();
  await page.locator(`[data-testid="inspector"][data-node-id="${id}"]`).waitFor();
}

async function save() {
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('false');
}

const pipelineId = (name: string) => sim.state.pipelines.find((p) => p.name === name)!.id;
const statusId = (pipeline: string, name: string) => sim.state.pipelines.find((p) => p.name === pipeline)!.statuses.find((s) => s.name === name)!.id;

describe('«Настройки»: AmoCRM connections', () => {
  it('lists AmoCRM from the registry, with its help and an empty state', async () => {
    await openSettings();
    expect(await page.getByRole('link', { name: 'Настройки' }).getAttribute('class')).toContain('active');
    expect(await section().getByRole('heading', { level: 2 }).innerText()).toBe('AmoCRM');
    await section().getByTestId('amocrm-help').waitFor();
    await section().getByText('Подключений пока нет — добавьте первое').waitFor();
    // The installed plugins without a connection (webhook, logic) have no section.
    expect(await page.locator('[data-testid^="settings-plugin-"]').count()).toBe(plugins.filter((p) => p.connection).length);
    // The English-text check takes brand names from the registry (and still catches other Latin).
    expect(await registryTitleWords(page)).toEqual(expect.arrayContaining(['AmoCRM', 'HTTP']));
    expect(latinWordsIn('Подключение Bitrix24 к AmoCRM', await registryTitleWords(page))).toEqual(['Bitrix24']);
    await expectRussianOnly();
    await browser.shot('settings-empty');
  });

  it('renders any plugin\'s form from its schema: HTTP credentials, four ways, no metadata or hook address', async () => {
    const http = page.getByTestId('settings-plugin-http');
    await http.getByTestId('settings-add-http').click();
    await dialog().waitFor();
    const ways = ['Bearer-токен', 'Логин и пароль (Basic)', 'Заголовок', 'Параметр адреса'];
    expect(await dialog().getByRole('radio').count()).toBe(ways.length);
    for (const way of ways) await dialog().getByRole('radio', { name: way, exact: true }).waitFor();
    await dialog().getByRole('radio', { name: 'Заголовок' }).click();
    await dialog().getByTestId('field-name').fill('X-Api-Key');
    await dialog().getByTestId('field-value').fill('http-secret-value-1');
    expect(await dialog().getByTestId('field-value').getAttribute('type')).toBe('password');
    // Words of the HTTP plugin's own texts (the auth scheme names and an example header).
    await expectRussianOnly(['Bearer', 'Basic', 'X-Api-Key'], ['[data-testid="connection-dialog"] input']);
    await browser.shot('settings-connect-http');
    await dialog().getByTestId('connection-submit').click();
    await dialog().waitFor({ state: 'detached' });
    const c = http.getByTestId('connection-card');
    await expect.poll(() => c.getAttribute('data-status')).toBe('ok');
    expect(await c.getByTestId('connection-account').innerText()).toBe('заголовок X-Api-Key');
    expect(await c.getByTestId('connection-metadata').count()).toBe(0);
    expect(await c.getByTestId('connection-hook').count()).toBe(0);
    expect(await page.content()).not.toContain('http-secret-value-1');
    // Removed again: its account names a Latin header, which is user data, not interface text.
    await c.getByTestId('connection-delete').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Удалить' }).click();
    await http.getByTestId('settings-empty-http').waitFor();
    const close = page.getByRole('button', { name: 'Закрыть уведомление' });
    while ((await close.count()) > 0) await close.first().click();
  });

  it('connects by a long-lived token: server field errors under their fields, then «Подключено», account, metadata, hook address', async () => {
    await page.getByTestId('settings-add-amocrm').click();
    await dialog().waitFor();
    // The discriminated union is a segmented choice titled by the schema.
    const tokenTab = dialog().getByRole('radio', { name: 'Долгосрочный токен' });
    await tokenTab.waitFor();
    await dialog().getByRole('radio', { name: 'OAuth 2.0' }).waitFor();
    expect(await tokenTab.getAttribute('aria-checked')).toBe('true');
    expect(await dialog().getByTestId('field-accessToken').getAttribute('type')).toBe('password');

    await dialog().getByTestId('connection-name').fill(TOKEN_NAME);
    await dialog().getByTestId('field-accessToken').fill(sim.issueLongLivedToken());
    await dialog().getByTestId('connection-submit').click();
    // The server's `details.fields["credentials.subdomain"]` lands under «Поддомен».
    const subdomainIssue = dialog().locator('[data-path="subdomain"] .schema-field-issue');
    await subdomainIssue.waitFor();
    expect(await subdomainIssue.innerText()).toContain('Укажите поддомен');
    expect(await connections()).toEqual([]);

    await dialog().getByTestId('field-subdomain').fill(sim.subdomain);
    await subdomainIssue.waitFor({ state: 'detached' });
    await dialog().getByTestId('field-baseUrl').fill(sim.url);
    await expectRussianOnly(FORM_EXAMPLES, ['[data-testid="connection-dialog"] input']);
    await browser.shot('settings-connect-token');
    await dialog().getByTestId('connection-submit').click();
    await dialog().waitFor({ state: 'detached' });

    const c = card(TOKEN_NAME);
    await expect.poll(() => c.getAttribute('data-status')).toBe('ok');
    expect(await c.getByTestId('connection-status').innerText()).toBe('Подключено');
    expect(await c.getByTestId('connection-account').innerText()).toBe(sim.state.account.name);
    const [view] = await connections();
    const summary = view!.metadata!.summary;
    expect(summary).toEqual(expect.arrayContaining([{ label: 'Воронки', count: sim.state.pipelines.length }]));
    const summaryText = await c.getByTestId('connection-metadata-summary').innerText();
    expect(summaryText).toBe(summary.map((s) => `${s.label}: ${s.count}`).join(' · '));
    expect(summaryText).toContain(`Воронки: 2 · Статусы: ${sim.state.pipelines.reduce((n, p) => n + p.statuses.length, 0)}`);
    expect(await c.getByTestId('connection-metadata-date').innerText()).toBe('Справочники загружены только что');

    // The hook address, copied as it is.
    const hookUrl = (await c.getByTestId('connection-hook-url').innerText()).trim();
    expect(hookUrl).toBe(view!.hookUrl);
    expect(hookUrl.startsWith(`${app.url}/hooks/`)).toBe(true);
    await c.getByTestId('connection-hook-copy').getByRole('button').click();
    await c.getByTestId('connection-hook-copy').getByRole('button', { name: 'Скопировано' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hookUrl);

    await expectRussianOnly();
    await browser.shot('settings-connected');
    await page.setViewportSize({ width: 1280, height: 720 });
    await browser.shot('settings-connected-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('«Обновить справочники» shows its progress, a Russian failure, and «Изменить» recovers with a new token', async () => {
    const c = card(TOKEN_NAME);
    const refresh = c.getByTestId('connection-refresh-metadata');
    sim.faults.set({ latencyMs: 600 });
    await refresh.click();
    await c.getByRole('progressbar', { name: 'Загрузка справочников' }).waitFor();
    expect(await refresh.innerText()).toContain('Загружаем справочники');
    await browser.shot('settings-refreshing');
    const outcome = c.getByTestId('connection-metadata-outcome');
    await expect.poll(() => outcome.getAttribute('data-tone'), { timeout: 15_000 }).toBe('ok');
    expect(await outcome.innerText()).toBe('Справочники обновлены');
    sim.faults.reset();

    // The token is revoked in AmoCRM: the refresh fails, and the card says why.
    sim.revokeAllTokens();
    await refresh.click();
    await expect.poll(() => outcome.getAttribute('data-tone')).toBe('error');
    expect(await outcome.innerText()).toMatch(/^Не удалось обновить справочники: /);
    await expect.poll(() => c.getAttribute('data-status')).toBe('error');
    expect(await c.getByTestId('connection-status').innerText()).toBe('Ошибка');
    // The reason, in Russian, once: in the card, not again under the button.
    expect(await c.getByTestId('connection-error').innerText()).toMatch(/токен.*отозван/);
    expect(await outcome.innerText()).toBe('Не удалось обновить справочники: причина указана выше');
    await expectRussianOnly();
    await browser.shot('settings-error');

    // «Изменить»: non-secret values are there, the stored token is not, only said to be set.
    await c.getByTestId('connection-edit').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('field-subdomain').inputValue()).toBe(sim.subdomain);
    expect(await dialog().getByTestId('field-baseUrl').inputValue()).toBe(sim.url);
    const token = dialog().getByTestId('field-accessToken');
    expect(await token.inputValue()).toBe('');
    expect(await token.getAttribute('placeholder')).toBe('Задано — введите новое, чтобы заменить');
    await expectRussianOnly(FORM_EXAMPLES, ['[data-testid="connection-dialog"] input']);
    await browser.shot('settings-edit');
    await token.fill(sim.issueLongLivedToken());
    await dialog().getByTestId('connection-submit').click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => c.getAttribute('data-status')).toBe('ok');
    expect(await c.getByTestId('connection-error').count()).toBe(0);

    // «Проверить» asks the service again.
    await c.getByTestId('connection-test').click();
    await page.getByTestId('toast-success').filter({ hasText: `Подключение «${TOKEN_NAME}» работает` }).waitFor();
  });

  it('connects by OAuth: «Войти через AmoCRM», consent in AmoCRM, back in «Настройки» with the outcome', async () => {
    await page.getByTestId('settings-add-amocrm').click();
    await dialog().waitFor();
    await dialog().getByRole('radio', { name: 'OAuth 2.0' }).click();
    await dialog().getByTestId('field-clientId').waitFor();
    // The tokens of an OAuth connection come from the consent, not from the form (read-only fields).
    for (const auto of ['accessToken', 'refreshToken', 'expiresAt', 'redirectUri']) expect(await dialog().getByTestId(`field-${auto}`).count(), auto).toBe(0);
    await dialog().getByTestId('connection-name').fill(OAUTH_NAME);
    await dialog().getByTestId('field-subdomain').fill(sim.subdomain);
    await dialog().getByTestId('field-clientId').fill(OAUTH_CLIENT.clientId);
    await dialog().getByTestId('field-clientSecret').fill(OAUTH_CLIENT.clientSecret);
    await dialog().getByTestId('field-baseUrl').fill(sim.url);
    await browser.shot('settings-connect-oauth');
    await dialog().getByTestId('connection-submit').click();

    await dialog().getByTestId('connection-login-step').waitFor();
    const login = dialog().getByTestId('connection-oauth-login');
    expect(await login.innerText()).toContain('Войти через AmoCRM');
    await expectRussianOnly();
    await browser.shot('settings-oauth-login');
    await login.click();

    // The simulator's consent page stands in for www.amocrm.ru/oauth.
    await page.waitForURL((u) => u.href.startsWith(`${sim.url}/oauth`));
    await page.getByRole('button', { name: 'Разрешить' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${app.url}/settings`));
    const notice = page.getByTestId('settings-oauth-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-tone')).toBe('ok');
    // The outcome is not repeated on reload: the address is clean again.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    const c = card(OAUTH_NAME);
    await expect.poll(() => c.getAttribute('data-status')).toBe('ok');
    expect(await c.getByTestId('connection-account').innerText()).toBe(sim.state.account.name);
    expect(await page.locator('.connection-focus').count()).toBe(1);
    await expectRussianOnly();
    await browser.shot('settings-oauth-done');
  });
});

describe('the editor: AmoCRM nodes pick their values from the connection', () => {
  it('a status trigger offers the connection, then pipelines, then the statuses of the chosen pipeline', async () => {
    const created = await client.post('/api/workflows', { name: 'Сделки в переговорах' });
    expect(created.status).toBe(201);
    await page.goto(`${app.url}/rules/${created.body.id}`);
    await page.getByTestId('canvas-empty').waitFor();
    await page.getByTestId('palette-amocrm.lead_status_changed').click();
    await page.getByTestId('node-n1').waitFor();
    await selectNode('n1');

    // Two connections: nothing is chosen for the user, and the lists wait for the choice.
    expect(await field('pipelineId').isDisabled()).toBe(true);
    expect(await field('pipelineId').innerText()).toBe('Сначала выберите подключение');
    await field('connectionId').click();
    await page.getByRole('option', { name: `${TOKEN_NAME} — подключено` }).click();

    await expect.poll(() => field('pipelineId').isDisabled()).toBe(false);
    await field('pipelineId').click();
    const pipelines = page.getByTestId('field-pipelineId-list');
    await expect.poll(() => pipelines.getByRole('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Продажи'), expect.stringContaining('Партнёры')]));
    await pipelines.getByRole('textbox').fill('прод');
    await expect.poll(() => pipelines.getByRole('option').count()).toBe(1);
    await pipelines.getByRole('option', { name: 'Продажи' }).click();
    await expect.poll(() => field('pipelineId').innerText()).toBe('Продажи');

    // Statuses of «Продажи» only: no other pipeline's group in the list.
    await field('statusId').click();
    const statuses = page.getByTestId('field-statusId-list');
    await statuses.getByRole('option', { name: 'Переговоры', exact: true }).waitFor();
    expect(await statuses.getByText('Партнёры').count()).toBe(0);
    await expectRussianOnly([], ['.react-flow__pane', '.editor-inspector input']);
    await browser.shot('editor-amocrm-statuses');
    await statuses.getByRole('option', { name: 'Переговоры', exact: true }).click();
    await expect.poll(() => field('statusId').innerText()).toBe('Переговоры');

    // «Из данных» turns the field into a template, «Из списка» brings the list back.
    await field('fromStatusId-mode').click();
    await expect.poll(() => field('fromStatusId').evaluate((el) => el.tagName)).toBe('INPUT');
    await field('fromStatusId-mode').click();
    await expect.poll(() => field('fromStatusId').evaluate((el) => el.tagName)).toBe('BUTTON');

    await save();
    const saved = await client.get(`/api/workflows/${created.body.id}`);
    const [conn] = (await connections()).filter((x) => x.name === TOKEN_NAME);
    expect(saved.body.graph.nodes[0].props).toMatchObject({ connectionId: conn!.id, pipelineId: pipelineId('Продажи'), statusId: statusId('Продажи', 'Переговоры') });
    expect(saved.body.validation.errors).toEqual([]);
    await expectRussianOnly([], ['.react-flow__pane', '.editor-inspector input']);
    await browser.shot('editor-amocrm-trigger');
  });

  it('«Изменить сделку» maps fields by name with their list values; a value missing from the lists stays visible', async () => {
    const [conn] = (await connections()).filter((x) => x.name === TOKEN_NAME);
    const created = await client.post('/api/workflows', {
      name: 'Город в сделку',
      graph: {
        schemaVersion: 1,
        nodes: [
          { id: 'n1', type: 'amocrm.lead_status_changed', version: 1, position: { x: 0, y: 0 }, props: { connectionId: conn!.id, pipelineId: 999999 } },
          { id: 'n2', type: 'amocrm.update_lead', version: 1, position: { x: 0, y: 220 }, props: { connectionId: conn!.id, leadId: '{{trigger.lead.id}}', fields: { Город: '' } } },
        ],
        edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    await page.goto(`${app.url}/rules/${created.body.id}`);
    await page.getByTestId('node-n2').waitFor();

    await selectNode('n1');
    await expect.poll(() => field('pipelineId').innerText()).toBe('999999 (нет в справочнике)');
    expect(await field('pipelineId').getAttribute('data-missing')).toBe('true');

    await selectNode('n2');
    await expect.poll(() => field('fields.0.field').innerText()).toBe('Город');
    await field('fields.0.value-enums').click();
    await page.getByRole('menuitem', { name: 'Краснодар' }).click();
    await expect.poll(() => field('fields.0.value').inputValue()).toBe('Краснодар');
    await field('fields-add').click();
    await field('fields.1.field').click();
    const list = page.getByTestId('field-fields.1.field-list');
    await list.getByRole('textbox').fill('Комм');
    await list.getByRole('option', { name: /Комментарий/ }).click();
    await field('fields.1.value').fill('{{trigger.lead.name}}');
    await expectRussianOnly([], ['.react-flow__pane', '.editor-inspector input']);
    await browser.shot('editor-amocrm-field-map');
    await save();
    const saved = await client.get(`/api/workflows/${created.body.id}`);
    expect(saved.body.graph.nodes[1].props.fields).toEqual({ Город: 'Краснодар', Комментарий: '{{trigger.lead.name}}' });
  });
});

describe('«Настройки»: disconnecting', () => {
  it('deletes a connection after a confirmation and comes back to the empty state', async () => {
    await openSettings();
    for (const name of [TOKEN_NAME, OAUTH_NAME]) {
      await card(name).getByTestId('connection-delete').click();
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      expect(await confirm.innerText()).toContain(`Подключение «${name}» будет удалено`);
      if (name === TOKEN_NAME) await browser.shot('settings-delete-confirm');
      await confirm.getByRole('button', { name: 'Удалить' }).click();
      await confirm.waitFor({ state: 'detached' });
      await card(name).waitFor({ state: 'detached' });
    }
    await section().getByText('Подключений пока нет — добавьте первое').waitFor();
    expect(await connections()).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
