import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { testPlugin } from '../../support/test-plugin.ts';
import { startTargetServer, waitFor } from '../../support/target-server.ts';
import { activeWorkflow, webhookConditionHttp } from '../../support/workflow-graphs.ts';
import type { HttpTestClient } from '../../support/http-client.ts';
import { plugins as installed } from '../../../plugins/index.ts';

let app: TestApp;
let target: Awaited<ReturnType<typeof startTargetServer>>;
let admin: HttpTestClient;
let shop: HttpTestClient;
let shopTenant: string;
let shopUser: string;

beforeAll(async () => {
  [app, target] = await Promise.all([createTestApp({ plugins: [...installed, testPlugin], worker: true }), startTargetServer()]);
  admin = app.client();
  shop = app.client();
  await admin.register('root@example.ru', 'Админ');
  const me = await shop.request('POST', '/api/auth/register', { email: 'owner@romashka.ru', password: 'пароль-надёжный', name: 'Ольга', company: 'Ромашка' });
  shopTenant = me.body.user.tenant.id;
  shopUser = me.body.user.id;
  for (const i of [1, 2]) await app.client().request('POST', '/api/auth/register', { email: `other${i}@example.ru`, password: 'пароль-надёжный', name: `Другой ${i}`, company: `Компания ${i}` });
  await shop.post('/api/connections', { plugin: 'test_kit', name: 'Сервис', credentials: { apiKey: 'good-key' } });
  const wf = await activeWorkflow(shop, webhookConditionHttp(`${target.url}/x`), 'Краснодар');
  await fetch(app.url + wf.hookPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lead: { city: 'Краснодар', name: 'Иван', phone: '89001234567' } }) });
  await waitFor(async () => (await shop.get('/api/runs?status=succeeded')).body.total === 1, 15_000, 'the run');
});
afterAll(async () => {
  await app?.close();
  await target?.close();
});

describe('admin: tenants and users', () => {
  it('lists tenants with counts, activity and paging', async () => {
    const all = await admin.get('/api/admin/tenants?limit=2');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items).toHaveLength(2);
    const next = await admin.get('/api/admin/tenants?limit=2&offset=3');
    expect(next.body.items).toHaveLength(1);

    const [row] = (await admin.get('/api/admin/tenants?q=ромаш')).body.items;
    expect(row).toMatchObject({ id: shopTenant, name: 'Ромашка', usersCount: 1, connectionsCount: 1, runs24h: 1, blocked: null, lptracker: null });
    expect(Date.now() - new Date(row.lastActivityAt).getTime()).toBeLessThan(60_000);
  });

  it('finds a tenant by a user\'s email; pattern characters are taken literally', async () => {
    expect((await admin.get('/api/admin/tenants?q=owner@romashka')).body.items.map((t: { id: string }) => t.id)).toEqual([shopTenant]);
    expect((await admin.get('/api/admin/tenants?q=%25')).body.total).toBe(0);
    expect((await admin.get('/api/admin/tenants?q=_')).body.total).toBe(0);
  });

  it('shows a tenant: users, connections without secrets, recent runs', async () => {
    const res = await admin.get(`/api/admin/tenants/${shopTenant}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: shopTenant, name: 'Ромашка', blocked: null, lptracker: null });
    expect(res.body.users).toEqual([expect.objectContaining({ id: shopUser, email: 'owner@romashka.ru', name: 'Ольга', role: 'member' })]);
    expect(res.body.users[0].lastLoginAt).not.toBeNull();
    expect(res.body.connections).toEqual([expect.objectContaining({ plugin: 'test_kit', name: 'Сервис', status: 'ok' })]);
    expect(res.text).not.toContain('good-key');
    expect(res.body.recentRuns).toEqual([expect.objectContaining({ workflowName: 'Краснодар', status: 'succeeded' })]);
  });

  it('lists users with their tenant, searchable', async () => {
    const all = await admin.get('/api/admin/users?limit=200');
    expect(all.body.total).toBe(4);
    const found = await admin.get('/api/admin/users?q=romashka');
    expect(found.body.items).toEqual([expect.objectContaining({ id: shopUser, role: 'member', tenant: { id: shopTenant, name: 'Ромашка', blocked: false } })]);
  });

  it('a blocked tenant shows its block in the list, the card and its users\' view', async () => {
    await admin.post(`/api/admin/tenants/${shopTenant}/block`, { reason: 'Проверка' });
    const [row] = (await admin.get('/api/admin/tenants?q=Ромашка')).body.items;
    expect(row.blocked).toMatchObject({ reason: 'Проверка' });
    expect((await admin.get(`/api/admin/tenants/${shopTenant}`)).body.blocked).toMatchObject({ reason: 'Проверка' });
    expect((await admin.get('/api/admin/users?q=romashka')).body.items[0].tenant.blocked).toBe(true);
    const noReason = await admin.post(`/api/admin/tenants/${shopTenant}/block`, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details.fields.reason).toBe('Укажите причину блокировки');
    await admin.post(`/api/admin/tenants/${shopTenant}/unblock`);
    expect((await admin.get(`/api/admin/tenants/${shopTenant}`)).body.blocked).toBeNull();
  });
});
