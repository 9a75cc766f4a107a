import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, startHookReceiver, type ApiCall, type HookReceiver } from './sim-test-kit.ts';

let sim: AmoSimulator;
let anon: ApiCall;
let hook: HookReceiver;
beforeAll(async () => {
  sim = await startAmoSimulator();
  anon = apiClient(sim, null);
  hook = await startHookReceiver();
});
afterAll(async () => {
  await sim.close();
  await hook.close();
});

describe('admin HTTP API', () => {
  it('creates a lead by names and moves it with one call, firing the webhook', async () => {
    await apiClient(sim, sim.issueLongLivedToken())('POST', '/api/v4/webhooks', { destination: hook.url, settings: ['status_lead'] });
    const created = await anon('POST', '/__sim/leads', { name: 'Демо', pipeline: 'Продажи', status: 'Новая заявка', fields: { Город: 'Краснодар' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ pipeline_id: SEED.pipelines.sales, status_id: SEED.statuses.newRequest });
    const moved = await anon('POST', `/__sim/leads/${created.json.id}/move`, { pipeline: 'Продажи', status: 'Принимают решение' });
    expect(moved.json.status_id).toBe(SEED.statuses.decision);
    const byId = await anon('POST', `/__sim/leads/${created.json.id}/move`, { statusId: 143 });
    expect(byId.json).toMatchObject({ status_id: 143, closed_at: expect.any(Number) });
    await sim.flushWebhooks();
    expect(hook.received.map((h) => h.get('leads[status][0][status_id]'))).toEqual([String(SEED.statuses.decision), '143']);
  });

  it('explains bad input in Russian', async () => {
    const pipeline = await anon('POST', '/__sim/leads', { pipeline: 'Нет такой' });
    expect(pipeline.status).toBe(404);
    expect(pipeline.json.error).toBe('Воронка «Нет такой» не найдена');
    const field = await anon('POST', '/__sim/leads', { fields: { Цвет: 'синий' } });
    expect(field.json.error).toBe('Поле «Цвет» не найдено среди полей сделок');
    const option = await anon('POST', '/__sim/leads', { fields: { Город: 'Атлантида' } });
    expect(option.status).toBe(400);
    expect(option.json.error).toContain('custom_fields_values.0.values.0.value');
    expect((await anon('POST', '/__sim/leads/1/move', { statusId: 142 })).json.error).toBe('Сделка 1 не найдена');
    expect((await anon('GET', '/__sim/nothing')).status).toBe(404);
  });

  it('creates contacts, patches leads and shows the whole state', async () => {
    const lead = await anon('POST', '/__sim/leads', { name: 'Для контакта' });
    const contact = await anon('POST', '/__sim/contacts', { name: 'Анна', phone: '+7 900 111-22-33', leadIds: [lead.json.id] });
    expect(contact.status).toBe(201);
    const patched = await anon('PATCH', `/__sim/leads/${lead.json.id}`, { price: 999, responsibleUserId: SEED.users.ivan });
    expect(patched.json).toMatchObject({ price: 999, responsible_user_id: SEED.users.ivan });
    const state = await anon('GET', '/__sim/state');
    expect(state.json.leads.find((l: { id: number }) => l.id === lead.json.id).price).toBe(999);
    expect(state.json.links).toContainEqual(expect.objectContaining({ entity_id: lead.json.id, to_entity_id: contact.json.id, is_main: true }));
    expect(state.json.pipelines.map((p: { name: string }) => p.name)).toEqual(['Продажи', 'Партнёры']);
  });

  it('exposes handle helpers for names', () => {
    expect(sim.admin.pipelineByName('партнёры')?.id).toBe(SEED.pipelines.partners);
    expect(sim.admin.statusByName('Продажи', 'Успешно реализовано')?.id).toBe(142);
    expect(sim.admin.fieldByName('contacts', 'PHONE')?.type).toBe('multitext');
    expect(sim.admin.fieldByName('leads', 'Город')?.enums?.map((e) => e.value)).toContain('Москва');
  });
});
