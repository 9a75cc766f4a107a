import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../core/sdk/index.ts';
import { testRemote } from '../../../core/sdk/testing.ts';
import amocrm from '../index.ts';
import type { AmoCredentials } from '../connection/credentials.schema.ts';
import type { AmoSimulator } from '../simulator/amo-simulator.ts';
import { amoGet } from './amo-client.ts';
import { startSim, tokenRemote, type TestAmoRemote } from './amo-test-kit.ts';

const CLIENT = { clientId: 'integration-1', clientSecret: 'secret-1', redirectUri: 'https://app.example.ru/api/oauth/amocrm/callback' };
const oauth = amocrm.connection!.oauth!;
const refresh = amocrm.connection!.refresh!;

let sim: AmoSimulator;
beforeAll(async () => {
  sim = await startSim({ oauthClients: [CLIENT] });
});
afterAll(() => sim.close());

const bare = (): AmoCredentials => ({ authType: 'oauth', subdomain: sim.subdomain, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, baseUrl: sim.url });
const remoteFor = (credentials: AmoCredentials) => testRemote<AmoCredentials>(amocrm, { credentials }) as TestAmoRemote;

async function connected(): Promise<AmoCredentials> {
  const code = sim.createAuthorizationCode(CLIENT.clientId);
  return oauth.exchange(remoteFor(bare()), { code, query: { code, state: 's', referer: `${sim.subdomain}.amocrm.ru` }, redirectUri: CLIENT.redirectUri });
}

describe('OAuth', () => {
  it('sends the user to the consent page the simulator serves, then exchanges the code for a token pair', async () => {
    expect(oauth.pending(bare())).toBe(true);
    const url = oauth.authorizeUrl({ credentials: bare(), state: 'csrf-1', redirectUri: CLIENT.redirectUri });
    expect(url).toBe(`${sim.url}/oauth?client_id=${CLIENT.clientId}&state=csrf-1&mode=post_message`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Предоставить доступ');
    expect(oauth.authorizeUrl({ credentials: { ...bare(), baseUrl: '' }, state: 'x', redirectUri: '' })).toMatch(/^https:\/\/www\.amocrm\.ru\/oauth\?client_id=/);

    const before = Math.floor(Date.now() / 1000);
    const creds = await connected();
    expect(creds).toMatchObject({ authType: 'oauth', accessToken: expect.any(String), refreshToken: expect.any(String), redirectUri: CLIENT.redirectUri });
    if (creds.authType !== 'oauth') throw new Error('oauth expected');
    expect(creds.expiresAt! - before).toBeGreaterThanOrEqual(86_399);
    expect(oauth.pending(creds)).toBe(false);
    expect(refresh.due(creds)).toBe(false);
    expect(await amocrm.connection!.test(remoteFor(creds))).toEqual({ account: 'Симулятор amoCRM', accountId: String(sim.accountId) });
  });

  it('refuses a code used twice, in Russian', async () => {
    const code = sim.createAuthorizationCode(CLIENT.clientId);
    const input = { code, query: {}, redirectUri: CLIENT.redirectUri };
    await oauth.exchange(remoteFor(bare()), input);
    const err = await oauth.exchange(remoteFor(bare()), input).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_OAUTH_FAILED');
    expect(err.message).toMatch(/код авторизации уже использован/);
  });
});

describe('refresh', () => {
  it('five concurrent 401s in one process spend the refresh token once, then every request succeeds', async () => {
    const creds = await connected();
    if (creds.authType !== 'oauth') throw new Error('oauth expected');
    // A rejected access token with a good refresh token and an expiry that looks fine: only the 401 tells.
    const remote = remoteFor({ ...creds, accessToken: 'revoked-access-token', expiresAt: creds.expiresAt });
    sim.stats.reset();
    const results = await Promise.all(Array.from({ length: 5 }, () => amoGet(remote, '/api/v4/account')));
    expect(results.every((r) => r?.id === sim.accountId)).toBe(true);
    expect(sim.stats.refreshes).toBe(1);
    expect(remote.refreshes).toBe(1);
    expect(sim.stats.refreshUses(creds.refreshToken!)).toBe(1);
    const rotated = remote.credentials;
    if (rotated.authType !== 'oauth') throw new Error('oauth expected');
    expect(rotated.refreshToken).not.toBe(creds.refreshToken);
    // Later requests carry the new token: no further refresh.
    await amoGet(remote, '/api/v4/account');
    expect(sim.stats.refreshes).toBe(1);
  });

  it('refreshes before a request when the token expires within 5 minutes', async () => {
    const creds = await connected();
    if (creds.authType !== 'oauth') throw new Error('oauth expected');
    const soon = { ...creds, expiresAt: Math.floor(Date.now() / 1000) + 60 };
    expect(refresh.due(soon)).toBe(true);
    const remote = remoteFor(soon);
    sim.stats.reset();
    await amoGet(remote, '/api/v4/account');
    expect(sim.stats.refreshes).toBe(1);
    expect(sim.stats.requests.map((r) => r.status)).toEqual([200]);
  });

  it('a refresh token that was revoked: AMOCRM_UNAUTHORIZED asking to reconnect', async () => {
    const creds = await connected();
    sim.revokeAllTokens();
    const err = await amoGet(remoteFor(creds), '/api/v4/account').catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('AMOCRM_UNAUTHORIZED');
    expect(err.message).toMatch(/переподключите/i);
  });

  it('401 again after the one refresh: AMOCRM_UNAUTHORIZED, no second refresh', async () => {
    // Tokens that are dead on arrival: the refresh works, the retried request still gets 401.
    const dead = await startSim({ oauthClients: [CLIENT], accessTokenTtlSeconds: 0 });
    try {
      const code = dead.createAuthorizationCode(CLIENT.clientId);
      const creds = await oauth.exchange(remoteFor({ ...bare(), baseUrl: dead.url }), { code, query: {}, redirectUri: CLIENT.redirectUri });
      const remote = remoteFor({ ...creds, expiresAt: Math.floor(Date.now() / 1000) + 86_400 } as AmoCredentials);
      const err = await amoGet(remote, '/api/v4/account').catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect(err.code).toBe('AMOCRM_UNAUTHORIZED');
      expect(remote.refreshes).toBe(1);
      expect(dead.stats.requests.map((r) => r.status)).toEqual([401, 401]);
    } finally {
      await dead.close();
    }
  });
});

describe('rate limit', () => {
  it('20 concurrent reads never exceed 7 requests in any second, and none is refused', async () => {
    // A simulator of its own: the requests of the tests above still count in its last second.
    const quiet = await startSim();
    try {
      const remote = tokenRemote(quiet);
      const results = await Promise.all(Array.from({ length: 20 }, () => amoGet(remote, '/api/v4/account')));
      expect(results.every((r) => r?.id === quiet.accountId)).toBe(true);
      expect(quiet.stats.requests).toHaveLength(20);
      expect(quiet.stats.requests.every((r) => r.status === 200)).toBe(true);
      expect(quiet.stats.peakRequestsPerSecond()).toBeLessThanOrEqual(7);
      // Not serialised either: the limit is used, not avoided.
      expect(quiet.stats.peakRequestsPerSecond()).toBeGreaterThanOrEqual(6);
    } finally {
      await quiet.close();
    }
  });
});
