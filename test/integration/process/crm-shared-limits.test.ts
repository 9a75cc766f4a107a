import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmoSimulator, type AmoSimulator } from '../../../plugins/amocrm/simulator/amo-simulator.ts';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import { HttpTestClient } from '../../support/http-client.ts';
import { processTestEnv, type ProcessTestEnv } from '../../support/process-env.ts';
import { sharedSecrets, startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { connect } from '../../support/crm-graphs.ts';
import { activeWorkflow } from '../../support/workflow-graphs.ts';

/**
 * Guarantees that only hold across processes: two worker processes share the AmoCRM account's
 * 7 requests/s, and an expiring OAuth token is refreshed once, not once per process.
 */
let env: ProcessTestEnv;
let sim: AmoSimulator;
const procs: ServerProcess[] = [];

beforeAll(async () => {
  env = await processTestEnv();
  sim = await startAmoSimulator({ banAfterViolations: 0 });
  const shared = { DATABASE_URL: env.db.url, ...sharedSecrets(), WORKER_CONCURRENCY: '10', RETRY_BASE_MS: '200' };
  procs.push(await startServerProcess({ role: 'all', env: shared }));
  procs.push(await startServerProcess({ role: 'worker', env: shared }));
  env.procs.push(...procs);
});
afterAll(async () => {
  await env?.close('SIGKILL');
  await sim?.close();
});

/** webhook → find the lead by id in AmoCRM: one API read per run. */
const reader = (connectionId: string): Graph => ({
  schemaVersion: 1,
  nodes: [
    { id: 't', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: {} },
    { id: 'f', type: 'amocrm.find_lead', version: 1, position: { x: 260, y: 0 }, props: { connectionId, by: 'id', value: '{{trigger.body.leadId}}' } },
  ],
  edges: [{ id: 'e', source: 't', sourceHandle: 'out', target: 'f', targetHandle: 'in' }],
});

describe('one AmoCRM account, two worker processes', () => {
  it('10 busy rules never make the account see more than 7 requests in any second', async () => {
    const client = new HttpTestClient(procs[0]!.url);
    await client.register('limits@example.ru');
    const conn = await connect(client, 'amocrm', 'Аккаунт', { authType: 'token', subdomain: sim.subdomain, accessToken: sim.issueLongLivedToken(), baseUrl: sim.url });
    const lead = sim.admin.createLead({ name: 'Читаемая', pipeline: 'Продажи', status: 'Новая заявка' });
    const hooks = [];
    for (let i = 0; i < 10; i++) hooks.push((await activeWorkflow(client, reader(conn.id), `Читатель ${i}`)).hookUrl);
    sim.stats.reset();
    const sends = [];
    for (let i = 0; i < 60; i++) {
      sends.push(fetch(hooks[i % 10]!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leadId: lead.id, i }) }));
    }
    expect((await Promise.all(sends)).every((r) => r.status === 200)).toBe(true);
    await expect.poll(async () => (await client.get('/api/runs?status=succeeded&limit=1')).body.total, { timeout: 60_000, interval: 500 }).toBe(60);
    expect(sim.stats.peakRequestsPerSecond()).toBeLessThanOrEqual(7);
    expect(sim.stats.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it('an expired OAuth token needed by both processes at once is refreshed once', async () => {
    const client = new HttpTestClient(procs[0]!.url);
    await client.post('/api/auth/login', { email: 'limits@example.ru', password: 'пароль-надёжный' });
    sim.registerOAuthClient({ clientId: 'client-1', clientSecret: 'secret-1', redirectUri: 'http://127.0.0.1/cb' });
    const code = sim.createAuthorizationCode('client-1');
    const pair = await (await fetch(`${sim.url}/oauth2/access_token`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'client-1', client_secret: 'secret-1', grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1/cb' }),
    })).json();
    const conn = await connect(client, 'amocrm', 'OAuth', {
      authType: 'oauth', subdomain: sim.subdomain, clientId: 'client-1', clientSecret: 'secret-1', baseUrl: sim.url, redirectUri: 'http://127.0.0.1/cb',
      accessToken: pair.access_token, refreshToken: pair.refresh_token, expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    const lead = sim.admin.createLead({ name: 'Для OAuth', pipeline: 'Продажи', status: 'Новая заявка' });
    const hooks = [];
    for (let i = 0; i < 4; i++) hooks.push((await activeWorkflow(client, reader(conn.id), `OAuth ${i}`)).hookUrl);
    // Expiring in 5 min + 2 s: not yet due for the update's own test, due for every run after that.
    await expireSoon(conn.id, 302);
    await new Promise((r) => setTimeout(r, 2500));
    const before = sim.stats.refreshes;
    const sends = [];
    for (let i = 0; i < 20; i++) sends.push(fetch(hooks[i % 4]!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leadId: lead.id, oauth: i }) }));
    await Promise.all(sends);
    await expect.poll(async () => (await client.get('/api/runs?status=succeeded&limit=1')).body.total, { timeout: 60_000, interval: 500 }).toBe(80);
    expect(sim.stats.refreshes - before).toBe(1);
    expect(sim.stats.refreshUses(pair.refresh_token)).toBe(1);
    const view = (await client.get(`/api/connections/${conn.id}`)).body;
    expect(view.status).toBe('ok');
  });
});

/**
 * Moves the stored expiry close: credentials are encrypted, so it goes through the API (an update
 * that keeps the tokens and sets only `expiresAt`).
 */
async function expireSoon(connectionId: string, inSeconds: number) {
  const client = new HttpTestClient(procs[0]!.url);
  await client.post('/api/auth/login', { email: 'limits@example.ru', password: 'пароль-надёжный' });
  const res = await client.put(`/api/connections/${connectionId}`, { credentials: { expiresAt: Math.floor(Date.now() / 1000) + inSeconds } });
  if (res.status !== 200) throw new Error(`expire: ${res.status} ${res.text}`);
}
