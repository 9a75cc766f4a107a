import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { startTargetServer, waitFor } from '../support/target-server.ts';
import { activeWorkflow } from '../support/workflow-graphs.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import type { Graph } from '../../core/graph/graph.schema.ts';
import { latinWordsOnPage, launchBrowser, shareSession, type TestBrowser } from './browser.ts';

/**
 * «Логи» as a salesperson reads them: did my lead go through? Real rules on a real server with a
 * worker: a lead that went through, one the condition filtered, runs retrying against a server that
 * is down, a malformed request, and 10 050 older runs of a bulk rule for paging by cursor.
 */
let app: TestApp;
let client: HttpTestClient;
let browser: TestBrowser & { problems: string[] };
let page: Page;
let okTarget: Awaited<ReturnType<typeof startTargetServer>>;
let downTarget: Awaited<ReturnType<typeof startTargetServer>>;
const rules: Record<'leads' | 'callCenter' | 'bulk', { id: string; hookPath: string }> = {} as never;
let malformedEventId: string;

/** Past the 10 000 the counts stop at, and one page and a bit beyond the last numbered page. */
const BULK = 10_080;

const leadsGraph = (url: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    {
      id: 'n2', type: 'logic.condition', version: 1, position: { x: 250, y: 0 }, label: 'Город — Краснодар',
      props: { group: { match: 'all', rules: [{ left: '{{trigger.body.lead.city}}', op: 'eq', right: 'Краснодар', caseInsensitive: true }] } },
    },
    {
      id: 'n3', type: 'http.request', version: 1, position: { x: 500, y: 0 }, label: 'Передать лид в отдел продаж',
      props: { method: 'POST', url, headers: {}, body: '{"name": "{{trigger.body.lead.name}}"}', timeoutMs: 5000 },
    },
  ],
  edges: [
    { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3', targetHandle: 'in' },
  ],
});

const forward = (url: string, label: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'n2', type: 'http.request', version: 1, position: { x: 250, y: 0 }, label, props: { method: 'POST', url, headers: {}, body: '{"id": "{{trigger.body.id}}"}', timeoutMs: 5000 } },
  ],
  edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }],
});

const send = (path: string, body: string) => fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

beforeAll(async () => {
  // A retry waits 30–60 s: the retrying runs stay retrying for the whole file.
  [app, browser, okTarget, downTarget] = await Promise.all([
    createTestApp({ serveEditor: true, worker: true, env: { RETRY_BASE_MS: '60000' } }),
    launchBrowser(),
    startTargetServer(),
    startTargetServer({ statuses: Array(50).fill(503) }),
  ]);
  client = app.client();
  const user = await client.register('logs@romashka.ru', 'Мария Продажина');
  await shareSession(browser.context, client);
  page = browser.page;

  rules.bulk = await activeWorkflow(client, forward(`${okTarget.url}/bulk`, 'Отправить письмо'), 'Массовая рассылка');
  // Older history of the bulk rule, straight through SQL (as bench:history seeds a million).
  await app.c.pool.query(
    `insert into run (tenant_id, workflow_id, version_id, status, attempts, max_attempts, verdict, summary, created_at, started_at, finished_at)
     select $1, w.id, w.active_version_id, 'succeeded', 1, 8, 'done', 'Отправить письмо: ответ 200 (письмо ' || g || ')',
            now() - interval '2 days' - make_interval(secs => g), now() - interval '2 days' - make_interval(secs => g),
            now() - interval '2 days' - make_interval(secs => g) + interval '300 milliseconds'
       from workflow w, generate_series(1, $3) g where w.id = $2`,
    [user.tenant.id, rules.bulk.id, BULK],
  );
  rules.leads = await activeWorkflow(client, leadsGraph(`${okTarget.url}/leads`), 'Заявки с сайта');
  rules.callCenter = await activeWorkflow(client, forward(`${downTarget.url}/calls`, 'Передать в колл-центр'), 'Передача в колл-центр');

  await send(rules.leads.hookPath, JSON.stringify({ lead: { name: 'Иван Петров', city: 'Краснодар', phone: '+79181234567' } }));
  await send(rules.leads.hookPath, JSON.stringify({ lead: { name: 'Ольга Смирнова', city: 'Москва', phone: '+79035550011' } }));
  await send(rules.callCenter.hookPath, JSON.stringify({ id: 701, name: 'Пётр Звонков' }));
  await send(rules.callCenter.hookPath, JSON.stringify({ id: 702, name: 'Анна Звонкова' }));
  const bad = await send(rules.leads.hookPath, '{"lead": {"name": "Сломанный"');
  expect(bad.status).toBe(400);
  malformedEventId = ((await bad.json()) as { error: { details: { eventId: string } } }).error.details.eventId;

  await waitFor(async () => {
    const runs = (await client.get(`/api/runs?workflowId=${rules.leads.id}`)).body.items as { verdict: string | null }[];
    return runs.filter((r) => r.verdict === 'done' || r.verdict === 'filtered').length === 2;
  }, 20_000, 'the leads rule\'s runs to settle');
  await waitFor(async () => {
    const runs = (await client.get(`/api/runs?workflowId=${rules.callCenter.id}`)).body.items as { verdict: string | null; status: string }[];
    return runs.length === 2 && runs.every((r) => r.verdict === 'retrying' && r.status === 'queued');
  }, 20_000, 'the call-centre runs to wait for a retry');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await okTarget?.close();
  await downTarget?.close();
});

/** Payload previews and JSON viewers show the sender's data, not interface text. */
const USER_DATA = ['.json-viewer', '.payload-summary'];

async function expectRussianOnly() {
  expect(await latinWordsOnPage(page, [], USER_DATA), `Latin words on ${page.url()}`).toEqual([]);
}

/** Screenshots at 1440×900, 1280×720 and a 390 px phone; the page must not scroll sideways on any. */
async function shotAll(name: string) {
  const sizes = [[1440, 900], [1280, 720], [390, 844]] as const;
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(1);
    await expectRussianOnly();
    await browser.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const runRows = () => page.getByTestId('run-row');
const outcomeOf = (row: Locator) => row.getByTestId('run-outcome');
const searchRuns = () => page.getByRole('textbox', { name: 'Поиск по итогу запуска' });
const ruleRows = (ruleId: string) => page.locator(`[data-testid="run-row"]`).filter({ has: page.locator(`a[href="/rules/${ruleId}"]`) });

describe('«Запуски»: the outcome column', () => {
  it('reads each run in a salesperson\'s words: done with its result, a filtered lead neutral, retries counting down', async () => {
    await page.goto(`${app.url}/logs`);
    await page.getByRole('heading', { name: 'Логи', level: 1 }).waitFor();
    await expect.poll(() => runRows().count()).toBe(50);

    const leads = ruleRows(rules.leads.id);
    await expect.poll(() => leads.count()).toBe(2);
    const done = leads.filter({ has: page.locator('[data-outcome="done"]') });
    expect(await outcomeOf(done).innerText()).toBe('Выполнено');
    expect(await outcomeOf(done).getAttribute('data-accent-color')).toBe('green');
    expect(await done.getByTestId('run-outcome-line').innerText()).toBe('Передать лид в отдел продаж: ответ 200');

    const filtered = leads.filter({ has: page.locator('[data-outcome="filtered"]') });
    expect(await outcomeOf(filtered).innerText()).toBe('Условие не подошло');
    expect(await outcomeOf(filtered).getAttribute('data-accent-color')).toBe('gray');
    expect(await filtered.getByTestId('run-outcome-line').innerText()).toBe('Условие «Город — Краснодар» не подошло');

    const retrying = ruleRows(rules.callCenter.id);
    await expect.poll(() => retrying.count()).toBe(2);
    const badge = outcomeOf(retrying.first());
    expect(await badge.getAttribute('data-accent-color')).toBe('amber');
    const first = await badge.innerText();
    expect(first).toMatch(/^Повтор через \d+ с, попытка 1 из 8$/);
    // The countdown is live.
    await expect.poll(() => badge.innerText(), { timeout: 5000 }).not.toBe(first);
    expect(await retrying.first().getByTestId('run-outcome-line').innerText()).toMatch(/Сервер ответил 503/);
    await shotAll('logs-runs');
  });

  it('search finds a run by its summary (debounced, in the URL, on the server)', async () => {
    await searchRuns().fill('не подошло');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('не подошло');
    await expect.poll(() => runRows().count()).toBe(1);
    expect(await outcomeOf(runRows().first()).innerText()).toBe('Условие не подошло');
    await searchRuns().fill('письмо 10049');
    await expect.poll(async () => (await runRows().allInnerTexts()).join('\n')).toContain('письмо 10049');
    expect(await runRows().count()).toBe(1);
    await searchRuns().fill('');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
  });
});

describe('«Запуски»: pages at any depth', () => {
  it('counts «более 10 000», walks «Далее»/«Назад» by cursor and numbers pages only within the first 10 000', async () => {
    await page.goto(`${app.url}/logs?workflowId=${rules.bulk.id}`);
    const summary = page.getByTestId('pagination-summary');
    await expect.poll(() => summary.innerText()).toMatch(/^Записи 1–50 · Всего: более 10\s000$/);
    const firstRow = async () => (await runRows().first().getByTestId('run-outcome-line').innerText()).trim();
    const page1 = await firstRow();
    expect(page1).toMatch(/письмо 1\)$/);

    const pager = page.getByRole('navigation', { name: 'Страницы' });
    expect(await pager.getByRole('button', { name: 'Страница 201', exact: true }).count()).toBe(1);
    expect(await pager.getByRole('button', { name: 'Страница 202', exact: true }).count()).toBe(0);

    await pager.getByRole('button', { name: 'Далее' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    await expect.poll(firstRow).toMatch(/письмо 51\)$/);
    expect(await summary.innerText()).toMatch(/^Записи 51–100/);
    await pager.getByRole('button', { name: 'Далее' }).click();
    await expect.poll(firstRow).toMatch(/письмо 101\)$/);
    await pager.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(firstRow).toMatch(/письмо 51\)$/);
    await pager.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(firstRow).toBe(page1);
    expect(new URL(page.url()).searchParams.get('cursor')).toBeNull();

    // The last numbered page (offset 10 000), then deeper by cursor only.
    await pager.getByRole('button', { name: 'Страница 201', exact: true }).click();
    await expect.poll(firstRow).toMatch(/письмо 10001\)$/);
    await pager.getByRole('button', { name: 'Далее' }).click();
    await expect.poll(firstRow).toMatch(/письмо 10051\)$/);
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    expect(await summary.innerText()).toMatch(/^Записи 10\s051–10\s080 · Всего: более 10\s000$/);
    expect(await runRows().count()).toBe(30);
    expect(await pager.getByRole('button', { name: 'Далее' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(firstRow).toMatch(/письмо 10001\)$/);
    await pager.getByRole('button', { name: 'Далее' }).click();
    await expect.poll(firstRow).toMatch(/письмо 10051\)$/);
    await shotAll('logs-runs-deep');
  });
});

describe('a run', () => {
  it('done: the outcome and result in the header, rule and event as links, steps named as in the rule, branch in words', async () => {
    await page.goto(`${app.url}/logs?workflowId=${rules.leads.id}`);
    await runRows().filter({ has: page.locator('[data-outcome="done"]') }).click();
    await page.waitForURL(/\/logs\/runs\//);
    const callout = page.getByTestId('run-outcome-callout');
    await expect.poll(() => callout.getAttribute('data-outcome')).toBe('done');
    expect(await page.getByTestId('run-summary').innerText()).toBe('Передать лид в отдел продаж: ответ 200');
    expect(await page.getByTestId('run-attempt').innerText()).toBe('Попытка 1 из 8');
    expect(await page.getByTestId('run-rule-link').getAttribute('href')).toBe(`/rules/${rules.leads.id}`);
    expect(await page.getByTestId('run-step-title').allInnerTexts()).toEqual(['Входящий вебхук', 'Город — Краснодар', 'Передать лид в отдел продаж']);
    const steps = await page.getByTestId('run-steps').innerText();
    expect(steps).toContain('Ветка: Да');
    expect(steps).not.toMatch(/\bn[123]\b|logic\.condition|http\.request|webhook\.catch/);
    await shotAll('logs-run-done');

    // The event that started it opens in «Входящие события», with this run and its outcome.
    await page.getByTestId('run-event-link').click();
    await page.waitForURL(/\/logs\/events\?id=/);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Входящее событие').waitFor();
    await expect.poll(() => dialog.getByTestId('event-runs').innerText()).toContain('Выполнено');
    expect(await dialog.getByTestId('event-replay').count()).toBe(1);
    expect(await dialog.innerText()).toContain('Иван Петров');
    await shotAll('logs-event-from-run');
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('id')).toBeNull();
  });

  it('retrying: «Повтор через …» in amber with the attempt the steps show; cancelled it reads «Отменено», neutral', async () => {
    await page.goto(`${app.url}/logs?workflowId=${rules.callCenter.id}`);
    await expect.poll(() => runRows().count()).toBe(2);
    await runRows().first().click();
    await page.waitForURL(/\/logs\/runs\//);
    const callout = page.getByTestId('run-outcome-callout');
    await expect.poll(() => callout.getAttribute('data-outcome')).toBe('retrying');
    expect(await page.getByTestId('run-outcome').first().innerText()).toMatch(/^Повтор через \d+ с, попытка 1 из 8$/);
    expect(await page.getByTestId('run-attempt').innerText()).toBe('Попытка 1 из 8');
    // The code is for support, behind «Подробности».
    expect(await callout.innerText()).not.toContain('HTTP_SERVER_ERROR');
    await callout.getByText('Подробности').click();
    expect(await callout.innerText()).toContain('HTTP_SERVER_ERROR');
    await callout.getByText('Подробности').click();
    await shotAll('logs-run-retrying');

    await page.getByRole('button', { name: 'Отменить' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Отменить запуск' }).click();
    await expect.poll(() => callout.getAttribute('data-outcome')).toBe('cancelled');
    const badge = page.getByTestId('run-outcome').first();
    expect(await badge.innerText()).toBe('Отменено');
    expect(await badge.getAttribute('data-accent-color')).toBe('gray');
    expect(await callout.getAttribute('role')).toBe('status');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await shotAll('logs-run-cancelled');

    await page.getByRole('link', { name: 'Все запуски' }).click();
    const cancelled = runRows().filter({ has: page.locator('[data-outcome="cancelled"]') });
    await expect.poll(() => cancelled.count()).toBe(1);
    expect(await outcomeOf(cancelled).getAttribute('data-accent-color')).toBe('gray');
  });
});

describe('«Входящие события»', () => {
  it('shows what each request was about, finds events by content, and offers no replay for a malformed body', async () => {
    await page.goto(`${app.url}/logs/events`);
    const rows = page.getByTestId('event-row');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await page.getByTestId('events-table').innerText()).not.toContain('"lead"');
    const olga = rows.filter({ hasText: 'Ольга Смирнова' });
    expect(await olga.getByTestId('event-summary').innerText()).toMatch(/name: Ольга Смирнова · phone: \+79035550011 · city: Москва/);
    await shotAll('logs-events');

    const search = page.getByRole('textbox', { name: 'Поиск по содержимому события' });
    await search.fill('Смирнова');
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Смирнова');
    await search.fill('');
    await expect.poll(() => rows.count()).toBe(5);

    const malformed = page.locator(`[data-event-id="${malformedEventId}"]`);
    expect(await malformed.innerText()).toContain('Тело не разобрано');
    await malformed.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('event-not-parsed').waitFor();
    expect(await dialog.getByTestId('event-replay').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Повторить событие' }).count()).toBe(0);
    await shotAll('logs-event-malformed');
    await dialog.getByRole('button', { name: 'Закрыть' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Run ids on an event are links to the runs.
    await olga.getByTestId('event-run-link').click();
    await page.waitForURL(/\/logs\/runs\//);
    await expect.poll(() => page.getByTestId('run-outcome-callout').getAttribute('data-outcome')).toBe('filtered');
  });
});

describe('«Журнал операций»', () => {
  it('searches the operation log', async () => {
    await page.goto(`${app.url}/logs/journal`);
    const table = page.getByTestId('journal-table');
    await table.waitFor();
    await page.getByRole('textbox', { name: 'Поиск по тексту сообщения' }).fill('отменён');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('отменён');
    await expect.poll(async () => (await page.getByTestId('journal-message').allInnerTexts()).join('\n')).toMatch(/Запуск отменён пользователем/);
    await shotAll('logs-journal');
  });
});

describe('«Правила»', () => {
  it('errors for 24 h include the runs failing and waiting for a retry', async () => {
    await page.goto(`${app.url}/rules`);
    const row = page.getByTestId(`rule-row-${rules.callCenter.id}`);
    await expect.poll(() => row.getByTestId('rule-failures').innerText()).toBe('1 повторяется');
    expect(await page.getByTestId(`rule-row-${rules.leads.id}`).innerText()).not.toMatch(/ошиб|повтор/);
  });
});

it('no page errors', () => {
  expect(browser.problems).toEqual([]);
});
