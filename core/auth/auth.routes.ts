import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { UnauthorizedError } from '../sdk/errors.ts';
import { Tenant } from '../modules/tenants/tenant.entity.ts';

const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'member']),
  tenant: z.object({ id: z.string().uuid(), name: z.string() }),
});

const email = z.string().trim().email('Некорректный email').max(254, 'Слишком длинный email');
const newPassword = z.string().min(8, 'Пароль должен быть не короче 8 символов').max(200, 'Слишком длинный пароль');

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/register',
    tag: 'Вход',
    summary: 'Регистрация: создаёт пространство (тенант) и его владельца',
    description:
      'При REGISTRATION=closed отвечает 403 REGISTRATION_CLOSED (кроме самого первого пользователя пустой установки). ' +
      'С одного IP — не больше REGISTRATION_LIMIT_PER_HOUR попыток в час, дальше 429 с Retry-After.',
    auth: 'none',
    status: 201,
    body: z.object({
      email,
      password: newPassword,
      name: z.string().trim().min(1, 'Укажите имя').max(200, 'Слишком длинное имя'),
      company: z.string().trim().max(200).optional(),
    }),
    response: z.object({ user: meSchema }),
    async handler({ body, c, ctx }) {
      const user = await c.auth.register(body, ctx.ip);
      await c.sessions.issue(ctx, user.id, user.tenant.id);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'Вход',
    summary: 'Вход по email и паролю; ставит cookie сессии',
    description:
      'После 5 неудачных попыток для пары email+IP за 15 минут отвечает 429 с Retry-After до конца окна; ' +
      'после 20 неудачных попыток для email с любых адресов за 15 минут — 429 для этого email отовсюду.',
    auth: 'none',
    body: z.object({ email, password: z.string().min(1, 'Введите пароль').max(200) }),
    response: z.object({ user: meSchema }),
    async handler({ body, c, ctx }) {
      const user = await c.auth.login(body, ctx.ip);
      await c.sessions.issue(ctx, user.id, user.tenant.id);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Вход',
    summary: 'Выход: завершает сессию на сервере и удаляет cookie',
    auth: 'none',
    async handler({ c, ctx }) {
      await c.sessions.end(ctx);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    tag: 'Вход',
    summary: 'Смена пароля: завершает все другие сеансы пользователя, текущий остаётся',
    description: 'Неверный текущий пароль — 422 с ошибкой поля currentPassword; такие попытки считаются вместе с неудачными входами (429).',
    auth: 'user',
    body: z.object({ currentPassword: z.string().min(1, 'Введите текущий пароль').max(200), newPassword }),
    response: z.object({ endedSessions: z.number().int() }),
    async handler({ body, c, ctx, user }) {
      const claims = await c.sessions.read(ctx);
      if (!claims) throw new UnauthorizedError();
      return await c.auth.changePassword({ userId: user.id, email: user.email, ip: ctx.ip, ...body, keepSessionId: claims.jti });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout-all',
    tag: 'Вход',
    summary: 'Выйти на всех устройствах: завершает все сеансы пользователя, включая текущий',
    auth: 'user',
    async handler({ c, ctx, user }) {
      const ended = await c.sessions.endAll(ctx, user.id);
      await c.opLog.write({ tenantId: user.tenantId, level: 'info', source: 'auth', message: `Пользователь ${user.email} вышел на всех устройствах; завершено сеансов: ${ended}`, context: { userId: user.id, ip: ctx.ip } });
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'Вход',
    summary: 'Текущий пользователь и его пространство',
    description: 'blocked — блокировка пространства администратором платформы (когда и почему) или null: интерфейс показывает её баннером.',
    auth: 'user',
    response: meSchema.extend({
      blocked: z.object({ at: z.date(), reason: z.string().nullable() }).nullable(),
    }),
    async handler({ user, c }) {
      const tenant = await c.orm.em.fork().findOne(Tenant, { id: user.tenantId });
      const blocked = tenant?.blockedAt ? { at: tenant.blockedAt, reason: tenant.blockedReason ?? null } : null;
      return { id: user.id, email: user.email, name: user.name, role: user.role, tenant: { id: user.tenantId, name: user.tenantName }, blocked };
    },
  }),
];
