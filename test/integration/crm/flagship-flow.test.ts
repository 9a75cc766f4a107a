import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from '../../../plugins/amocrm/simulator/amo-simulator.ts';
import { startLptSimulator, type LptSimulator } from '../../../plugins/lptracker/simulator/lpt-simulator.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { activeFromTemplate, bindLpt, connectAmo, forwardParams, FORWARD_TEMPLATE, reverseParams, REVERSE_TEMPLATE, type FlagshipIds } from '../../support/flagship.ts';

/**
 * The flagship flow both ways through the API, from the two templates: an AmoCRM deal from
 * Krasnodar becomes an LPTracker lead with every mapped field; the lead's refusal in LPTracker
 * closes the same deal in AmoCRM (status 143) with a note, found through the stored link.
 */
let app: TestApp;
let amo: AmoSimulator;
let lpt: LptSimulator;
let admin: HttpTestClient;
let user: HttpTestClient;
let ids: FlagshipIds;

beforeAll(async () => {
  [app, amo, lpt] = await Promise.all([createTestApp({ worker: true }), startAmoSimulator(), startLptSimulator()]);
  // One project: LPTracker's metadata costs requests at 3 per second.
  for (const id of [...lpt.state.projects.keys()].slice(1)) lpt.state.projects.delete(id);
  admin = app.client();
  user = app.client();
  await admin.register('flagship-admin@example.ru', 'Админ');
  const tenantId = (await user.register('flagship@example.ru', 'Отдел продаж')).tenant.id;
  const amoConn = await connectAmo(user, amo);
  ids = { amocrmConnectionId: amoConn.id, lptrackerConnectionId: await bindLpt(admin, tenantId, lpt) };
});
afterAll(async () => {
  await app?.close();
  await amo?.close();
  await lpt?.close();
});

const lptLeadByName = (name: string) => [...lpt.state.leads.values()].find((l) => l.name === name);
const customValue = (lead: { projectId: number; custom: Map<number, unknown> }, field: string) => lead.custom.get(lpt.admin.fieldByName(lead.projectId, field)!.id);

describe('rule templates', () => {
  it('lists both flagship templates with their forms', async () => {
    const res = await user.get('/api/workflow-templates');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((t: { id: string }) => [t.id, t]));
    const forward = byId.get(FORWARD_TEMPLATE) as { title: string; paramsSchema: { properties: Record<string, { 'x-widget'?: string; 'x-options'?: Record<string, unknown> }> } };
    expect(forward.title).toBe('Новая сделка из Краснодара → лид в LPTracker');
    expect(forward.paramsSchema.properties.amocrmConnectionId).toMatchObject({ 'x-widget': 'connection', 'x-options': { plugin: 'amocrm' } });
    expect(forward.paramsSchema.properties.stageId).toMatchObject({ 'x-widget': 'remote-select', 'x-options': { source: 'stages', dependsOn: ['projectId'], connection: 'lptrackerConnectionId' } });
    expect(byId.get(REVERSE_TEMPLATE)).toMatchObject({ title: expect.stringContaining('Отказ в LPTracker') });
  });

  it('refuses an incomplete form and another tenant\'s connection field by field, and an unknown template', async () => {
    const empty = await user.post(`/api/workflow-templates/${FORWARD_TEMPLATE}/workflows`, { params: {} });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.error.details.fields)).toEqual(expect.arrayContaining(['amocrmConnectionId', 'pipelineId', 'lptrackerConnectionId', 'projectId']));
    expect(empty.body.error.details.fields.amocrmConnectionId).toBe('Выберите подключение');

    const stranger = app.client();
    await stranger.register('stranger@example.ru');
    const theirs = await connectAmo(stranger, amo);
    const params = await forwardParams(user, ids);
    const foreign = await user.post(`/api/workflow-templates/${FORWARD_TEMPLATE}/workflows`, { params: { ...params, amocrmConnectionId: theirs.id } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details.fields).toEqual({ amocrmConnectionId: 'Подключение не найдено: выберите другое' });
    // The LPTracker field takes only an LPTracker connection.
    const swapped = await user.post(`/api/workflow-templates/${FORWARD_TEMPLATE}/workflows`, { params: { ...params, lptrackerConnectionId: ids.amocrmConnectionId } });
    expect(swapped.body.error.details.fields).toEqual({ lptrackerConnectionId: 'Подключение не найдено: выберите другое' });

    expect((await user.post('/api/workflow-templates/nope.nothing/workflows', { params: {} })).status).toBe(404);
  });

  it('creates a valid draft that names its nodes in business words', async () => {
    const res = await user.post(`/api/workflow-templates/${FORWARD_TEMPLATE}/workflows`, { params: await forwardParams(user, ids), name: 'Мой черновик' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Мой черновик', status: 'draft' });
    expect(res.body.validation.errors).toEqual([]);
    expect(res.body.graph.nodes.map((n: { type: string }) => n.type)).toEqual(['amocrm.lead_status_changed', 'logic.condition', 'lptracker.create_lead']);
    expect(res.body.graph.nodes.every((n: { label?: string }) => n.label)).toBe(true);
  });
});

describe('the flagship flow both ways', () => {
  it('a Krasnodar deal becomes an LPTracker lead with every mapped field; a Moscow one does not', async () => {
    await activeFromTemplate(user, FORWARD_TEMPLATE, await forwardParams(user, ids));
    const contact = amo.admin.createContact({ name: 'Ирина Соколова', phone: '+7 918 555-12-34', email: 'irina@example.ru' });
    const krasnodar = amo.admin.createLead({ name: 'Кухня на заказ', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' }, contactIds: [contact.id] });
    const moscow = amo.admin.createLead({ name: 'Шкаф в Москву', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Москва' } });
    amo.admin.moveLeadByName(krasnodar.id, 'Продажи', 'Переговоры');
    amo.admin.moveLeadByName(moscow.id, 'Продажи', 'Переговоры');
    await amo.flushWebhooks();

    await expect.poll(() => lptLeadByName('Кухня на заказ'), { timeout: 20_000 }).toBeTruthy();
    const lead = lptLeadByName('Кухня на заказ')!;
    expect(lpt.state.stages.get(lead.stageId)!.name).toBe('Новый лид');
    const lptContact = lpt.state.contacts.get(lead.contactId)!;
    expect(lptContact.name).toBe('Кухня на заказ');
    expect(lptContact.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'phone', data: expect.stringContaining('9185551234') }),
      expect.objectContaining({ type: 'email', data: 'irina@example.ru' }),
    ]));
    expect(customValue(lead, 'Город')).toBe('Краснодар');
    expect(customValue(lead, 'ID сделки AmoCRM')).toBe(String(krasnodar.id));
    expect(customValue(lead, 'Источник AmoCRM')).toBe('Продажи');
    expect(lpt.state.views.get(lead.viewId!)!.attrs.get('source')).toBe('amocrm');
    expect(lptLeadByName('Шкаф в Москву')).toBeUndefined();

    // The reverse rule: the lead's refusal closes the deal it came from.
    await activeFromTemplate(user, REVERSE_TEMPLATE, await reverseParams(user, ids));
    lpt.admin.moveLead(lead.id, 'Отказ');
    await lpt.flushWebhooks();
    await expect.poll(() => amo.state.leads.get(krasnodar.id)!.status_id, { timeout: 20_000 }).toBe(143);
    await expect.poll(() => [...amo.state.notes.values()].filter((n) => n.entity_id === krasnodar.id).map((n) => n.params?.text), { timeout: 10_000 })
      .toEqual([`Клиент отказался в LPTracker (лид ${lead.id}, этап «Отказ»).`]);

    // A lead that never came from AmoCRM stops at the condition: nothing to close, no error.
    const own = lpt.admin.createLead({ name: 'Лид с сайта' });
    lpt.admin.moveLead(own.id, 'Отказ');
    await lpt.flushWebhooks();
    const verdicts = async () => ((await user.get('/api/runs')).body.items as { id: string; verdict: string | null; summary: string }[]);
    await expect.poll(async () => (await verdicts()).filter((r) => r.verdict === 'filtered').length, { timeout: 20_000 }).toBe(2);
    const all = await verdicts();
    expect(all.filter((r) => r.verdict === 'filtered').every((r) => /не подошло/.test(r.summary))).toBe(true);
    expect(all.map((r) => r.verdict).sort()).toEqual(['done', 'done', 'filtered', 'filtered']);
    // The run that created the lead shows the pair, the deal with the address of its card.
    const created = all.find((r) => r.summary === `лид создан: ${lead.id}`)!;
    const detail = (await user.get(`/api/runs/${created.id}`)).body;
    expect(detail.links).toEqual([{
      a: { system: 'amocrm', type: 'lead', id: String(krasnodar.id), systemTitle: 'AmoCRM', typeTitle: 'сделка', url: `${amo.url}/leads/detail/${krasnodar.id}` },
      b: { system: 'lptracker', type: 'lead', id: String(lead.id), systemTitle: 'LPTracker', typeTitle: 'лид', url: null },
    }]);
    const card = await fetch(detail.links[0].a.url);
    expect(card.headers.get('content-type')).toMatch(/text\/html/);
    expect(await card.text()).toContain('Кухня на заказ');
    // «Логи» say what happened in business words.
    expect(all.filter((r) => r.verdict === 'done').map((r) => r.summary).sort()).toEqual([`лид создан: ${lead.id}`, `примечание в сделке ${krasnodar.id}`]);
  });
});
