import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from './lpt-simulator.ts';
import { LptTestClient } from './sim-test-client.ts';

let sim: LptSimulator;
let api: LptTestClient;

beforeAll(async () => {
  sim = await startLptSimulator({ rateLimitPerSecond: 0 });
  api = new LptTestClient(sim.url, sim.login, sim.password);
  await api.signIn();
});
afterAll(() => sim.close());

async function admin(method: string, path: string, body?: object) {
  const res = await fetch(`${sim.url}/__sim${path}`, { method, body: body && JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, body: await res.json() };
}

describe('admin HTTP API (/__sim/)', () => {
  it('creates a lead by names, visible through the real API', async () => {
    const r = await admin('POST', '/leads', {
      project: 'Мой сайт', name: 'Из демо', stage: 'В работе', owner: 2011,
      contact: { name: 'Пётр', phone: '+79995550011' }, custom: { 'Город': 'Тула', 'Интерес': ['Арендовать'] },
    });
    expect(r.status).toBe(201);
    const got = (await api.get(`/lead/${r.body.lead.id}`)).json.result;
    expect(got).toMatchObject({ name: 'Из демо', stage: { name: 'В работе' }, owner_id: 2011, contact: { name: 'Пётр' } });
    expect(got.custom.map((c: { value: string | string[] }) => c.value)).toEqual(['Тула', ['Арендовать']]);
  });

  it('moves a lead by stage name or id, finishes calls and reports Russian errors', async () => {
    const id = (await admin('POST', '/leads', { name: 'Ход' })).body.lead.id;
    expect((await admin('POST', `/leads/${id}/stage`, { stage: 'Отказ' })).body.lead.stage.name).toBe('Отказ');
    const stageId = sim.admin.stageByName(94698, 'Думает')!.id;
    expect((await admin('POST', `/leads/${id}/stage`, { stage: stageId })).body.lead.stage_id).toBe(stageId);
    const bad = await admin('POST', `/leads/${id}/stage`, { stage: 'Нет такого' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('не найден');
    const call = await admin('POST', `/leads/${id}/calls`, { disposition: 'BUSY', duration: 0 });
    expect(call.body.call).toMatchObject({ disposition: 'BUSY', record: null });
    expect((await admin('POST', `/leads/${id}/calls`, { disposition: 'MAYBE' })).status).toBe(400);
    expect((await admin('POST', '/leads/1/stage', { stage: 'Отказ' })).status).toBe(404);
    expect((await admin('GET', '/nothing')).status).toBe(404);
  });

  it('advances the clock and dumps the state', async () => {
    const t = sim.clock.now();
    const r = await admin('POST', '/clock/advance', { ms: 3_600_000 });
    expect(r.body.now).toBeGreaterThanOrEqual(t + 3_600_000);
    expect((await admin('POST', '/clock/advance', { ms: -5 })).status).toBe(400);
    const state = (await admin('GET', '/state')).body;
    expect(state.projects.map((p: { name: string }) => p.name)).toEqual(['Мой сайт', 'Колл-центр']);
    expect(state.leads.length).toBe(sim.state.leads.size);
    expect(state.staff.map((s: { id: number }) => s.id)).toContain(0);
    expect(state.accounts).toEqual([{ id: 1, login: sim.login }]);
  });

  it('is not counted in request statistics', async () => {
    const n = sim.stats.requests.length;
    await admin('GET', '/state');
    expect(sim.stats.requests.length).toBe(n);
  });
});
