import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from './amo-simulator.ts';
import { apiClient, type ApiCall } from './sim-test-kit.ts';

const CLIENT = { clientId: 'client-1', clientSecret: 'secret-1', redirectUri: 'https://app.example.ru/oauth/callback' };

let sim: AmoSimulator;
let anon: ApiCall;
beforeAll(async () => {
  sim = await startAmoSimulator({ rateLimitPerSecond: 1000, oauthClients: [CLIENT] });
  anon = apiClient(sim, null);
});
afterAll(() => sim.close());

const exchange = (code: string) =>
  anon('POST', '/oauth2/access_token', {
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
    grant_type: 'authorization_code',
    code,
    redirect_uri: CLIENT.redirectUri,
  });

// The official PHP stack sends the refresh as a form body; use that here.
const refresh = (token: string) =>
  anon(
    'POST',
    '/oauth2/access_token',
    new URLSearchParams({ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, grant_type: 'refresh_token', refresh_token: token, redirect_uri: CLIENT.redirectUri }).toString(),
    { 'content-type': 'application/x-www-form-urlencoded' },
  );

const oauthError = (hint: string) => ({
  hint,
  title: 'Некорректный запрос',
  type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
  status: 400,
  detail: 'В запросе отсутствует ряд параметров или параметры невалидны',
});

describe('consent page', () => {
  it('shows Разрешить / Отказать and redirects with a code or an error', async () => {
    const page = await anon('GET', `/oauth?client_id=${CLIENT.clientId}&state=csrf-1&mode=post_message`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Разрешить');
    expect(page.text).toContain('Отказать');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const allow = await anon('POST', '/oauth/decision', `client_id=${CLIENT.clientId}&state=csrf-1&decision=allow`, form);
    expect(allow.status).toBe(302);
    const loc = new URL(allow.headers.get('location')!);
    expect(`${loc.origin}${loc.pathname}`).toBe(CLIENT.redirectUri);
    expect(Object.fromEntries(loc.searchParams)).toEqual({ code: expect.stringMatching(/^def50200/), state: 'csrf-1', referer: `${sim.subdomain}.amocrm.ru`, client_id: CLIENT.clientId });
    expect((await exchange(loc.searchParams.get('code')!)).status).toBe(200);
    const deny = await anon('POST', '/oauth/decision', `client_id=${CLIENT.clientId}&state=csrf-2&decision=deny`, form);
    expect(Object.fromEntries(new URL(deny.headers.get('location')!).searchParams)).toEqual({ error: 'access_denied', state: 'csrf-2', client_id: CLIENT.clientId });
  });

  it('refuses an unknown integration', async () => {
    expect((await anon('GET', '/oauth?client_id=nope&state=x')).status).toBe(404);
  });
});

describe('token endpoint', () => {
  it('exchanges a code once; the access token authorizes API calls', async () => {
    const code = sim.createAuthorizationCode(CLIENT.clientId);
    const res = await exchange(code);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ token_type: 'Bearer', expires_in: 86400, server_time: expect.any(Number), access_token: expect.any(String), refresh_token: expect.any(String) });
    expect(res.json.access_token.split('.')).toHaveLength(3);
    expect((await apiClient(sim, res.json.access_token)('GET', '/api/v4/account')).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json).toEqual(oauthError('Authorization code has been revoked'));
  });

  it('rejects an expired code, a bad client and an unknown code', async () => {
    const short = await startAmoSimulator({ oauthClients: [CLIENT], authCodeTtlSeconds: 0 });
    try {
      const res = await apiClient(short, null)('POST', '/oauth2/access_token', {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        grant_type: 'authorization_code',
        code: short.createAuthorizationCode(CLIENT.clientId),
        redirect_uri: CLIENT.redirectUri,
      });
      expect(res.json.hint).toBe('Authorization code has expired');
    } finally {
      await short.close();
    }
    const badClient = await anon('POST', '/oauth2/access_token', { client_id: 'other', client_secret: 'x', grant_type: 'authorization_code', code: 'def50200' });
    expect(badClient.json).toEqual(oauthError('Check the `client_id` parameter'));
    expect((await exchange('def50200nonsense')).json.hint).toBe('Cannot decrypt the authorization code');
  });

  it('issues codes over the admin API', async () => {
    const res = await anon('POST', '/__sim/oauth/code', { clientId: CLIENT.clientId, redirectUri: CLIENT.redirectUri });
    expect(res.status).toBe(201);
    expect((await exchange(res.json.code)).status).toBe(200);
    await anon('POST', '/__sim/oauth/clients', { clientId: 'client-2', clientSecret: 's2', redirectUri: 'https://two.example.ru/cb' });
    expect((await anon('POST', '/__sim/oauth/code', { clientId: 'client-2' })).status).toBe(201);
  });
});

describe('refresh rotation', () => {
  it('rotates on every refresh, keeps the old token until the new one is used, then revokes it', async () => {
    const first = (await exchange(sim.createAuthorizationCode(CLIENT.clientId))).json;
    const before = sim.stats.refreshes;

    const r1 = await refresh(first.refresh_token);
    expect(r1.status).toBe(200);
    expect(r1.json.refresh_token).not.toBe(first.refresh_token);
    expect((await apiClient(sim, r1.json.access_token)('GET', '/api/v4/account')).status).toBe(200);

    // Grace: the answer to r1 may have been lost, so the old token still works once more...
    const retry = await refresh(first.refresh_token);
    expect(retry.status).toBe(200);
    // ...which supersedes the unused token from r1.
    expect((await refresh(r1.json.refresh_token)).json).toEqual(oauthError('Token has been revoked'));

    // Using the newest token revokes its predecessor for good.
    const r2 = await refresh(retry.json.refresh_token);
    expect(r2.status).toBe(200);
    expect((await refresh(first.refresh_token)).json).toEqual(oauthError('Token has been revoked'));

    expect(sim.stats.refreshes - before).toBe(3);
    expect(sim.stats.refreshUses(first.refresh_token)).toBe(3);
    expect(sim.stats.refreshUses(retry.json.refresh_token)).toBe(1);
    expect(sim.stats.refreshUses(r2.json.refresh_token)).toBe(0);
  });

  it('revokes everything on revokeAllTokens', async () => {
    const pair = (await exchange(sim.createAuthorizationCode(CLIENT.clientId))).json;
    sim.revokeAllTokens();
    expect((await apiClient(sim, pair.access_token)('GET', '/api/v4/account')).status).toBe(401);
    expect((await refresh(pair.refresh_token)).json.hint).toBe('Token has been revoked');
  });
});
