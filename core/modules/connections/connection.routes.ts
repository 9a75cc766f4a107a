import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';

const view = z.object({
  id: z.string().uuid(),
  plugin: z.string(),
  name: z.string(),
  status: z.enum(['unknown', 'ok', 'error']),
  lastError: z.string().nullable(),
  lastCheckedAt: z.date().nullable(),
  fields: z.array(z.string()).describe('Какие поля учётных данных заданы (без значений)'),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const idParams = z.object({ id: z.string().uuid('Неверный идентификатор') });
const name = z.string().trim().min(1, 'Укажите название').max(200);

export const connectionRoutes = [
  defineRoute({
    method: 'get', path: '/api/connections', tag: 'Подключения', auth: 'user',
    summary: 'Подключения пространства (без секретов)',
    query: z.object({ plugin: z.string().max(64).optional() }),
    response: z.object({ items: z.array(view), total: z.number() }),
    async handler({ c, user, query }) {
      const items = await c.connections.list(user.tenantId, query.plugin);
      return { items, total: items.length };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/connections', tag: 'Подключения', auth: 'user', status: 201,
    summary: 'Добавить подключение; учётные данные шифруются и больше не возвращаются',
    body: z.object({ plugin: z.string().min(1), name, credentials: z.record(z.string(), z.unknown()) }),
    response: view,
    handler: ({ c, user, body }) => c.connections.create(user.tenantId, body),
  }),
  defineRoute({
    method: 'put', path: '/api/connections/:id', tag: 'Подключения', auth: 'user',
    summary: 'Изменить название или учётные данные (непереданные поля сохраняются)',
    params: idParams,
    body: z.object({ name: name.optional(), credentials: z.record(z.string(), z.unknown()).optional() }),
    response: view,
    handler: ({ c, user, params, body }) => c.connections.update(user.tenantId, params.id, body),
  }),
  defineRoute({
    method: 'delete', path: '/api/connections/:id', tag: 'Подключения', auth: 'user',
    summary: 'Удалить подключение', params: idParams,
    async handler({ c, user, params }) {
      await c.connections.remove(user.tenantId, params.id);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/connections/:id/test', tag: 'Подключения', auth: 'user',
    summary: 'Проверить подключение запросом к сервису', params: idParams, response: view,
    handler: ({ c, user, params }) => c.connections.test(user.tenantId, params.id),
  }),
];
