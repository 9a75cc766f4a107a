import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lptracker from '../../../plugins/lptracker/index.ts';
import { plugins as installedPlugins } from '../../../plugins/index.ts';
import { startLptSimulator, type LptSimulator } from '../../../plugins/lptracker/simulator/lpt-simulator.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

// Until LPTracker is in the installed list, the test installs it next to the others.
const plugins = installedPlugins.some((p) => p.id === 'lptracker') ? installedPlugins : [...installedPlugins, lptracker];

let app: TestApp;
let sim: LptSimulator;
let other: LptSimulator;
let admin: HttpTestClient;
let user: HttpTestClient;
let adminEmail: string;
let tenantId: string;
let connectionId: string;

const WRONG = 'неверный-пароль-42';

beforeAll(async () => {
  [app, sim, other] = await Promise.all([
    createTestApp({ plugins }),
    startLptSimulator(),
    startLptSimulator({ login: 'second@example.ru', password: 'второй-пароль-Щ7' }),
  ]);
  // One project each: metadata is 2 + 3 requests per project at LPTracker's 3 per second.
  for (const s of [sim, other]) for (const id of [...s.state.projects.keys()].slice(1)) s.state.projects.delete(id);
  admin = app.client();
  user = app.client();
  adminEmail = (await admin.register('platform-admin@example.ru', 'Админ')).email;
  tenantId = (await user.register('sales@example.ru', 'Продажи', 'пароль-надёжный')).tenant.id;
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
  await other?.close();
});

const bind = (body: Record<string, unknown>) => admin.put(`/api/admin/tenants/${tenantId}/lptracker`, body);
const rightBody = () => ({ login: sim.login, password: sim.password, service: 'Отдел продаж', baseUrl: sim.url });
const userConnections = async () => (await user.get('/api/connections')).body.items as { id: string; plugin: string }[];
const storedRows = async () => (await app.c.pool.query(`select id from connection where tenant_id = $1 and plugin = 'lptracker'`, [tenantId])).rows;

describe('binding LPTracker to a tenant', () => {
  it('a wrong password: 422 with the Russian reason, nothing bound, nothing stored', async () => {
    const res = await bind({ ...rightBody(), password: WRONG });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/[а-яё]/i);
    expect(res.text).not.toContain(WRONG);
    expect(await storedRows()).toEqual([]);
    expect(await userConnections()).toEqual([]);
  });

  it('the right login: bound, tested, in the tenant\'s connections with its hookUrl and no secrets', async () => {
    const res = await bind(rightBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ plugin: 'lptracker', name: 'LPTracker', status: 'ok', adminBound: true });
    connectionId = res.body.id;

    const listed = await user.get('/api/connections');
    expect(listed.status).toBe(200);
    const view = listed.body.items.find((c: { plugin: string }) => c.plugin === 'lptracker');
    expect(view).toMatchObject({ id: connectionId, status: 'ok', adminBound: true });
    expect(view.hookUrl).toMatch(new RegExp(`^${app.url}/hooks/`));
    expect(view.metadata.summary.length).toBeGreaterThan(0);
    expect(view.settings).toEqual({});
    expect(listed.text).not.toContain(sim.password);
    // Not the login either: users see the projects, the admin the credentials.
    expect(listed.text).not.toContain(sim.login);
    const metadata = await user.get(`/api/connections/${connectionId}/metadata`);
    expect(metadata.status).toBe(200);
    expect(metadata.text).not.toContain(sim.password);
    expect(metadata.text).not.toContain(sim.login);
  });

  it('the tenant\'s users cannot change, replace or delete it (403), and it stays', async () => {
    const put = await user.put(`/api/connections/${connectionId}`, { name: 'Моё', credentials: { login: 'x@example.ru', password: 'другой' } });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('CONNECTION_ADMIN_BOUND');
    expect(put.body.error.message).toMatch(/администратор/);
    expect((await user.del(`/api/connections/${connectionId}`)).status).toBe(403);
    const own = await user.post('/api/connections', { plugin: 'lptracker', name: 'Своё', credentials: rightBody() });
    expect(own.status).toBe(403);
    expect((await userConnections()).map((c) => c.id)).toEqual([connectionId]);
  });

  it('a failed replacement keeps the working credentials; a good one replaces them in place', async () => {
    const stored = async () => (await app.c.pool.query('select credentials, credentials_version, status from connection where id = $1', [connectionId])).rows[0];
    const before = await stored();
    const failed = await bind({ ...rightBody(), password: WRONG });
    expect(failed.status).toBe(422);
    expect(failed.body.error.message).toMatch(/[а-яё]/i);
    expect(await stored()).toEqual(before);
    expect(before.status).toBe('ok');

    const replaced = await bind({ login: other.login, password: other.password, service: 'Колл-центр', baseUrl: other.url });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: connectionId, status: 'ok' });
    expect(other.stats.logins).toBeGreaterThan(0);
    expect(replaced.body.account).toBe('LPTracker: «Мой сайт»');
    expect(await storedRows()).toHaveLength(1);

    const detail = await admin.get(`/api/admin/tenants/${tenantId}`);
    expect(detail.body.lptracker).toMatchObject({ id: connectionId, settings: { login: other.login, service: 'Колл-центр', baseUrl: other.url } });
    expect(detail.text).not.toContain(other.password);
  });

  it('test, then unbind: gone from the tenant, a second unbind and a test answer 404', async () => {
    const tested = await admin.post(`/api/admin/tenants/${tenantId}/lptracker/test`);
    expect(tested.body.status).toBe('ok');
    expect((await admin.del(`/api/admin/tenants/${tenantId}/lptracker`)).status).toBe(204);
    expect(await userConnections()).toEqual([]);
    expect(await storedRows()).toEqual([]);
    const again = await admin.del(`/api/admin/tenants/${tenantId}/lptracker`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/не привязан/);
    expect((await admin.post(`/api/admin/tenants/${tenantId}/lptracker/test`)).status).toBe(404);
  });

  it('every step is in the tenant\'s log and the platform log with the admin\'s email, and no password anywhere in the logs', async () => {
    const tenantLog = ((await user.get('/api/logs?source=admin&limit=200')).body.items as { message: string }[]).map((e) => e.message);
    for (const words of ['не смог привязать LPTracker', 'привязал LPTracker к пространству', 'не смог заменить учётные данные LPTracker', 'заменил учётные данные LPTracker', 'проверил подключение LPTracker', 'отвязал LPTracker']) {
      expect(tenantLog.some((m) => m.startsWith(`Администратор ${adminEmail} `) && m.includes(words)), words).toBe(true);
    }
    const platform = await app.c.pool.query(`select message from log_entry where tenant_id is null and source = 'admin'`);
    expect(platform.rows.filter((r) => r.message.includes(adminEmail)).length).toBeGreaterThanOrEqual(6);
    const leaked = await app.c.pool.query(
      `select count(*)::int as n from log_entry where message like any($1) or context::text like any($1)`,
      [[`%${sim.password}%`, `%${other.password}%`, `%${WRONG}%`]],
    );
    expect(leaked.rows[0].n).toBe(0);
  });
});
