import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OperationalError, UserError } from '../../../core/sdk/index.ts';
import { TOKEN_RENEW_AFTER_MS } from '../connection/token-lifetime.ts';
import type { LptSimulator } from '../simulator/lpt-simulator.ts';
import { asList, lptGet, lptList, lptRequest } from './lpt-client.ts';
import { noLimit, requestsTo, simRemote, startSim, type TestLptRemote } from './lpt-test-kit.ts';
import { lptTimeouts } from './timeouts.ts';

let sim: LptSimulator;
let remote: TestLptRemote;
const DAY_AND_AN_HOUR = 25 * 3600_000;

beforeAll(async () => {
  sim = await startSim({ rateLimitPerSecond: 0, seed: 7 });
  remote = simRemote(sim, { limiter: noLimit });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.reset());

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('login and the token', () => {
  it('logs in on first use (version 1.0, token header) and reuses the token', async () => {
    const logins = sim.stats.logins;
    const projects = await lptList(remote, '/projects');
    expect(projects.map((p) => p.id)).toEqual([94698, 94699]);
    await lptGet(remote, '/staff');
    expect(sim.stats.logins).toBe(logins + 1);
    expect(remote.credentials.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(remote.credentials.tokenAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a wrong password is a UserError in Russian, not a retry', async () => {
    const bad = simRemote(sim, { limiter: noLimit, credentials: { password: 'wrong' } });
    const err = await caught(lptGet(bad, '/projects'));
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'LPTRACKER_AUTH_FAILED' });
    expect(err.message).toMatch(/не принял логин или пароль/);
  });

  it('an idled-out token (code 401 in HTTP 200) is renewed once and the request repeated', async () => {
    const own = simRemote(sim, { limiter: noLimit });
    await lptGet(own, '/staff');
    const logins = sim.stats.logins;
    sim.clock.advance(DAY_AND_AN_HOUR);
    const staff = await lptList(own, '/staff');
    expect(staff.length).toBeGreaterThan(0);
    expect(sim.stats.logins).toBe(logins + 1);
    expect(sim.stats.requests.filter((r) => r.path === '/staff').map((r) => r.code).slice(-2)).toEqual([401, 200]);
  });

  it('concurrent requests that meet one expired token share one login', async () => {
    const own = simRemote(sim, { limiter: noLimit });
    await lptGet(own, '/staff');
    sim.clock.advance(DAY_AND_AN_HOUR);
    const logins = sim.stats.logins;
    const refreshes = own.refreshes;
    const results = await Promise.all(Array.from({ length: 6 }, () => lptList(own, '/projects')));
    expect(results.every((r) => r.length === 2)).toBe(true);
    expect(sim.stats.logins).toBe(logins + 1);
    expect(own.refreshes).toBe(refreshes + 1);
  });

  it('renews a token 20 h after it was issued, before LPTracker could drop it', async () => {
    const token = remote.credentials.token!;
    const aged = simRemote(sim, { limiter: noLimit, credentials: { token, tokenAt: Date.now() - TOKEN_RENEW_AFTER_MS - 1000 } });
    const logins = sim.stats.logins;
    const before = sim.stats.requests.length;
    await lptGet(aged, '/staff');
    expect(sim.stats.logins).toBe(logins + 1);
    expect(aged.credentials.token).not.toBe(token);
    // No request was sent with the old token first.
    expect(sim.stats.requests.slice(before).map((r) => [r.path, r.code])).toEqual([['/login', 200], ['/staff', 200]]);
  });

  it('a write refused with code 401 was not executed, so it is sent again once', async () => {
    const own = simRemote(sim, { limiter: noLimit });
    const lead = sim.admin.createLead({ name: 'Для комментария' });
    await lptGet(own, '/staff');
    sim.clock.advance(DAY_AND_AN_HOUR);
    await lptRequest(own, { method: 'POST', path: `/lead/${lead.id}/comment`, body: { text: 'после 401', options: {} } });
    expect([...sim.state.comments.values()].filter((c) => c.leadId === lead.id).map((c) => c.text)).toEqual(['после 401']);
    expect(sim.stats.requests.filter((r) => r.path === `/lead/${lead.id}/comment`).map((r) => r.code)).toEqual([401, 200]);
  });
});

describe('answers', () => {
  it('application errors come in HTTP 200 and become Russian UserErrors with stable codes', async () => {
    const notFound = await caught(lptGet(remote, '/lead/1'));
    expect(notFound).toBeInstanceOf(UserError);
    expect(notFound).toMatchObject({ code: 'LPTRACKER_NOT_FOUND', status: 404 });
    expect(notFound.message).toMatch(/^LPTracker: не найдено/);

    const bad = await caught(lptGet(remote, '/contact/search', { project_id: 94698 }));
    expect(bad).toBeInstanceOf(UserError);
    expect(bad).toMatchObject({ code: 'LPTRACKER_BAD_REQUEST' });
    expect(bad.message).toContain('Укажите хотя бы один параметр поиска');

    const route = await caught(lptGet(remote, '/no/such/route'));
    expect(route).toMatchObject({ code: 'LPTRACKER_NOT_FOUND' });
  });

  it('a success without `result` reads as null', async () => {
    const res = await lptRequest(remote, { method: 'PUT', path: '/project/94699/callback-url', body: { url: '', name: 'nobody' } });
    expect(res).toBeNull();
  });

  it('reads a list as an envelope and as a bare array alike', async () => {
    const enveloped = await lptList(remote, '/project/94698/funnel');
    sim.faults.set({ bareLists: true });
    const bare = await lptList(remote, '/project/94698/funnel');
    expect(enveloped.map((s) => s.name)).toEqual(['Новый лид', 'В работе', 'Думает', 'Отказ', 'Успешная сделка']);
    expect(bare).toEqual(enveloped);
    expect(asList({ funnels: [{ id: 1 }] })).toEqual([{ id: 1 }]);
    expect(asList({ 0: { id: 1 }, 2: { id: 2 } })).toEqual([{ id: 1 }, { id: 2 }]);
    expect(asList(null)).toEqual([]);
  });

  it('an HTML error page in HTTP 200, JSON cut short and an HTTP 500 page are transient', async () => {
    sim.faults.set({ htmlErrorRate: 1 });
    const html = await caught(lptGet(remote, '/projects'));
    expect(html).toBeInstanceOf(OperationalError);
    expect(html).toMatchObject({ code: 'LPTRACKER_BAD_RESPONSE', transient: true });
    expect(html.message).toMatch(/страницу ошибки/);

    sim.faults.set({ htmlErrorRate: 0, truncatedJsonRate: 1 });
    const cut = await caught(lptGet(remote, '/projects'));
    expect(cut).toMatchObject({ code: 'LPTRACKER_BAD_RESPONSE', transient: true });
    expect(cut.message).toMatch(/неполный или повреждённый/);

    sim.faults.set({ truncatedJsonRate: 0, errorRate: 1 });
    const down = await caught(lptGet(remote, '/projects'));
    expect(down).toMatchObject({ code: 'LPTRACKER_UNAVAILABLE', transient: true });
  });

  it('a write whose answer never comes is not repeated by the client', async () => {
    const lead = sim.admin.createLead({ name: 'Тайм-аут' });
    const path = `/lead/${lead.id}/comment`;
    const saved = lptTimeouts.requestMs;
    lptTimeouts.requestMs = 1000;
    sim.faults.set({ timeoutRate: 1, onlyFor: `POST ${path}` });
    try {
      const err = await caught(lptRequest(remote, { method: 'POST', path, body: { text: 'один раз', options: {} } }));
      expect(err).toBeInstanceOf(OperationalError);
      expect(err).toMatchObject({ code: 'LPTRACKER_TIMEOUT', transient: true });
      expect(err.message).toMatch(/Изменение могло быть выполнено/);
    } finally {
      lptTimeouts.requestMs = saved;
    }
    expect(requestsTo(sim, 'POST', path)).toBe(1);
    expect([...sim.state.comments.values()].filter((c) => c.leadId === lead.id)).toHaveLength(1);
  });

  it('a comment on a lead LPTracker does not see yet ("invalid lead id") is transient', async () => {
    const slow = await startSim({ rateLimitPerSecond: 0, invalidLeadIdMs: 60_000 });
    try {
      const own = simRemote(slow, { limiter: noLimit });
      const lead = slow.admin.createLead({ name: 'Свежий' });
      const err = await caught(lptRequest(own, { method: 'POST', path: `/lead/${lead.id}/comment`, body: { text: 'рано' } }));
      expect(err).toMatchObject({ code: 'LPTRACKER_LEAD_NOT_READY', transient: true, retryAfterMs: 2000 });
    } finally {
      await slow.close();
    }
  });
});

describe('rate limit answers', () => {
  it('code 503 in HTTP 200 and a real HTTP 503 are both transient with a backoff hint', async () => {
    // The simulator allows 1 request per second here while the client paces itself to 3.
    const strict = await startSim({ rateLimitPerSecond: 1 });
    try {
      const own = simRemote(strict);
      const inBody = await caught(lptGet(own, '/projects'));
      expect(inBody).toBeInstanceOf(OperationalError);
      expect(inBody).toMatchObject({ code: 'LPTRACKER_RATE_LIMITED', transient: true, retryAfterMs: 1000 });
      expect(inBody.message).toMatch(/ограничил частоту запросов/);
      expect(strict.stats.requests.map((r) => r.code)).toEqual([200, 503]);

      strict.faults.set({ rateLimitHttp503: true });
      const http = await caught(lptGet(own, '/projects'));
      expect(http).toMatchObject({ code: 'LPTRACKER_RATE_LIMITED', transient: true, retryAfterMs: 1000 });
    } finally {
      await strict.close();
    }
  });
});
