import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../../core/modules/admin/admin.routes.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import type { HttpTestClient } from '../../support/http-client.ts';

let app: TestApp;
let admin: HttpTestClient;
let member: HttpTestClient;
let anonymous: HttpTestClient;
let adminUser: { id: string; email: string; tenant: { id: string } };
let memberUser: { id: string; email: string; tenant: { id: string } };

beforeAll(async () => {
  app = await createTestApp();
  admin = app.client();
  member = app.client();
  anonymous = app.client();
  adminUser = await admin.register('first-admin@example.ru', 'Первый');
  memberUser = await member.register('member@example.ru', 'Участник');
});
afterAll(() => app.close());

const UNKNOWN = randomUUID();
const lptBody = { login: 'a@example.ru', password: 'секрет', service: 'Тест', baseUrl: 'http://127.0.0.1:9' };

/**
 * Every admin route with the valid body it takes and an id nobody has. The list is checked against
 * the routes the module declares, so a route added later without a line here fails the suite.
 */
const ROUTES: { method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: unknown; hasId: boolean }[] = [
  { method: 'get', path: '/api/admin/tenants', hasId: false },
  { method: 'get', path: '/api/admin/tenants/:id', hasId: true },
  { method: 'get', path: '/api/admin/users', hasId: false },
  { method: 'post', path: '/api/admin/users/:id/role', body: { role: 'admin' }, hasId: true },
  { method: 'post', path: '/api/admin/tenants/:id/block', body: { reason: 'Проверка' }, hasId: true },
  { method: 'post', path: '/api/admin/tenants/:id/unblock', body: {}, hasId: true },
  { method: 'put', path: '/api/admin/tenants/:id/lptracker', body: lptBody, hasId: true },
  { method: 'post', path: '/api/admin/tenants/:id/lptracker/test', body: {}, hasId: true },
  { method: 'delete', path: '/api/admin/tenants/:id/lptracker', hasId: true },
];

function call(client: HttpTestClient, route: (typeof ROUTES)[number], id: string) {
  const path = route.path.replace(':id', id);
  return client.request(route.method.toUpperCase(), path, route.body);
}

describe('admin API authorization', () => {
  it('the first registered user is the platform admin, the next one a member', async () => {
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ role: 'admin', blocked: null });
    expect((await member.get('/api/auth/me')).body).toMatchObject({ role: 'member', blocked: null });
  });

  it('covers every route the admin module declares', () => {
    const declared = adminRoutes.map((r) => `${r.method} ${r.path}`).sort();
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(declared);
    expect(adminRoutes.every((r) => r.auth === 'admin')).toBe(true);
  });

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path}: 401 without a session, 403 for a member${route.hasId ? ', 404 for an unknown id' : ''}`, async () => {
      // A member aims at real ids (their own tenant and user): the role is what refuses them.
      const memberTarget = route.path.includes('/users/') ? memberUser.id : memberUser.tenant.id;
      const guest = await call(anonymous, route, memberTarget);
      expect(guest.status).toBe(401);
      expect(guest.body.error.message).toMatch(/[а-яё]/i);
      const refused = await call(member, route, memberTarget);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(refused.body.error.message).toMatch(/[а-яё]/i);
      if (route.hasId) {
        const missing = await call(admin, route, UNKNOWN);
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toMatch(/не найден/);
      } else {
        expect((await call(admin, route, '')).status).toBe(200);
      }
    });
  }

  it('a member refused everywhere changed nothing', async () => {
    const { rows } = await app.c.pool.query('select blocked_at from tenant where id = $1', [memberUser.tenant.id]);
    expect(rows[0].blocked_at).toBeNull();
    expect((await member.get('/api/auth/me')).body.role).toBe('member');
    expect((await member.get('/api/connections')).body.total).toBe(0);
  });
});

describe('roles', () => {
  it('a promoted member gets the admin API at once; a demoted one loses it at once', async () => {
    const promoted = await admin.post(`/api/admin/users/${memberUser.id}/role`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id: memberUser.id, role: 'admin', tenant: { id: memberUser.tenant.id } });
    expect((await member.get('/api/admin/tenants')).status).toBe(200);
    expect((await member.get('/api/auth/me')).body.role).toBe('admin');

    expect((await admin.post(`/api/admin/users/${memberUser.id}/role`, { role: 'member' })).body.role).toBe('member');
    expect((await member.get('/api/admin/tenants')).status).toBe(403);
  });

  it('the last admin cannot demote themselves (409), one of two can', async () => {
    const last = await admin.post(`/api/admin/users/${adminUser.id}/role`, { role: 'member' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('LAST_ADMIN');
    expect(last.body.error.message).toMatch(/последний администратор/);
    expect((await admin.get('/api/auth/me')).body.role).toBe('admin');

    await admin.post(`/api/admin/users/${memberUser.id}/role`, { role: 'admin' });
    const stepDown = await admin.post(`/api/admin/users/${adminUser.id}/role`, { role: 'member' });
    expect(stepDown.status).toBe(200);
    expect((await admin.get('/api/admin/users')).status).toBe(403);
    // Now the other one is the last admin.
    expect((await member.post(`/api/admin/users/${memberUser.id}/role`, { role: 'member' })).status).toBe(409);
    expect((await member.post(`/api/admin/users/${adminUser.id}/role`, { role: 'admin' })).status).toBe(200);
    expect((await member.post(`/api/admin/users/${memberUser.id}/role`, { role: 'member' })).status).toBe(200);
    expect((await admin.get('/api/auth/me')).body.role).toBe('admin');
    expect((await member.get('/api/auth/me')).body.role).toBe('member');
  });

  it('refuses a role that does not exist, in Russian', async () => {
    const res = await admin.post(`/api/admin/users/${memberUser.id}/role`, { role: 'owner' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields.role).toMatch(/[а-яё]/i);
  });

  it('writes each role change to the affected tenant\'s log and the platform log, naming the admin', async () => {
    const tenantLog = await member.get('/api/logs?source=admin');
    const messages = tenantLog.body.items.map((e: { message: string }) => e.message);
    expect(messages).toContain(`Администратор ${adminUser.email} назначил пользователя ${memberUser.email} администратором платформы`);
    expect(messages).toContain(`Администратор ${memberUser.email} снял с себя права администратора платформы`);
    const platform = await app.c.pool.query(`select message from log_entry where tenant_id is null and source = 'admin'`);
    expect(platform.rows.map((r) => r.message)).toContain(`Администратор ${adminUser.email} снял с себя права администратора платформы`);
  });
});
