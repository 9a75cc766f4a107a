import { afterEach, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from './lpt-simulator.ts';
import { peakPerWindow, RateLimiter } from './rate-limit.ts';
import { LptTestClient } from './sim-test-client.ts';

describe('peakPerWindow', () => {
  it('finds the busiest 1000 ms window anywhere, not only on whole seconds', () => {
    expect(peakPerWindow([])).toBe(0);
    expect(peakPerWindow([0, 600, 900, 1500])).toBe(3);
    // 900..1800 holds four although no calendar second does.
    expect(peakPerWindow([0, 900, 1100, 1500, 1800, 2500])).toBe(4);
    expect(peakPerWindow([0, 1000, 2000])).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('lets `limit` requests into any sliding second per account', () => {
    const rl = new RateLimiter(3);
    expect([0, 10, 20, 30].map((t) => rl.allow(1, t))).toEqual([true, true, true, false]);
    expect(rl.allow(2, 30)).toBe(true); // another account has its own quota
    expect(rl.allow(1, 999)).toBe(false);
    expect(rl.allow(1, 1001)).toBe(true);
  });
});

describe('rate limit over HTTP', () => {
  let sim: LptSimulator;
  afterEach(() => sim.close());

  it('answers the 4th request inside one second with code 503 in HTTP 200, counting /login and all tokens of the account', async () => {
    sim = await startLptSimulator();
    const a = new LptTestClient(sim.url, sim.login, sim.password);
    const b = new LptTestClient(sim.url, sim.login, sim.password);
    await a.signIn(); // 1
    await b.signIn(); // 2
    expect((await a.get('/staff')).json.status).toBe('success'); // 3
    const fourth = await b.get('/staff');
    expect(fourth.status).toBe(200);
    expect(fourth.json).toEqual({ status: 'error', errors: [{ code: 503, message: 'Превышен лимит запросов' }] });
    sim.clock.advance(1000);
    expect((await b.get('/staff')).json.status).toBe('success');
    expect(sim.stats.requests.map((r) => r.code)).toEqual([200, 200, 200, 503, 200]);
  });

  it('can make the rate-limit case a real HTTP 503, also switched at runtime', async () => {
    sim = await startLptSimulator({ rateLimitPerSecond: 1, rateLimitHttp503: true });
    const api = new LptTestClient(sim.url, sim.login, sim.password);
    await api.signIn();
    const r = await api.get('/staff');
    expect(r.status).toBe(503);
    expect(r.json.errors[0].code).toBe(503);
    sim.faults.set({ rateLimitHttp503: false });
    const inBody = await api.get('/staff');
    expect([inBody.status, inBody.json.errors[0].code]).toEqual([200, 503]);
  });

  it('records arrivals so a test can check a client never exceeded 3 per sliding second', async () => {
    sim = await startLptSimulator({ rateLimitPerSecond: 0 });
    const api = new LptTestClient(sim.url, sim.login, sim.password);
    // Wall time between requests adds to the advances; the margins (≥ 300 ms) absorb a loaded machine.
    await api.signIn(); // t ≈ 0
    sim.clock.advance(2000);
    await api.get('/staff'); // ≈ 2000
    sim.clock.advance(100);
    await api.get('/staff'); // ≈ 2100
    sim.clock.advance(600);
    await api.get('/staff'); // ≈ 2700
    expect(sim.stats.peakRequestsPerSecond()).toBe(3);
    await api.get('/staff'); // ≈ 2700 again: 2000..3000 now holds four
    expect(sim.stats.peakRequestsPerSecond()).toBe(4);
    sim.stats.reset();
    expect([sim.stats.requests.length, sim.stats.peakRequestsPerSecond(), sim.stats.logins]).toEqual([0, 0, 0]);
  });
});
