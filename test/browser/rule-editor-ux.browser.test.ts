/**
 * The rule editor at laptop and desktop sizes: room for the canvas, a connection dropped on empty
 * canvas, copy/paste, auto-layout, «Опубликовать и включить», version rollback, live problems, one
 * notice outside the canvas, a toolbar that fits at 1280 px, Russian everywhere; and the polite
 * read-only view on a phone. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { webhookConditionHttp } from '../support/workflow-graphs.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { axeViolations, latinWordsOnPage, launchBrowser, shareSession, uniqueEmail, type TestBrowser } from './browser.ts';

let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;

const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  [app, browser] = await Promise.all([createTestApp({ serveEditor: true }), launchBrowser()]);
  page = browser.page;
  client = app.client();
  await client.register(uniqueEmail('ux'), 'Ольга Правилова');
  await shareSession(browser.context, client);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const node = (id: string) => page.getByTestId(`node-${id}`);
type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

async function expectRussianOnly(exclude: string[] = []) {
  // Shortcut letters in menus («Ctrl+C») are keys, written as on the keyboard.
  expect(await latinWordsOnPage(page, ['C', 'V', 'D', 'Z'], ['.json-viewer-body', 'textarea', 'input', ...exclude]), `Latin words on ${page.url()}`).toEqual([]);
}

/** No serious or critical axe violations in the editor's current state. */
async function expectAccessible() {
  // The shared JSON viewer (step input/output) is checked with the logs pages that own it.
  const found = await axeViolations(page, { exclude: ['.json-viewer'] });
  expect(found, found.join('\n')).toEqual([]);
}

async function graphOf(id: string) {
  return (await client.get(`/api/workflows/${id}`)).body as { graph: { nodes: any[]; edges: any[] }; status: string; latestVersion: number | null };
}

async function createRule(name: string, graph = webhookConditionHttp('http://127.0.0.1:9/never')) {
  const res = await client.post('/api/workflows', { name, graph });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function openEditor(id: string) {
  await page.goto(`${app.url}/rules/${id}`);
  // Generous: CI runs browsers next to other test files on two cores.
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
}

async function save() {
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('false');
}

/** A handle's centre once the canvas stopped moving. */
async function settledCentre(selector: string) {
  let prev = '';
  for (let i = 0; i < 40; i++) {
    const b = (await page.locator(selector).boundingBox())!;
    const key = `${Math.round(b.x)},${Math.round(b.y)}`;
    if (key === prev) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    prev = key;
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector} kept moving`);
}

describe('the editor at 1440×900', () => {
  let ruleId = '';

  beforeAll(async () => {
    await page.setViewportSize(DESKTOP);
    ruleId = await createRule('Заявки с сайта');
  });

  it('gives the canvas the room: the sidebar folds, panels resize, fold and remember', async () => {
    await openEditor(ruleId);
    // The app sidebar folds to icons while the editor is open.
    await expect.poll(async () => (await page.locator('.app-sidebar').boundingBox())!.width).toBeLessThan(90);
    const canvas = await boxOf('canvas');
    expect(canvas.width).toBeGreaterThan(1000);
    // The minimap is off by default and never covers the nodes' handles.
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.getByTestId('canvas-minimap-toggle').click();
    await page.locator('.react-flow__minimap').waitFor();
    const map = (await page.locator('.react-flow__minimap').boundingBox())!;
    for (const handle of await page.locator('.react-flow__handle').all()) expect(apart(map, (await handle.boundingBox())!)).toBe(true);
    await page.getByTestId('canvas-minimap-toggle').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);

    // The palette is resized by its edge and folded; both remembered after a reload.
    const before = (await boxOf('palette-panel')).width;
    const edge = await boxOf('palette-panel-resize');
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + 80, edge.y + 200, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await boxOf('palette-panel')).width).toBeGreaterThan(before + 60);
    await page.getByTestId('palette-panel-collapse').click();
    await page.getByTestId('palette-panel-rail').waitFor();
    await page.reload();
    await page.getByTestId('palette-panel-rail').waitFor();
    await page.getByTestId('palette-panel-expand').click();
    expect((await boxOf('palette-panel')).width).toBeGreaterThan(before + 60);
    await browser.shot('ux-editor-1440');
    await expectRussianOnly();
    await expectAccessible();
  });

  it('adds a step from a connection dropped on empty canvas, only steps that may connect are offered', async () => {
    await openEditor(ruleId);
    const from = await settledCentre('[data-nodeid="n2"][data-handleid="false"]');
    const canvas = await boxOf('canvas');
    const drop = { x: from.x + 120, y: Math.min(canvas.y + canvas.height - 120, from.y + 220) };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(drop.x, drop.y, { steps: 12 });
    await page.mouse.up();
    const picker = page.getByTestId('node-picker');
    await picker.waitFor();
    expect(await picker.innerText()).toContain('Что сделать после «Условие» (Нет)?');
    // A trigger cannot receive a connection: not offered.
    expect(await picker.getByTestId('node-picker-webhook.catch').count()).toBe(0);
    await expectRussianOnly();
    await browser.shot('ux-node-picker');
    await picker.getByTestId('node-picker-http.request').click();
    await node('n4').waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    // The new step is where it was dropped, in view, and selected (its settings are open).
    await page.locator('[data-testid="inspector"][data-node-id="n4"]').waitFor();
    await expect.poll(async () => inside((await node('n4').boundingBox())!, await boxOf('canvas')), { timeout: 3000 }).toBe(true);
    await page.getByTestId('inspector').getByTestId('field-url').fill('http://127.0.0.1:9/second');
    await save();
    const g = await graphOf(ruleId);
    expect(g.graph.edges.map((e) => [e.source, e.sourceHandle, e.target])).toContainEqual(['n2', 'false', 'n4']);
  });

  it('copies, pastes and duplicates steps with new ids; the context menu deletes and disconnects', async () => {
    await openEditor(ruleId);
    await node('n3').locator('.rule-node-header').click();
    await page.locator('[data-testid="inspector"][data-node-id="n3"]').waitFor();
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } }); // the pane keeps the focus, the inspector stays shut
    await node('n3').locator('.rule-node-header').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await node('n5').waitFor();
    const original = (await node('n3').boundingBox())!;
    const copy = (await node('n5').boundingBox())!;
    expect(copy.x).toBeGreaterThan(original.x + 10);
    expect(copy.y).toBeGreaterThan(original.y + 10);
    await page.keyboard.press('Control+d');
    await node('n6').waitFor();

    await node('n6').locator('.rule-node-header').click({ button: 'right' });
    await page.getByTestId('canvas-menu').waitFor();
    await expectRussianOnly();
    await browser.shot('ux-context-menu');
    await page.getByTestId('canvas-menu-delete').click();
    await expect.poll(() => node('n6').count()).toBe(0);

    await node('n4').locator('.rule-node-header').click({ button: 'right' });
    await page.getByTestId('canvas-menu-disconnect').click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await save();
    const g = await graphOf(ruleId);
    expect(g.graph.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(g.graph.nodes[4]).toMatchObject({ type: 'http.request', props: g.graph.nodes[2].props });
  });

  it('lays the rule out left to right with one click, no step over another', async () => {
    await openEditor(ruleId);
    await page.getByTestId('canvas-layout').click();
    await page.waitForTimeout(500);
    await save();
    const { graph } = await graphOf(ruleId);
    const pos = Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]));
    for (const e of graph.edges) expect(pos[e.target].x, `${e.source}→${e.target}`).toBeGreaterThan(pos[e.source].x + 200);
    const boxes = await Promise.all(graph.nodes.map(async (n) => (await node(n.id).boundingBox())!));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!), `${i}/${j}`).toBe(true);
    await browser.shot('ux-auto-layout');
  });

  it('publishes and switches on in one click; the state reads the same in the toolbar and the list', async () => {
    await openEditor(ruleId);
    expect(await page.getByTestId('workflow-status').innerText()).toBe('Черновик');
    await page.getByTestId('editor-publish-activate').click();
    const notice = page.getByTestId('toast-success');
    await notice.filter({ hasText: 'Опубликована версия 1, правило включено' }).waitFor();
    await expect.poll(() => page.getByTestId('workflow-status').innerText()).toBe('Опубликовано v1');
    expect(await page.getByTestId('workflow-power').innerText()).toBe('Включено');
    expect(await graphOf(ruleId)).toMatchObject({ status: 'active', latestVersion: 1 });
    // The notice sits in the status bar, outside the canvas and the inspector.
    const toastBox = (await notice.boundingBox())!;
    expect(apart(toastBox, await boxOf('canvas'))).toBe(true);
    // Nothing left to do: the primary button says why it is off.
    await expect.poll(() => page.getByTestId('editor-publish-activate').isDisabled()).toBe(true);
    expect(await page.locator('.editor-tool-wrap', { has: page.getByTestId('editor-publish-activate') }).getAttribute('data-reason')).toBe(
      'Правило уже включено, а изменений для публикации нет',
    );
    // The separate actions stay in «…», disabled ones with their reason.
    await page.getByTestId('editor-more').click();
    expect(await page.getByTestId('editor-publish-reason').innerText()).toBe('Нечего публиковать: изменений нет');
    await page.getByTestId('editor-deactivate').waitFor();
    await expectRussianOnly();
    await browser.shot('ux-published');
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/rules`);
    const row = page.getByTestId(`rule-row-${ruleId}`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('workflow-status').innerText()).toBe('Опубликовано v1');
    expect(await row.getByTestId('workflow-power').innerText()).toBe('Включено');
  });

  it('shows the version history with who and what changed, and rolls back to a version', async () => {
    await openEditor(ruleId);
    await node('n5').locator('.rule-node-header').click();
    await page.getByTestId('inspector-label').fill('Копия запроса');
    await expect.poll(() => page.getByTestId('workflow-status').innerText()).toBe('Есть неопубликованные изменения');
    await page.getByTestId('editor-publish-activate').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Опубликована версия 2' }).waitFor();

    await page.getByTestId('editor-more').click();
    await page.getByTestId('editor-history').click();
    const history = page.getByTestId('version-history');
    await history.getByTestId('version-2').waitFor();
    expect(await history.getByTestId('version-2').innerText()).toContain('Ольга Правилова');
    expect(await history.getByTestId('version-changes-2').innerText()).toBe('изменены настройки 1 узла');
    expect(await history.getByTestId('version-changes-1').innerText()).toBe('Первая версия: 5 узлов, 3 связи');
    await expectRussianOnly();
    await expectAccessible();
    await browser.shot('ux-version-history');

    await history.getByTestId('version-restore-1').click();
    await page.getByTestId('version-restore-confirm').click();
    await page.getByTestId('toast-success').filter({ hasText: 'Версия 1 восстановлена и опубликована как версия 3' }).waitFor();
    await expect.poll(() => page.getByTestId('workflow-status').innerText()).toBe('Опубликовано v3');
    expect(await page.getByTestId('workflow-power').innerText()).toBe('Включено');
    await expect.poll(async () => (await graphOf(ruleId)).graph.nodes.find((n) => n.id === 'n5')?.label).toBeUndefined();
    expect(await node('n5').innerText()).not.toContain('Копия запроса');
  });

  it('speaks business language: JSON errors in Russian with line and column, the body checked as JSON', async () => {
    await openEditor(ruleId);
    await page.getByTestId('editor-test-run').click();
    await page.getByTestId('test-run-dialog').waitFor();
    await page.getByTestId('test-run-body').fill('{\n  "lead": {\n    "name": "Иван"\n    "city": "Сочи"\n  }\n}');
    await page.getByTestId('test-run-tab-headers').click();
    await page.getByTestId('test-run-headers-add').click();
    await page.getByTestId('test-run-headers-key-0').fill('X-Source');
    await page.getByTestId('test-run-headers-value-0').fill('сайт');
    await page.getByTestId('test-run-submit').click();
    const error = page.getByTestId('test-run-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Ошибка в JSON: строка 4, столбец 5 — ожидалась запятая или «}»');
    await expectRussianOnly();
    await expectAccessible();
    await browser.shot('ux-test-run-json-error');
    await page.getByTestId('test-run-body').fill('{"lead": {"name": "Иван", "city": "Москва"}}');
    await page.getByTestId('test-run-submit').click();
    await page.getByTestId('test-run-banner').waitFor();
    await expect.poll(() => page.getByTestId('node-status-n2').innerText()).toContain('→ Нет');
    // Statuses take the subtitle's line: no step grows into its neighbour.
    const boxes = await Promise.all(['n1', 'n2', 'n3', 'n4', 'n5'].map(async (id) => (await node(id).boundingBox())!));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!)).toBe(true);
    await node('n2').locator('.rule-node-header').click();
    await page.getByTestId('inspector-tab-result').click();
    expect(await page.getByTestId('step-branch').innerText()).toBe('Ветка: Нет');
    expect(await page.getByTestId('inspector').innerText()).not.toContain('"branch"');
    // No ids of steps anywhere on screen.
    expect(await page.getByTestId('rule-editor').innerText()).not.toMatch(/\bn\d\b/);
    await expectRussianOnly();
    await expectAccessible();
    await browser.shot('ux-test-run-branch');

    // The inspector closes with the selection; then the whole rule in view.
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.getByRole('button', { name: 'Показать всё правило' }).click();
    await page.waitForTimeout(300);
    await node('n3').locator('.rule-node-header').click();
    await page.getByTestId('inspector').getByRole('tab', { name: 'Настройки' }).click();
    await page.getByTestId('inspector').getByTestId('field-body').fill('{"name": "{{trigger.body.lead.name}}" "city": 1}');
    const warning = page.getByTestId('field-body-json-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Ошибка в JSON: строка 1, столбец 39 — ожидалась запятая или «}»');
    await page.getByTestId('inspector').getByTestId('field-body-picker').click();
    await page.getByText('Нет данных из предыдущих шагов').or(page.locator('.template-picker-item').first()).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('inspector').getByTestId('field-body').fill('{"name": "{{trigger.body.lead.name}}", "id": {{trigger.body.id}}}');
    await expect.poll(() => warning.count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('recomputes problems live: «нет триггера» goes away as soon as a trigger is added', async () => {
    const graph = webhookConditionHttp('http://127.0.0.1:9/never');
    graph.nodes = graph.nodes.slice(1);
    graph.edges = graph.edges.slice(1);
    const id = await createRule('Без триггера', graph);
    await openEditor(id);
    await page.getByTestId('problems-toggle').click();
    const noTrigger = page.getByTestId('problem-item').filter({ hasText: 'В схеме нет триггера' });
    await noTrigger.waitFor();
    expect(await page.getByTestId('problems-panel').innerText()).not.toContain('GRAPH_NO_TRIGGER');
    // Known errors: publishing is off and says why.
    expect(await page.getByTestId('editor-publish-activate').isDisabled()).toBe(true);
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.getByTestId('palette-webhook.catch').click();
    await expect.poll(() => noTrigger.count()).toBe(0);
    expect(await page.getByTestId('editor-save-state').getAttribute('data-dirty')).toBe('true');
    await browser.shot('ux-live-problems');
  });
});

describe('the editor at 1280×720', () => {
  it('fits the toolbar: every control whole and inside, nothing on top of another', async () => {
    await page.setViewportSize(LAPTOP);
    const id = await createRule('Очень длинное название правила для проверки панели инструментов на ноутбуке');
    await client.post(`/api/workflows/${id}/publish`);
    // A published rule with draft changes: the longest state badge.
    const changed = webhookConditionHttp('http://127.0.0.1:9/changed');
    await client.put(`/api/workflows/${id}`, { graph: changed });
    await openEditor(id);
    await page.getByTestId('palette-panel').waitFor();
    const bar = await boxOf('editor-toolbar');
    const controls = await page.locator('[data-testid="editor-toolbar"] > *').all();
    const boxes: Box[] = [];
    for (const c of controls) {
      const b = await c.boundingBox();
      if (!b || b.width === 0) continue;
      expect(inside(b, bar), `${await c.evaluate((el) => el.outerHTML.slice(0, 80))} inside the toolbar`).toBe(true);
      boxes.push(b);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!), `${i}/${j}`).toBe(true);
    for (const testId of ['editor-publish-activate', 'editor-save', 'editor-test-run', 'editor-more', 'editor-hook', 'workflow-status']) {
      const b = await boxOf(testId);
      expect(inside(b, bar), testId).toBe(true);
      // Whole, not clipped by its own overflow.
      expect(await page.getByTestId(testId).evaluate((el) => el.scrollWidth <= el.clientWidth + 1), testId).toBe(true);
    }
    // The webhook address stays one click away.
    await page.getByTestId('editor-hook').click();
    expect(await page.getByTestId('editor-hook-url').innerText()).toMatch(/\/hooks\/\S+$/);
    await expectRussianOnly(['[data-testid="editor-hook-url"]']);
    await browser.shot('ux-editor-1280-hook');
    await page.keyboard.press('Escape');
    expect((await boxOf('canvas')).width).toBeGreaterThan(700);
    await browser.shot('ux-editor-1280');
  });
});

describe('the editor on a phone', () => {
  it('says politely it needs a wider screen and shows the rule read-only', async () => {
    await page.setViewportSize(PHONE);
    const id = await createRule('На телефоне');
    await page.goto(`${app.url}/rules/${id}`);
    const note = page.getByTestId('editor-too-narrow');
    await note.waitFor();
    expect(await note.innerText()).toContain('Редактору нужен экран пошире');
    await node('n1').waitFor();
    expect(await page.getByTestId('palette').count()).toBe(0);
    expect(await page.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await page.locator('.react-flow__node.selectable').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectRussianOnly();
    await expectAccessible();
    await browser.shot('ux-editor-390');
    await page.setViewportSize(DESKTOP);
  });
});
