import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from './lpt-simulator.ts';
import { LptTestClient } from './sim-test-client.ts';

let sim: LptSimulator;
let api: LptTestClient;
const lead = { name: 'Сбой', contact: { project_id: 94698, details: [{ type: 'phone', data: '+79990000009' }] } };

beforeAll(async () => {
  sim = await startLptSimulator({ rateLimitPerSecond: 0, seed: 1 });
  api = new LptTestClient(sim.url, sim.login, sim.password);
  await api.signIn();
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.reset());

describe('fault injection', () => {
  it('errorRate: HTTP 500 with an HTML page, nothing applied', async () => {
    sim.faults.set({ errorRate: 1 });
    const before = sim.state.leads.size;
    const r = await api.post('/lead', lead);
    expect(r.status).toBe(500);
    expect(r.contentType).toContain('text/html');
    expect(r.text).toContain('500 Internal Server Error');
    expect(sim.state.leads.size).toBe(before);
  });

  it('timeoutRate: the write is applied but no answer ever comes', async () => {
    sim.faults.set({ timeoutRate: 1 });
    const before = sim.state.leads.size;
    await expect(api.call('POST', '/lead', lead, { timeoutMs: 800 })).rejects.toThrow();
    expect(sim.state.leads.size).toBe(before + 1);
    expect(sim.stats.requests.at(-1)).toMatchObject({ path: '/lead', code: 0 });
  });

  it('truncatedJsonRate: HTTP 200 with JSON cut short, after the write', async () => {
    sim.faults.set({ truncatedJsonRate: 1 });
    const before = sim.state.leads.size;
    const r = await api.post('/lead', lead);
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
    expect(r.text.startsWith('{"status":"success"')).toBe(true);
    expect(sim.state.leads.size).toBe(before + 1);
  });

  it('htmlErrorRate: HTTP 200 carrying an HTML error page', async () => {
    sim.faults.set({ htmlErrorRate: 1 });
    const r = await api.get('/projects');
    expect([r.status, r.json]).toEqual([200, undefined]);
    expect(r.contentType).toContain('text/html');
    expect(r.text).toContain('Fatal error');
  });

  it('latencyMs delays every answer; rates between 0 and 1 fire only sometimes', async () => {
    sim.faults.set({ latencyMs: 150 });
    const t0 = Date.now();
    expect((await api.get('/staff')).json.status).toBe('success');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sim.faults.set({ latencyMs: 0, errorRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await api.get('/staff')).status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(500);
  });

  it('rejects nonsense settings and resets to defaults', () => {
    expect(() => sim.faults.set({ errorRate: 2 })).toThrow(RangeError);
    sim.faults.set({ timeoutRate: 0.3 });
    sim.faults.reset();
    expect(sim.faults.current()).toEqual({
      latencyMs: 0, errorRate: 0, timeoutRate: 0, truncatedJsonRate: 0, htmlErrorRate: 0, rateLimitHttp503: false,
      bareLists: false, onlyFor: null,
    });
  });

  it('onlyFor aims the rate faults at one route; the others answer normally', async () => {
    sim.faults.set({ htmlErrorRate: 1, onlyFor: 'POST /lead' });
    expect((await api.get('/projects')).json.status).toBe('success');
    const before = sim.state.leads.size;
    const r = await api.post('/lead', lead);
    expect(r.text).toContain('Fatal error');
    expect(sim.state.leads.size).toBe(before + 1);
  });

  it('bareLists sends list results as a bare array; objects and errors keep the envelope', async () => {
    sim.faults.set({ bareLists: true });
    const list = await api.get('/projects');
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.json[0]).toMatchObject({ id: 94698 });
    expect((await api.get('/project/94698')).json).toMatchObject({ status: 'success', result: { id: 94698 } });
    expect((await api.get('/contact/search?project_id=94698')).json).toMatchObject({ status: 'error', errors: [{ code: 400 }] });
  });

  it('is switchable over POST /__sim/faults, and the admin API itself is never faulted', async () => {
    const set = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    expect((await set.json()).errorRate).toBe(1);
    expect((await api.get('/staff')).status).toBe(500);
    expect((await fetch(`${sim.url}/__sim/state`)).status).toBe(200);
    const reset = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ reset: true }) });
    expect((await reset.json()).errorRate).toBe(0);
    const bad = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ timeoutRate: -1 }) });
    expect(bad.status).toBe(400);
  });

  it('close() does not wait for requests held open by the timeout fault', async () => {
    const own = await startLptSimulator({ rateLimitPerSecond: 0 });
    own.faults.set({ timeoutRate: 1 });
    const pending = fetch(`${own.url}/projects`).catch(() => 'aborted');
    await expect.poll(() => own.stats.requests.length).toBe(1);
    const t0 = Date.now();
    await own.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await pending).toBe('aborted');
  });
});
