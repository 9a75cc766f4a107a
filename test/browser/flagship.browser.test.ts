import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAmoSimulator, type AmoSimulator } from '../../plugins/amocrm/simulator/amo-simulator.ts';
import { startLptSimulator, type LptSimulator } from '../../plugins/lptracker/simulator/lpt-simulator.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import type { HttpTestClient } from '../support/http-client.ts';
import { connectAmo } from '../support/flagship.ts';
import { latinWordsOnPage, launchBrowser, shareSession, type TestBrowser } from './browser.ts';

/**
 * The flagship flow in the UI: the admin binds LPTracker in «Администрирование», the sales team
 * creates both rules from templates in a short dialog, the simulators move a deal and a lead, and
 * each arrives on the other side.
 */
let app: TestApp;
let amo: AmoSimulator;
let lpt: LptSimulator;
let admin: HttpTestClient;
let user: HttpTestClient;
let adminBrowser: TestBrowser & { problems: string[] };
let userBrowser: TestBrowser & { problems: string[] };
let page: Page;
let tenantId: string;

beforeAll(async () => {
  [app, amo, lpt, adminBrowser, userBrowser] = await Promise.all([
    createTestApp({ serveEditor: true, worker: true }), startAmoSimulator(), startLptSimulator(), launchBrowser(), launchBrowser(),
  ]);
  for (const id of [...lpt.state.projects.keys()].slice(1)) lpt.state.projects.delete(id);
  admin = app.client();
  user = app.client();
  await admin.register('platform@example.ru', 'Анна Админова');
  const res = await user.request('POST', '/api/auth/register', { email: 'sales@kuhni.ru', password: 'пароль-надёжный', name: 'Ольга', company: 'Кухни Юга' });
  tenantId = res.body.user.tenant.id;
  await connectAmo(user, amo);
  await shareSession(adminBrowser.context, admin);
  await shareSession(userBrowser.context, user);
  page = userBrowser.page;
});
afterAll(async () => {
  await adminBrowser?.close();
  await userBrowser?.close();
  await app?.close();
  await amo?.close();
  await lpt?.close();
});

const dialog = () => page.getByTestId('template-dialog');

/** Opens a list field of the dialog and picks the option with this label. */
async function pick(field: string, label: string) {
  await dialog().getByTestId(`field-${field}`).click();
  const list = page.getByTestId(`field-${field}-list`);
  await list.getByRole('option', { name: label }).first().click();
  await list.waitFor({ state: 'hidden' });
}

async function expectRussianOnly(p: Page = page) {
  expect(await latinWordsOnPage(p), `Latin words on ${p.url()}`).toEqual([]);
}

async function fromTemplate(testId: string) {
  await page.goto(`${app.url}/rules`);
  await page.getByTestId('rules-from-template').click();
  await dialog().getByTestId(testId).click();
}

describe('the flagship flow in the browser', () => {
  it('the admin binds LPTracker to the sales team in «Администрирование»', async () => {
    const p = adminBrowser.page;
    await p.goto(`${app.url}/admin?tenant=${tenantId}`);
    const form = p.getByTestId('admin-lptracker-form');
    await form.getByLabel('Логин').fill(lpt.login);
    await form.getByLabel('Пароль', { exact: true }).fill(lpt.password);
    await form.getByTestId('admin-lptracker-advanced').click();
    await form.getByLabel('Адрес API').fill(lpt.url);
    await form.getByTestId('admin-lptracker-submit').click();
    await expect.poll(() => p.getByTestId('admin-lptracker-binding').getAttribute('data-status'), { timeout: 20_000 }).toBe('ok');
  });

  it('the sales team creates «сделка из Краснодара → лид в LPTracker» from its template and switches it on', async () => {
    await fromTemplate('template-lptracker.amocrm_deal_to_lead');
    await dialog().getByTestId('field-lptrackerConnectionId').waitFor();
    // One account of each: chosen by themselves.
    await expect.poll(() => dialog().getByTestId('field-amocrmConnectionId').innerText()).toContain('AmoCRM');
    await expect.poll(() => dialog().getByTestId('field-lptrackerConnectionId').innerText()).toContain('LPTracker');
    await pick('pipelineId', 'Продажи');
    await pick('statusId', 'Переговоры');
    await pick('projectId', 'Мой сайт');
    await pick('stageId', 'Новый лид');
    for (const [i, [field, value]] of [['Город', '{{trigger.lead.fields.Город}}'], ['ID сделки AmoCRM', '{{trigger.lead.id}}']].entries()) {
      await dialog().getByTestId('field-fields-add').click();
      await pick(`fields.${i}.field`, field!);
      await dialog().getByTestId(`field-fields.${i}.value`).fill(value!);
    }
    // No «Из данных» here: there is no run data before the rule exists.
    expect(await dialog().getByText('Из данных').count()).toBe(0);
    await expectRussianOnly();
    await userBrowser.shot('template-dialog-forward');
    await dialog().getByTestId('template-submit').click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}/);
    const id = page.url().split('/rules/')[1]!.split(/[?#]/)[0]!;
    await expect.poll(async () => (await user.get(`/api/workflows/${id}`)).body.status).toBe('active');
    await userBrowser.shot('template-forward-editor');
  });

  it('a Krasnodar deal moved in AmoCRM arrives in LPTracker with its fields', async () => {
    const contact = amo.admin.createContact({ name: 'Ирина', phone: '+79185551234', email: 'irina@example.ru' });
    const deal = amo.admin.createLead({ name: 'Кухня на заказ', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' }, contactIds: [contact.id] });
    amo.admin.moveLeadByName(deal.id, 'Продажи', 'Переговоры');
    await amo.flushWebhooks();
    await expect.poll(() => [...lpt.state.leads.values()].find((l) => l.name === 'Кухня на заказ'), { timeout: 20_000 }).toBeTruthy();
    const lead = [...lpt.state.leads.values()].find((l) => l.name === 'Кухня на заказ')!;
    const field = (name: string) => lead.custom.get(lpt.admin.fieldByName(lead.projectId, name)!.id);
    expect(field('Город')).toBe('Краснодар');
    expect(field('ID сделки AmoCRM')).toBe(String(deal.id));
    expect(lpt.state.stages.get(lead.stageId)!.name).toBe('Новый лид');
    expect(lpt.state.contacts.get(lead.contactId)!.details.map((d) => d.data)).toEqual(expect.arrayContaining(['irina@example.ru']));

    // The reverse rule, from its template: the refusal closes that deal with a note.
    await fromTemplate('template-lptracker.lead_refusal_to_deal_lost');
    await dialog().getByTestId('field-projectId').waitFor();
    await pick('projectId', 'Мой сайт');
    await pick('stageId', 'Отказ');
    await pick('pipelineId', 'Продажи');
    await expect.poll(() => dialog().getByTestId('field-statusId').innerText()).toContain('Закрыто и не реализовано');
    await expectRussianOnly();
    await userBrowser.shot('template-dialog-reverse');
    await dialog().getByTestId('template-submit').click();
    await page.waitForURL(/\/rules\/[0-9a-f-]{36}/);

    lpt.admin.moveLead(lead.id, 'Отказ');
    await lpt.flushWebhooks();
    await expect.poll(() => amo.state.leads.get(deal.id)!.status_id, { timeout: 20_000 }).toBe(143);
    await expect.poll(() => [...amo.state.notes.values()].filter((n) => n.entity_id === deal.id).length, { timeout: 10_000 }).toBe(1);

    // Both runs are in «Логи».
    await page.goto(`${app.url}/logs`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('Отказ в LPTracker → сделка AmoCRM закрыта');
    expect(await page.locator('main').innerText()).toContain('Сделка AmoCRM, город «Краснодар» → лид в LPTracker');
    await userBrowser.shot('flagship-logs');
    expect(userBrowser.problems).toEqual([]);
  });
});
