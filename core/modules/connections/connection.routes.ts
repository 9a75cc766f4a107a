import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { connectionViewSchema } from './connection-view.ts';

const tag = 'Подключения';
const idParams = z.object({ id: z.string().uuid('Неверный идентификатор') });
const name = z.string().trim().min(1, 'Укажите название').max(200);
const option = z.object({ value: z.union([z.string(), z.number()]), label: z.string(), group: z.string().optional(), hint: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() });

export const connectionRoutes = [
  defineRoute({
    method: 'get', path: '/api/connections', tag, auth: 'user',
    summary: 'Подключения пространства (без секретов): статус, аккаунт, адрес вебхука, справочники',
    query: z.object({ plugin: z.string().max(64).optional() }),
    response: z.object({ items: z.array(connectionViewSchema), total: z.number() }),
    async handler({ c, user, query }) {
      const items = await c.connections.list(user.tenantId, query.plugin);
      return { items, total: items.length };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/connections/:id', tag, auth: 'user', summary: 'Подключение (без секретов)',
    params: idParams, response: connectionViewSchema,
    handler: ({ c, user, params }) => c.connections.get(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/connections', tag, auth: 'user', status: 201,
    summary: 'Добавить подключение: учётные данные шифруются и больше не возвращаются; сразу проверяется и загружает справочники',
    body: z.object({ plugin: z.string().min(1), name, credentials: z.record(z.string(), z.unknown()) }),
    response: connectionViewSchema,
    handler: ({ c, user, body }) => c.connections.create(user.tenantId, body),
  }),
  defineRoute({
    method: 'put', path: '/api/connections/:id', tag, auth: 'user',
    summary: 'Изменить название или учётные данные (непереданные поля сохраняются); новые данные проверяются',
    params: idParams,
    body: z.object({ name: name.optional(), credentials: z.record(z.string(), z.unknown()).optional() }),
    response: connectionViewSchema,
    handler: ({ c, user, params, body }) => c.connections.update(user.tenantId, params.id, body),
  }),
  defineRoute({
    method: 'delete', path: '/api/connections/:id', tag, auth: 'user',
    summary: 'Удалить подключение', params: idParams,
    async handler({ c, user, params }) {
      await c.connections.remove(user.tenantId, params.id);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post', path: '/api/connections/:id/test', tag, auth: 'user',
    summary: 'Проверить подключение запросом к сервису', params: idParams, response: connectionViewSchema,
    handler: ({ c, user, params }) => c.connections.test(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'get', path: '/api/connections/:id/metadata', tag, auth: 'user',
    summary: 'Справочники подключения из кэша (воронки, статусы, поля, пользователи…) и когда они загружены',
    params: idParams,
    async handler({ c, user, params }) {
      const { metadata, fetchedAt } = await c.connections.metadata(user.tenantId, params.id);
      return { ...(metadata && typeof metadata === 'object' ? metadata : {}), fetchedAt };
    },
  }),
  defineRoute({
    method: 'post', path: '/api/connections/:id/refresh-metadata', tag, auth: 'user',
    summary: 'Загрузить справочники подключения заново', params: idParams, response: connectionViewSchema,
    handler: ({ c, user, params }) => c.connections.refreshMetadata(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'get', path: '/api/connections/:id/options/:source', tag, auth: 'user',
    summary: 'Список значений для поля узла (воронки, статусы выбранной воронки, поля по названию…)',
    params: z.object({ id: z.string().uuid('Неверный идентификатор'), source: z.string().regex(/^[A-Za-z0-9_]{1,64}$/) }),
    query: z.record(z.string(), z.string().max(200)),
    response: z.object({ items: z.array(option) }),
    async handler({ c, user, params, query }) {
      return { items: await c.connections.options(user.tenantId, params.id, params.source, query) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/connections/:id/oauth/start', tag, auth: 'user',
    summary: 'Начать вход через OAuth: перенаправляет на страницу согласия сервиса', params: idParams,
    async handler({ c, user, params, ctx }) {
      ctx.redirect(await c.connectionOAuth.start(user, params.id));
      return undefined;
    },
  }),
  defineRoute({
    method: 'get', path: '/api/oauth/callback', tag, auth: 'user',
    summary: 'Возврат со страницы согласия: обменивает код на токены и ведёт в «Настройки»',
    query: z.record(z.string(), z.string()),
    async handler({ c, user, query, ctx }) {
      ctx.redirect(await c.connectionOAuth.callback(user, query));
      return undefined;
    },
  }),
];
