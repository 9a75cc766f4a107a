import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from '../lpt-simulator.ts';
import { LptTestClient } from '../sim-test-client.ts';

let sim: LptSimulator;
let api: LptTestClient;
const PID = 94698;
let field: (name: string) => number;
let stage: (name: string, pid?: number) => number;

beforeAll(async () => {
  sim = await startLptSimulator({ rateLimitPerSecond: 0, invalidLeadIdMs: 2000 });
  api = new LptTestClient(sim.url, sim.login, sim.password);
  await api.signIn();
  field = (name) => sim.admin.fieldByName(PID, name)!.id;
  stage = (name, pid = PID) => sim.admin.stageByName(pid, name)!.id;
});
afterAll(() => sim.close());

const newLead = (extra: object = {}) => ({
  name: 'Заявка с сайта',
  contact: { project_id: PID, name: 'Алексей', details: [{ type: 'phone', data: '79991234567' }] },
  ...extra,
});

describe('POST /lead', () => {
  it('creates the contact inline, lands in the first stage and renders the documented shape', async () => {
    const r = await api.post('/lead', newLead({
      view: { source: 'yandex', campaign: 'sale-up', keyword: 'wood' },
      custom: { [field('Город')]: 'Москва', [field('Интерес')]: 'Купить', [field('Бюджет')]: '150000' },
      source: 'ignored at the top level',
    }));
    expect(r.json.status).toBe('success');
    const lead = r.json.result;
    expect(lead).toMatchObject({
      name: 'Заявка с сайта', project_id: PID, deal: false, owner_id: 0,
      stage_id: stage('Новый лид'), stage: { id: stage('Новый лид'), name: 'Новый лид' },
      contact: { project_id: PID, name: 'Алексей', details: [{ type: 'phone', data: '79991234567' }] },
      view: { project_id: PID, source: 'yandex', campaign: 'sale-up', keyword: 'wood' },
    });
    expect(lead.contact_id).toBe(lead.contact.id);
    expect(lead.created_at).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(lead.custom).toEqual([
      { id: field('Город'), name: 'Город', type: 'text', value: 'Москва' },
      { id: field('Интерес'), name: 'Интерес', type: 'cats', value: ['Купить'] },
      { id: field('Бюджет'), name: 'Бюджет', type: 'number', value: 150000 },
    ]);
    expect(lead.view).not.toHaveProperty('source', 'ignored at the top level');
    expect((await api.get(`/lead/${lead.id}`)).json.result).toEqual(lead);
  });

  it('takes contact_id, stage_id/owner_id aliases and lead_date as d.m.Y H:i', async () => {
    const contact = (await api.post('/contact', { project_id: PID, details: [{ type: 'email', data: 'b@example.ru' }] })).json.result;
    const r = await api.post('/lead', { contact_id: contact.id, stage_id: stage('В работе'), owner_id: 2011, lead_date: '25.06.2020 14:05' });
    expect(r.json.result).toMatchObject({ contact_id: contact.id, stage_id: stage('В работе'), owner_id: 2011, created_at: '25.06.2020 14:05' });
  });

  it('rejects unknown custom field ids, foreign stages and a missing contact with code 400', async () => {
    const before = sim.state.contacts.size;
    for (const body of [
      newLead({ custom: { 999: 'x' } }),
      newLead({ custom: { [field('Интерес')]: 'Неизвестно' } }),
      newLead({ funnel: stage('Отказ', 94699) }),
      newLead({ owner: 777 }),
      { name: 'без контакта' },
    ]) {
      const r = await api.post('/lead', body);
      expect(r.status).toBe(200);
      expect(r.json.errors[0].code).toBe(400);
    }
    expect(sim.state.contacts.size).toBe(before); // nothing half-created
  });
  it('accepts a PHP-style form body too, and callback: true places a call', async () => {
    const contact = (await api.post('/contact', { project_id: PID, details: [{ type: 'phone', data: '+79997776655' }] })).json.result;
    const form = `contact_id=${contact.id}&name=${encodeURIComponent('Форма')}&custom[${field('Город')}]=${encodeURIComponent('Уфа')}&callback=1`;
    const res = await fetch(`${sim.url}/lead`, {
      method: 'POST', body: form, headers: { token: api.token!, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const lead = (await res.json()).result;
    expect(lead).toMatchObject({ name: 'Форма', contact_id: contact.id, custom: [{ name: 'Город', value: 'Уфа' }] });
    const calls = (await api.get(`/lead/${lead.id}/calls`)).json.result;
    expect(calls).toMatchObject([{ disposition: 'ANSWERED', type: 'outgoing' }]);
  });

  it('serves project routes with or without a trailing slash', async () => {
    expect((await api.get(`/project/${PID}/`)).json.result).toMatchObject({ id: PID, name: 'Мой сайт' });
    expect((await api.get('/project/1')).json.errors[0].code).toBe(404);
  });
});

describe('changing a lead', () => {
  it('moves stages with PUT /lead/{id}/funnel and refuses unknown or foreign stages', async () => {
    const lead = (await api.post('/lead', newLead())).json.result;
    const moved = await api.put(`/lead/${lead.id}/funnel`, { funnel: stage('Думает'), options: {} });
    expect(moved.json.result.stage).toEqual({ id: stage('Думает'), name: 'Думает' });
    for (const funnel of [1, stage('Думает', 94699)]) {
      const bad = await api.put(`/lead/${lead.id}/funnel`, { funnel });
      expect(bad.json.errors[0].code).toBe(400);
    }
    expect((await api.put(`/lead/${lead.id}/owner`, { owner: 2012 })).json.result.owner_id).toBe(2012);
  });

  it('fails comment and custom writes on a fresh lead with "invalid lead id", then accepts them', async () => {
    const lead = (await api.post('/lead', newLead())).json.result;
    const early = await api.post(`/lead/${lead.id}/comment`, { text: 'Привет' });
    expect(early.json.errors[0].message).toBe('invalid lead id');
    expect((await api.put(`/lead/${lead.id}/custom/${field('Город')}`, { value: 'Казань' })).json.errors[0].message).toBe('invalid lead id');
    sim.clock.advance(2000);
    const comment = await api.post(`/lead/${lead.id}/comment`, { text: 'Привет' });
    expect(comment.json.result).toMatchObject({ text: 'Привет', author: { type: 'main', id: 0 } });
    expect(comment.json.result.created_at).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
    expect((await api.get(`/lead/${lead.id}/comments`)).json.result).toHaveLength(1);
    const custom = await api.put(`/lead/${lead.id}/custom/${field('Интерес')}`, { value: ['Купить', 'Консультация'] });
    expect(custom.json.result).toEqual({ id: field('Интерес'), name: 'Интерес', type: 'cats', value: ['Купить', 'Консультация'] });
    const put = await api.put(`/lead/${lead.id}`, { name: 'Новое имя', custom: { [field('Город')]: 'Сочи' } });
    expect(put.json.result.name).toBe('Новое имя');
    expect(put.json.result.custom).toContainEqual({ id: field('Город'), name: 'Город', type: 'text', value: 'Сочи' });
  });

  it('deletes a lead', async () => {
    const lead = (await api.post('/lead', newLead())).json.result;
    expect((await api.del(`/lead/${lead.id}`)).json).toEqual({ status: 'success' });
    expect((await api.get(`/lead/${lead.id}`)).json.errors[0].code).toBe(404);
  });
});

describe('GET /lead/{project_id}/list', () => {
  it('returns an envelope honouring offset, limit (capped at 100), sort 3 = desc and filter, without custom', async () => {
    const sim2 = await startLptSimulator({ rateLimitPerSecond: 0 });
    const c = new LptTestClient(sim2.url, sim2.login, sim2.password);
    await c.signIn();
    for (let i = 0; i < 105; i++) sim2.admin.createLead({ name: `Лид ${i}`, custom: { Город: 'Омск' } });
    sim2.clock.advance(10_000);
    const cut = Math.floor(sim2.clock.now() / 1000);
    sim2.admin.createLead({ name: 'Поздний' });
    const all = await c.get(`/lead/${PID}/list?limit=500`);
    expect(all.json.status).toBe('success');
    expect(all.json.result).toHaveLength(100);
    expect(all.json.result[0]).not.toHaveProperty('custom');
    const page = await c.get(`/lead/${PID}/list?offset=2&limit=2&sort[created_at]=4`);
    expect(page.json.result.map((l: { name: string }) => l.name)).toEqual(['Лид 2', 'Лид 3']);
    const desc = await c.get(`/lead/${PID}/list?limit=1&sort[created_at]=3`);
    expect(desc.json.result[0].name).toBe('Поздний');
    const recent = await c.get(`/lead/${PID}/list?filter[created_at_from]=${cut}`);
    expect(recent.json.result.map((l: { name: string }) => l.name)).toEqual(['Поздний']);
    expect((await c.get('/lead/1/list')).json.errors[0].code).toBe(404);
    await sim2.close();
  });
});
