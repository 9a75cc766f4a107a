import { afterEach, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { peakInWindow, RateLimiter } from './rate-limit.ts';
import { apiClient } from './sim-test-kit.ts';

let sim: AmoSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limit over HTTP', () => {
  it('lets exactly 7 of 20 concurrent requests through and answers the rest 429 with retry_after', async () => {
    sim = await startAmoSimulator({ banAfterViolations: 0 });
    const api = apiClient(sim, sim.issueLongLivedToken());
    const results = await Promise.all(Array.from({ length: 20 }, () => api('GET', '/api/v4/account')));
    const times = sim.stats.requests.map((r) => r.at);
    // The assertion below only means something if all 20 arrived inside one window.
    expect(times.at(-1)! - times[0]!).toBeLessThan(1000);
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(13);
    expect(limited[0]!.headers.get('content-type')).toContain('application/problem+json');
    expect(limited[0]!.json).toEqual({
      title: 'Too Many Requests',
      type: 'https://httpstatus.es/429',
      status: 429,
      detail: 'You have sent too many requests in a given amount of time. Please try again later.',
      retry_after: 1,
    });
    expect(limited[0]!.headers.get('retry-after')).toBe('1');
    expect(sim.stats.peakRequestsPerSecond()).toBe(20);
    expect(sim.stats.requests.filter((r) => r.status === 429)).toHaveLength(13);
  });

  it('lets requests through again once the window slides past', async () => {
    sim = await startAmoSimulator({ rateLimitPerSecond: 3, banAfterViolations: 0 });
    const api = apiClient(sim, sim.issueLongLivedToken());
    const first = await Promise.all(Array.from({ length: 4 }, () => api('GET', '/api/v4/account')));
    expect(first.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
    await sleep(1050);
    expect((await api('GET', '/api/v4/account')).status).toBe(200);
  });

  it('bans the account after repeated 429s: every request gets the 403 HTML page until unban', async () => {
    sim = await startAmoSimulator({ banAfterViolations: 5 });
    const api = apiClient(sim, sim.issueLongLivedToken());
    const results = await Promise.all(Array.from({ length: 20 }, () => api('GET', '/api/v4/leads')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(7);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 403)).toHaveLength(8);
    expect(sim.banned).toBe(true);
    const blocked = await api('GET', '/api/v4/account');
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get('content-type')).toContain('text/html');
    expect(blocked.text).toContain('<html');
    sim.unban();
    const after = await api('GET', '/api/v4/account');
    expect([200, 429]).toContain(after.status);
  });

  it('never bans when banAfterViolations is 0', async () => {
    sim = await startAmoSimulator({ banAfterViolations: 0, rateLimitPerSecond: 1 });
    const api = apiClient(sim, sim.issueLongLivedToken());
    const results = await Promise.all(Array.from({ length: 30 }, () => api('GET', '/api/v4/account')));
    expect(results.some((r) => r.status === 403)).toBe(false);
  });

  it('records arrivals so the peak reflects what a client actually sent', async () => {
    sim = await startAmoSimulator();
    const api = apiClient(sim, sim.issueLongLivedToken());
    for (let i = 0; i < 3; i++) await api('GET', '/api/v4/account');
    await api('GET', '/api/v4/leads');
    expect(sim.stats.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/v4/account', 200],
      ['GET', '/api/v4/account', 200],
      ['GET', '/api/v4/account', 200],
      ['GET', '/api/v4/leads', 204],
    ]);
    expect(sim.stats.peakRequestsPerSecond()).toBe(4);
    sim.stats.reset();
    expect(sim.stats.peakRequestsPerSecond()).toBe(0);
  });
});

describe('sliding window arithmetic', () => {
  it('finds the busiest 1000 ms window at any position, not in aligned buckets', () => {
    // Aligned 1 s buckets would see 3 + 3; the window [900, 1900) holds all 6.
    expect(peakInWindow([100, 900, 950, 999, 1001, 1500, 1899])).toBe(6);
    expect(peakInWindow([0, 1000, 2000])).toBe(1);
    expect(peakInWindow([0, 999])).toBe(2);
    expect(peakInWindow([])).toBe(0);
  });

  it('limits accepted requests per sliding second and counts violations towards a ban', () => {
    const rl = new RateLimiter({ perSecond: 2, banAfterViolations: 2 });
    expect(rl.hit(0).ok).toBe(true);
    expect(rl.hit(600).ok).toBe(true);
    expect(rl.hit(900)).toEqual({ ok: false, retryAfterSec: 1 });
    // At 1000 the request from t=0 has left the window; the one from 600 is still in it.
    expect(rl.hit(1000).ok).toBe(true);
    expect(rl.hit(1100).ok).toBe(false);
    expect(rl.banned).toBe(true);
    rl.unban();
    expect(rl.banned).toBe(false);
  });
});
