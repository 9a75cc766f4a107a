import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLptSimulator, type LptSimulator } from '../lpt-simulator.ts';
import { LptTestClient } from '../sim-test-client.ts';

let sim: LptSimulator;
let api: LptTestClient;

beforeAll(async () => {
  sim = await startLptSimulator({ rateLimitPerSecond: 0, idleTimeoutMs: 60_000, seed: 7 });
  api = new LptTestClient(sim.url, sim.login, sim.password);
});
afterAll(() => sim.close());

const creds = () => ({ login: sim.login, password: sim.password, service: 'tests', version: '1.0' });

describe('login', () => {
  it('answers bad credentials with code 401 inside HTTP 200, in the documented words', async () => {
    const r = await api.call('POST', '/login', { ...creds(), password: 'wrong' }, { token: null });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'error', errors: [{ code: 401, message: 'Invalid login or password' }] });
  });

  it('needs all four fields and version "1.0"', async () => {
    const { service: _s, ...noService } = creds();
    const missing = await api.call('POST', '/login', noService, { token: null });
    expect(missing.json.errors[0].code).toBe(400);
    expect(missing.json.errors[0].message).toContain('service');
    const badVersion = await api.call('POST', '/login', { ...creds(), version: '2.0' }, { token: null });
    expect(badVersion.json.errors[0].code).toBe(400);
  });

  it('issues a 32-character alphanumeric token and counts the login', async () => {
    const before = sim.stats.logins;
    const token = await api.signIn();
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(sim.stats.logins).toBe(before + 1);
    expect(sim.state.tokens.get(token)?.service).toBe('tests');
  });
});

describe('token header', () => {
  it('refuses a missing or unknown token with code 401 in HTTP 200', async () => {
    for (const token of [null, 'x'.repeat(32)]) {
      const r = await api.call('GET', '/projects', undefined, { token });
      expect(r.status).toBe(200);
      expect(r.json.status).toBe('error');
      expect(r.json.errors[0].code).toBe(401);
    }
  });

  it('is the lowercase `token` header, not Bearer', async () => {
    const token = await api.signIn();
    const res = await fetch(`${sim.url}/projects`, { headers: { authorization: `Bearer ${token}` } });
    expect((await res.json()).errors[0].code).toBe(401);
    const ok = await api.get('/projects');
    expect(ok.json.status).toBe('success');
    expect(ok.json.result.map((p: { name: string }) => p.name)).toContain('Мой сайт');
  });

  it('answers an unknown route with code 404 inside HTTP 200', async () => {
    await api.signIn();
    const r = await api.get('/api/v1/leads');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'error', errors: [{ code: 404 }] });
  });
});

describe('token lifetime', () => {
  it('expires after the idle timeout, and every use extends it', async () => {
    const token = await api.signIn();
    sim.clock.advance(50_000);
    expect((await api.get('/staff')).json.status).toBe('success'); // used at 50 s: lives until 110 s
    sim.clock.advance(50_000);
    expect((await api.get('/staff')).json.status).toBe('success'); // 100 s after login, 50 s idle
    sim.clock.advance(60_001);
    const r = await api.get('/staff');
    expect(r.json.errors[0].code).toBe(401);
    expect(sim.state.tokens.has(token)).toBe(false);
  });

  it('logout succeeds without result and revokes the token', async () => {
    const token = await api.signIn();
    const out = await api.post('/logout');
    expect(out.json).toEqual({ status: 'success' });
    const after = await api.call('GET', '/staff', undefined, { token });
    expect(after.json.errors[0].code).toBe(401);
  });
});
