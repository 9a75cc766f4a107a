import { z } from 'zod';
import { defineRoute, type SessionUser } from '../../http/route.ts';
import { paginationQuery } from '../../http/mount-routes.ts';
import { connectionViewSchema } from '../connections/connection-view.ts';
import type { AdminActor } from './admin-audit.ts';
import { adminTenantDetailSchema, adminTenantRowSchema, adminTenantSummarySchema, adminUserRowSchema } from './admin.schemas.ts';

const tag = 'Администрирование';
const uuid = z.string().uuid('Неверный идентификатор');
const idParams = z.object({ id: uuid });
const search = z.object({ q: z.string().trim().max(200, 'Слишком длинный запрос').optional(), ...paginationQuery });
const actor = (user: SessionUser): AdminActor => ({ id: user.id, email: user.email });

const lptrackerBody = z.object({
  login: z.string().trim().min(1, 'Укажите логин').max(254, 'Слишком длинный логин'),
  password: z.string().min(1, 'Укажите пароль').max(200, 'Слишком длинный пароль'),
  service: z.string().trim().min(1, 'Укажите название сервиса').max(100, 'Слишком длинное название сервиса'),
  baseUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().url('Укажите адрес вида https://direct.lptracker.ru').max(500).optional(),
  ),
});

/** Platform administration: every route needs the admin role (members get 403). */
export const adminRoutes = [
  defineRoute({
    method: 'get', path: '/api/admin/tenants', tag, auth: 'admin',
    summary: 'Пространства платформы: поиск по названию или email пользователя, счётчики, последняя активность, привязка LPTracker',
    query: search,
    response: z.object({ items: z.array(adminTenantRowSchema), total: z.number() }),
    handler: ({ c, query }) => c.admin.listTenants(query.q, query),
  }),
  defineRoute({
    method: 'get', path: '/api/admin/tenants/:id', tag, auth: 'admin',
    summary: 'Пространство: пользователи, подключения (без секретов), последние 20 запусков',
    params: idParams, response: adminTenantDetailSchema,
    handler: ({ c, params }) => c.admin.tenantDetail(params.id),
  }),
  defineRoute({
    method: 'get', path: '/api/admin/users', tag, auth: 'admin',
    summary: 'Все пользователи платформы с их пространствами (поиск по email, имени, пространству)',
    query: search,
    response: z.object({ items: z.array(adminUserRowSchema), total: z.number() }),
    handler: ({ c, query }) => c.admin.listUsers(query.q, query),
  }),
  defineRoute({
    method: 'post', path: '/api/admin/users/:id/role', tag, auth: 'admin',
    summary: 'Назначить или снять роль администратора платформы',
    description: 'Последний администратор платформы не может снять права с себя: 409 LAST_ADMIN.',
    params: idParams,
    body: z.object({ role: z.enum(['admin', 'member'], { message: 'Роль — admin или member' }) }),
    response: adminUserRowSchema,
    handler: ({ c, params, body, user }) => c.admin.setRole(actor(user), params.id, body.role),
  }),
  defineRoute({
    method: 'post', path: '/api/admin/tenants/:id/block', tag, auth: 'admin',
    summary: 'Заблокировать пространство: вебхуки получают 423, запуски ждут; ничего не теряется',
    params: idParams,
    body: z.object({ reason: z.string().trim().min(1, 'Укажите причину блокировки').max(500, 'Слишком длинная причина') }),
    response: adminTenantSummarySchema,
    handler: ({ c, params, body, user }) => c.admin.block(actor(user), params.id, body.reason),
  }),
  defineRoute({
    method: 'post', path: '/api/admin/tenants/:id/unblock', tag, auth: 'admin',
    summary: 'Разблокировать пространство: ожидавшие события и запуски продолжаются',
    params: idParams, response: adminTenantSummarySchema,
    handler: ({ c, params, user }) => c.admin.unblock(actor(user), params.id),
  }),
  defineRoute({
    method: 'put', path: '/api/admin/tenants/:id/lptracker', tag, auth: 'admin',
    summary: 'Привязать LPTracker к пространству или заменить учётные данные (сначала проверяется вход)',
    description:
      'Неудачный вход — 422 с причиной: новая привязка не создаётся, у существующей остаются прежние данные. ' +
      'Подключение появляется у пользователей пространства в GET /api/connections (plugin lptracker, hookUrl) без логина и пароля.',
    params: idParams, body: lptrackerBody, response: connectionViewSchema,
    async handler({ c, params, body, user, ctx }) {
      const { view, created } = await c.lptrackerBinding.bind(actor(user), params.id, body);
      if (created) ctx.status = 201;
      return view;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/admin/tenants/:id/lptracker/test', tag, auth: 'admin',
    summary: 'Проверить подключение LPTracker пространства',
    params: idParams, response: connectionViewSchema,
    handler: ({ c, params, user }) => c.lptrackerBinding.test(actor(user), params.id),
  }),
  defineRoute({
    method: 'delete', path: '/api/admin/tenants/:id/lptracker', tag, auth: 'admin',
    summary: 'Отвязать LPTracker от пространства',
    params: idParams,
    async handler({ c, params, user }) {
      await c.lptrackerBinding.unbind(actor(user), params.id);
      return undefined;
    },
  }),
];
