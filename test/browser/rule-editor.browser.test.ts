import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { startTargetServer, waitFor } from '../support/target-server.ts';
import { webhookConditionHttp } from '../support/workflow-graphs.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { effectiveBackground, latinWordsOnPage, launchBrowser, luminance, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;

beforeAll(async () => {
  [app, target, browser] = await Promise.all([createTestApp({ worker: true, serveEditor: true }), startTargetServer(), launchBrowser()]);
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('editor'), 'Олег Редакторов');
  await shareSession(browser.context, client);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await target?.close();
});

const RULE_NAME = 'Заявки из Краснодара';
const BODY_TEMPLATE = '{"name": "{{trigger.body.lead.name}}", "city": "{{trigger.body.lead.city}}"}';

const node = (id: string) => page.getByTestId(`node-${id}`);
const inspector = () => page.getByTestId('inspector');
const field = (path: string) => inspector().getByTestId(`field-${path}`);

async function expectRussianOnly(exclude: string[] = []) {
  expect(await latinWordsOnPage(page, [], exclude), `Latin words on ${page.url()}`).toEqual([]);
}

async function expectDark(selector: string) {
  const bg = await effectiveBackground(page, selector);
  expect(luminance(bg)!, `${selector} background ${bg}`).toBeLessThan(0.05);
}

/** The node is fully inside the visible canvas (not under the palette or the inspector). */
async function expectInsideCanvas(id: string) {
  const inside = async () => {
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const box = (await node(id).boundingBox())!;
    return box.x >= canvas.x - 1 && box.x + box.width <= canvas.x + canvas.width + 1;
  };
  await expect.poll(inside, { message: `${id} inside the visible canvas`, timeout: 3000 }).toBe(true);
}

/** Selects a node on the canvas by clicking its header and waits for its inspector. */
async function select(id: string) {
  await node(id).locator('.rule-node-header').click();
  await page.locator(`[data-testid="inspector"][data-node-id="${id}"]`).waitFor();
}

/** Drags a connection from one handle to another, the way a user does. */
/** A handle's centre once it has stopped moving (the canvas may still be fitting the view). */
async function settledCentre(selector: string) {
  let prev = '';
  for (let i = 0; i < 40; i++) {
    const box = (await page.locator(selector).boundingBox())!;
    const key = `${Math.round(box.x)},${Math.round(box.y)}`;
    if (key === prev) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    prev = key;
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector} kept moving`);
}

async function dragConnect(fromSelector: string, toSelector: string) {
  const from = await settledCentre(fromSelector);
  const to = await settledCentre(toSelector);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function savedGraph(id: string) {
  const res = await client.get(`/api/workflows/${id}`);
  expect(res.status).toBe(200);
  return res.body as { graph: { nodes: any[]; edges: any[] }; validation: { errors: unknown[] }; status: string; activeVersion: number | null };
}

/**
 * Opens «…». The menu of the previous action may still be closing (its exit animation), and a
 * click on the trigger then is lost under load: wait for it to go, and click again if need be.
 */
async function openMoreMenu() {
  await page.getByTestId('editor-more-menu').waitFor({ state: 'detached' });
  for (let i = 0; ; i++) {
    await page.getByTestId('editor-more').click();
    try {
      await page.getByTestId('editor-more-menu').waitFor({ timeout: 3000 });
      return;
    } catch (err) {
      if (i === 3) throw err;
    }
  }
}

describe('the rule editor, end to end', () => {
  let workflowId = '';
  let hookUrl = '';

  it('creates a rule from the list and builds webhook → condition → HTTP request by clicking', async () => {
    await page.goto(app.url + '/rules');
    await page.getByRole('heading', { name: 'Правила', level: 1 }).waitFor();
    await page.getByText('Создать правило').first().waitFor();
    await expectRussianOnly();
    await browser.shot('rules-empty');
    await page.getByTestId('rules-create').click();
    await page.getByTestId('workflow-name-dialog').waitFor();
    await page.getByTestId('workflow-name-input').fill(RULE_NAME);
    await page.getByTestId('workflow-name-submit').click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}$/);
    workflowId = page.url().split('/').pop()!;
    await page.getByTestId('canvas-empty').waitFor();
    await expectDark('.react-flow__pane');
    await expectRussianOnly();
    await browser.shot('editor-empty');

    // Palette clicks: each new node is attached to the selected node's first free output.
    await page.getByTestId('palette-webhook.catch').click();
    await node('n1').waitFor();
    await page.getByTestId('palette-logic.condition').click();
    await node('n2').waitFor();
    await page.getByTestId('palette-http.request').click();
    await node('n3').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // The condition's first output is «Да» (true): the request hangs on it.
    await page.getByTestId('rf__edge-e2').waitFor({ state: 'attached' });

    // Condition: {{trigger.body.lead.city}} равно Краснодар.
    await select('n2');
    if ((await field('group.rules.0.left').count()) === 0) await inspector().getByTestId('field-group-add-rule').click();
    await field('group.rules.0.left').fill('{{trigger.body.lead.city}}');
    await field('group.rules.0.op').click();
    await page.getByRole('option', { name: 'равно', exact: true }).click();
    await expect.poll(() => field('group.rules.0.op').innerText()).toBe('равно');
    await field('group.rules.0.right').fill('Краснодар');

    // HTTP request: the target server's URL and a body template.
    await select('n3');
    await field('url').fill(`${target.url}/leads`);
    await field('body').fill(BODY_TEMPLATE);
    expect(await field('method').innerText()).toBe('POST');

    await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('false');
    await page.getByTestId('toast-success').filter({ hasText: 'Изменения сохранены' }).waitFor();

    const saved = await savedGraph(workflowId);
    expect(saved.graph.nodes.map((n) => [n.id, n.type])).toEqual([
      ['n1', 'webhook.catch'],
      ['n2', 'logic.condition'],
      ['n3', 'http.request'],
    ]);
    expect(saved.graph.edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual([
      ['n1', 'out', 'n2', 'in'],
      ['n2', 'true', 'n3', 'in'],
    ]);
    expect(saved.graph.nodes[1].props.group.rules).toEqual([expect.objectContaining({ left: '{{trigger.body.lead.city}}', op: 'eq', right: 'Краснодар' })]);
    expect(saved.graph.nodes[2].props).toMatchObject({ method: 'POST', url: `${target.url}/leads`, body: BODY_TEMPLATE });
    expect(saved.validation.errors).toEqual([]);
    await expectDark('.editor-inspector');
    await expectRussianOnly(['.editor-inspector input', '.editor-inspector textarea']);
    // The whole chain in view (the canvas follows the newest nodes while they are added).
    await page.getByRole('button', { name: 'Показать всё правило' }).click();
    await expect.poll(() => node('n1').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    for (const id of ['n1', 'n2', 'n3']) await expectInsideCanvas(id);
    await browser.shot('editor-graph');
  });

  it('publishes, activates and shows the webhook address', async () => {
    // The separate actions live in «…» next to the primary «Опубликовать и включить».
    await openMoreMenu();
    await page.getByTestId('editor-publish').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Опубликована версия 1' }).waitFor();
    await expect.poll(() => page.getByTestId('workflow-status').innerText()).toBe('Опубликовано v1');
    await openMoreMenu();
    await page.getByTestId('editor-activate').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Правило включено' }).waitFor();
    await expect.poll(() => page.getByTestId('workflow-power').innerText()).toBe('Включено');
    await openMoreMenu();
    await page.getByTestId('editor-deactivate').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('editor-more-menu').waitFor({ state: 'detached' });
    // The address is one click away in the toolbar, readable in full.
    await page.getByTestId('editor-hook').click();
    const hook = page.getByTestId('editor-hook-url');
    await hook.waitFor();
    expect((await hook.boundingBox())!.width).toBeGreaterThan(100);
    hookUrl = (await hook.textContent())!.trim();
    expect(hookUrl).toMatch(new RegExp(`^${app.url.replace(/[.]/g, '\\.')}/hooks/\\S+$`));
    await page.keyboard.press('Escape');
    const saved = await savedGraph(workflowId);
    expect(saved).toMatchObject({ status: 'active', activeVersion: 1 });
    // Notices sit in the status bar, never over the canvas or the inspector.
    const toastBox = (await page.getByTestId('toast-success').last().boundingBox())!;
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    expect(toastBox.y).toBeGreaterThanOrEqual(canvasBox.y + canvasBox.height - 1);
    await browser.shot('editor-active');
  });

  it('runs on a webhook and shows the run, its steps and outputs in «Логи»', async () => {
    const res = await fetch(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lead: { name: 'Иван', city: 'Краснодар' } }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => target.count >= 1, 15_000, 'the HTTP request of the rule');
    expect(target.received).toHaveLength(1);
    expect(target.received[0]).toMatchObject({ method: 'POST', url: '/leads', body: '{"name": "Иван", "city": "Краснодар"}' });
    expect(target.received[0]!.headers['content-type']).toMatch(/application\/json/);

    await page.getByRole('link', { name: 'Логи' }).click();
    await page.waitForURL(/\/logs$/);
    const row = page.getByRole('row').filter({ hasText: RULE_NAME });
    // The run may still be finishing: refresh the list until its outcome says «Выполнено».
    await waitFor(async () => {
      if ((await row.count()) && (await row.first().innerText()).includes('Выполнено')) return true;
      await page.getByRole('button', { name: 'Обновить' }).click();
      await page.waitForTimeout(200);
      return false;
    }, 15_000, 'a succeeded run in the table');
    expect(await row.count()).toBe(1);
    await expectDark('.rt-TableRoot');
    await expectRussianOnly();
    await browser.shot('logs-runs');

    // The first cell opens the run; the rule's name opens the editor.
    await row.getByRole('link', { name: /^Запуск от/ }).click();
    await page.waitForURL(/\/logs\/runs\/[0-9a-f-]{36}$/);
    const header = page.getByRole('heading', { level: 1 });
    await expect.poll(() => header.innerText()).toContain(RULE_NAME);
    expect(await header.innerText()).toContain('Выполнено');

    const steps = page.locator('.timeline-item');
    await expect.poll(() => steps.count()).toBe(3);
    const titles = ['Входящий вебхук', 'Условие', 'HTTP-запрос'];
    for (let i = 0; i < 3; i++) {
      const step = steps.nth(i);
      expect(await step.locator('.step-card-header').innerText()).toContain(titles[i]);
      expect(await step.locator('.step-card-header').innerText()).toContain('Успешно');
      await step.locator('.step-card-header').click();
      await step.getByText('Результат', { exact: true }).waitFor();
    }
    expect(await steps.nth(1).locator('.step-card-header').innerText()).toContain('Ветка: Да');
    // Each step's output: the trigger got the body, the condition went «true», the request got 200.
    const output = (i: number) => steps.nth(i).locator('.json-viewer').filter({ hasText: 'Результат' }).locator('.json-viewer-body');
    await steps.nth(0).locator('.json-viewer').filter({ hasText: 'Результат' }).getByRole('button', { name: 'Развернуть всё' }).click();
    expect(await output(0).innerText()).toMatch(/"city":\s*"Краснодар"/);
    expect(await output(1).innerText()).toMatch(/"branch":\s*"true"/);
    expect(await output(2).innerText()).toMatch(/"status":\s*200/);
    expect(await steps.nth(2).locator('.json-viewer').filter({ hasText: 'Входные данные' }).innerText()).toContain(`${target.url}/leads`);
    await expectRussianOnly(['.json-viewer-body']);
    await browser.shot('run-detail');
    await steps.nth(2).scrollIntoViewIfNeeded();
    await browser.shot('run-detail-request');
  });

  it('shows the inbound event and the operation journal', async () => {
    await page.getByRole('link', { name: 'Логи' }).click();
    await page.getByRole('link', { name: 'Входящие события' }).click();
    await page.waitForURL(/\/logs\/events$/);
    // Rows of the events table (the runs table of the previous tab has the rule's name too).
    await page.getByRole('columnheader', { name: 'Получено' }).waitFor();
    const event = page.getByRole('row').filter({ hasText: RULE_NAME });
    await event.filter({ hasText: 'Обработано' }).waitFor();
    expect(await event.count()).toBe(1);
    // The payload in a line a salesperson reads, not the raw content type.
    expect(await event.innerText()).toContain('city: Краснодар');
    await expectRussianOnly(['.payload-summary']);
    await browser.shot('logs-events');

    await page.getByRole('link', { name: 'Журнал операций' }).click();
    await page.waitForURL(/\/logs\/journal$/);
    await page.getByRole('row').filter({ hasText: 'Зарегистрирован пользователь' }).waitFor();
    // Every step of the story is in the journal, with a Russian source name.
    for (const [source, message] of [
      ['Вход', 'Зарегистрирован пользователь'],
      ['Правила', `Создано правило «${RULE_NAME}»`],
      ['Правила', `Опубликована версия 1 правила «${RULE_NAME}»`],
    ]) {
      expect(await page.getByRole('row').filter({ hasText: message }).first().innerText()).toContain(source);
    }
    await expectRussianOnly();
    await browser.shot('logs-journal');

    await page.getByRole('link', { name: 'Правила' }).click();
    await page.getByRole('columnheader', { name: 'Триггер' }).waitFor();
    const listed = page.getByRole('row').filter({ hasText: RULE_NAME });
    await listed.filter({ hasText: 'Включено' }).waitFor();
    expect(await listed.innerText()).toContain('Входящий вебхук');
    await expectRussianOnly();
    await browser.shot('rules-list');
    expect(browser.problems).toEqual([]);
  });
});

describe('«Тестовый запуск» in the editor', () => {
  it('connects by dragging, runs a pasted body without side effects and paints node statuses', async () => {
    const graph = webhookConditionHttp(`${target.url}/dry`);
    graph.edges = graph.edges.filter((e) => e.id !== 'e2');
    const created = await client.post('/api/workflows', { name: 'Проверка теста', graph });
    expect(created.status).toBe(201);
    const before = target.count;

    await page.goto(`${app.url}/rules/${created.body.id}`);
    await node('n3').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await dragConnect('[data-nodeid="n2"][data-handleid="true"]', '.react-flow__handle.target[data-nodeid="n3"]');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    const runWith = async (body: unknown, shot?: string) => {
      await page.getByTestId('editor-test-run').click();
      await page.getByTestId('test-run-dialog').waitFor();
      await page.getByTestId('test-run-body').fill(JSON.stringify(body, null, 2));
      if (shot) {
        await expectDark('[data-testid="test-run-dialog"]');
        await expectRussianOnly(['[data-testid="test-run-body"]']);
        await browser.shot(shot);
      }
      await page.getByTestId('test-run-submit').click();
      await page.getByTestId('test-run-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('test-run-banner').waitFor();
    };

    await runWith({ lead: { name: 'Мария', city: 'Краснодар' } }, 'editor-test-run-dialog');
    await expect.poll(() => page.getByTestId('test-run-banner').getAttribute('data-status')).toBe('succeeded');
    for (const id of ['n1', 'n2', 'n3']) {
      await expect.poll(() => node(id).getAttribute('data-status'), { message: id }).toBe('succeeded');
      await expect.poll(() => page.getByTestId(`node-status-${id}`).innerText()).toContain('Выполнен');
    }
    await expect.poll(() => page.getByTestId('node-status-n2').innerText()).toContain('→ Да');
    await select('n3');
    // The inspector opened on the right: the selected node stays in view, not under the panel.
    await expectInsideCanvas('n3');
    await page.getByTestId('inspector-tab-result').click();
    const result = await inspector().innerText();
    expect(result).toContain(`${target.url}/dry`);
    expect(result).toContain('Мария');
    await expectRussianOnly(['.json-viewer-body', '.editor-inspector input', '.editor-inspector textarea']);
    await browser.shot('editor-test-run');

    // The other branch: the request node is not reached and is shown as such.
    await runWith({ lead: { name: 'Пётр', city: 'Москва' } });
    await expect.poll(() => page.getByTestId('node-status-n2').innerText()).toContain('→ Нет');
    // The request node is not executed: shown as skipped (or, if the server omits the step, as not run).
    await expect.poll(() => node('n3').getAttribute('data-status')).not.toBe('succeeded');
    const n3 = { status: await node('n3').getAttribute('data-status'), cls: await node('n3').getAttribute('class') };
    expect(n3.status === 'skipped' || (n3.status === '' && n3.cls!.includes('not-run')), JSON.stringify(n3)).toBe(true);
    if (n3.status === 'skipped') expect(await page.getByTestId('node-status-n3').innerText()).toContain('Пропущен');
    await browser.shot('editor-test-run-false');

    // A dry run never calls the outside world.
    expect(target.count).toBe(before);
    // The test run did not save the draft: the graph on the server still lacks the dragged edge.
    expect((await savedGraph(created.body.id)).graph.edges).toHaveLength(1);
    expect(await page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
    expect(browser.problems).toEqual([]);
  });
});
