import { z } from 'zod';
import { defineRoute } from '../http/route.ts';

const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'member']),
  tenant: z.object({ id: z.string().uuid(), name: z.string() }),
});

const email = z.string().trim().email('Некорректный email').max(254, 'Слишком длинный email');

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/register',
    tag: 'Вход',
    summary: 'Регистрация: создаёт пространство (тенант) и его владельца',
    auth: 'none',
    status: 201,
    body: z.object({
      email,
      password: z.string().min(8, 'Пароль должен быть не короче 8 символов').max(200, 'Слишком длинный пароль'),
      name: z.string().trim().min(1, 'Укажите имя').max(200, 'Слишком длинное имя'),
      company: z.string().trim().max(200).optional(),
    }),
    response: z.object({ user: meSchema }),
    async handler({ body, c, ctx }) {
      const user = await c.auth.register(body);
      await c.sessions.issue(ctx, user.id, user.tenant.id);
      return { user };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'Вход',
    summary: 'Вход по email и паролю; ставит cookie сессии',
    description: 'После 5 неудачных попыток для пары email+IP за 15 минут отвечает 429 до конца окна.',
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
    method: 'get',
    path: '/api/auth/me',
    tag: 'Вход',
    summary: 'Текущий пользователь и его пространство',
    auth: 'user',
    response: meSchema,
    handler({ user }) {
      return { id: user.id, email: user.email, name: user.name, role: user.role, tenant: { id: user.tenantId, name: user.tenantName } };
    },
  }),
];
