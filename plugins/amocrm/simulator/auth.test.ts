import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient } from './sim-test-kit.ts';

let sim: AmoSimulator;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000 });
});
afterAll(() => sim.close());

const UNAUTHORIZED = { title: 'Unauthorized', type: 'https://httpstatus.es/401', status: 401, detail: 'Неверный логин или пароль' };

describe('auth', () => {
  it('rejects a request without a bearer token with a 401 problem+json', async () => {
    const res = await apiClient(sim, null)('GET', '/api/v4/account');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toEqual(UNAUTHORIZED);
  });

  it('rejects an unknown token, even a JWT-shaped one', async () => {
    const forged = sim.issueLongLivedToken().replace(/\.[^.]+$/, '.AAAA');
    expect((await apiClient(sim, forged)('GET', '/api/v4/account')).status).toBe(401);
    expect((await apiClient(sim, null)('GET', '/api/v4/account', undefined, { authorization: 'Basic Zm9vOmJhcg==' })).status).toBe(401);
  });

  it('accepts a long-lived token and serves the account', async () => {
    const res = await apiClient(sim, sim.issueLongLivedToken())('GET', '/api/v4/account?with=task_types,datetime_settings');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/hal+json');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]+$/);
    expect(res.json).toMatchObject({ id: sim.accountId, subdomain: sim.subdomain, language: 'ru', _links: { self: { href: `${sim.url}/api/v4/account` } } });
    expect(res.json._embedded.task_types).toEqual(expect.arrayContaining([expect.objectContaining({ id: 1, code: 'FOLLOW_UP' })]));
    expect(res.json._embedded.datetime_settings.timezone).toBe('Europe/Moscow');
  });

  it('issues tokens shaped like amoCRM JWTs', () => {
    const [header, payload, sig] = sim.issueLongLivedToken({ expiresInSeconds: 3600 }).split('.');
    expect(sig!.length).toBeGreaterThan(100);
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims).toMatchObject({ account_id: sim.accountId, grant_type: '', base_domain: 'amocrm.ru', version: 2 });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.scopes).toContain('crm');
  });

  it('rejects an expired token', async () => {
    const expired = sim.issueLongLivedToken({ expiresInSeconds: 0 });
    expect((await apiClient(sim, expired)('GET', '/api/v4/account')).status).toBe(401);
  });

  it('rejects revoked tokens', async () => {
    const local = await startAmoSimulator();
    try {
      const token = local.issueLongLivedToken();
      expect((await apiClient(local, token)('GET', '/api/v4/account')).status).toBe(200);
      local.revokeAllTokens();
      expect((await apiClient(local, token)('GET', '/api/v4/account')).status).toBe(401);
    } finally {
      await local.close();
    }
  });

  it('answers an unknown route with a 404 problem naming the account URL', async () => {
    const res = await apiClient(sim, sim.issueLongLivedToken())('GET', '/api/v4/nothing/here');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      title: 'Not Found',
      type: 'https://httpstatus.es/404',
      status: 404,
      detail: `Cannot GET https://${sim.subdomain}.amocrm.ru/api/v4/nothing/here`,
    });
  });

  it('issues long-lived tokens over the admin API', async () => {
    const res = await apiClient(sim, null)('POST', '/__sim/tokens', { expiresInSeconds: 600 });
    expect(res.status).toBe(201);
    expect((await apiClient(sim, res.json.token)('GET', '/api/v4/account')).status).toBe(200);
  });
});
