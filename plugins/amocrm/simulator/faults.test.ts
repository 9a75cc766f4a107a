import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, type ApiCall } from './sim-test-kit.ts';

let sim: AmoSimulator;
let api: ApiCall;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000 });
  api = apiClient(sim, sim.issueLongLivedToken());
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.reset());

describe('fault injection', () => {
  it('burst429 answers the next n API requests with 429', async () => {
    sim.faults.set({ burst429: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', '/api/v4/account')).status);
    expect(statuses).toEqual([429, 429, 200]);
    expect(sim.faults.current().burst429).toBe(0);
  });

  it('errorRate=1 answers 500 ErrInternalServer', async () => {
    sim.faults.set({ errorRate: 1 });
    const res = await api('GET', '/api/v4/account');
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ title: 'ErrInternalServer', status: 500, trace_id: expect.any(String) });
  });

  it('latency delays answers', async () => {
    sim.faults.set({ latencyMs: 200 });
    const t0 = performance.now();
    expect((await api('GET', '/api/v4/account')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(195);
  });

  it('status402 and blocked answer like an unpaid and a blocked account', async () => {
    sim.faults.set({ status402: true });
    const unpaid = await api('GET', '/api/v4/account');
    expect(unpaid.json).toEqual({ title: 'Payment Required', type: 'https://httpstatus.es/402', status: 402, detail: 'Payment required' });
    sim.faults.set({ status402: false, blocked: true });
    const blocked = await api('GET', '/api/v4/account');
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get('content-type')).toContain('text/html');
  });

  it('timeoutRate=1 accepts the request and never answers in time', async () => {
    sim.faults.set({ timeoutRate: 1 });
    const call = fetch(`${sim.url}/api/v4/account`, { headers: { authorization: `Bearer ${sim.issueLongLivedToken()}` }, signal: AbortSignal.timeout(300) });
    await expect(call).rejects.toThrow();
    expect(sim.stats.requests.at(-1)!.status).toBe(0);
  });

  it('changes faults over the admin API and validates them in Russian', async () => {
    const anon = apiClient(sim, null);
    const set = await anon('POST', '/__sim/faults', { burst429: 1 });
    expect(set.json).toMatchObject({ burst429: 1, errorRate: 0 });
    expect((await api('GET', '/api/v4/account')).status).toBe(429);
    const bad = await anon('POST', '/__sim/faults', { errorRate: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('Поле errorRate должно быть числом от 0 до 1');
  });

  it('repeats the same fault sequence for the same seed', async () => {
    const run = async (seed: number) => {
      const s = await startAmoSimulator({ seed, rateLimitPerSecond: 1000 });
      try {
        s.faults.set({ errorRate: 0.5 });
        const a = apiClient(s, s.issueLongLivedToken());
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await a('GET', '/api/v4/account')).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });
});
