import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { paginationQuery } from '../../http/mount-routes.ts';

const uuid = z.string().uuid('Неверный идентификатор');
const idParams = z.object({ id: uuid });
const period = { from: z.coerce.date().optional(), to: z.coerce.date().optional() };
const runStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'skipped', 'cancelled']);
const eventStatus = z.enum(['queued', 'dispatched', 'skipped', 'duplicate', 'failed']);

const runSchema = z.object({
  id: uuid, workflowId: uuid, workflowName: z.string(), version: z.number(), eventId: uuid.nullable(), status: runStatus,
  attempts: z.number(), maxAttempts: z.number(),
  verdict: z.enum(['done', 'filtered', 'failed', 'retrying', 'cancelled']).nullable().describe('Итог: выполнено / условие не подошло / ошибка / повтор / отменено'),
  summary: z.string().nullable().describe('Итог одной строкой, например «лид создан: 12345»'),
  nextAttemptAt: z.date().nullable().describe('Когда повтор (для запуска в очереди после временной ошибки)'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.date(), startedAt: z.date().nullable(), finishedAt: z.date().nullable(), durationMs: z.number().nullable(),
});

export const runRoutes = [
  defineRoute({
    method: 'get', path: '/api/runs', tag: 'Запуски', auth: 'user', summary: 'Запуски правил с фильтрами',
    query: z.object({ workflowId: uuid.optional(), status: runStatus.optional(), eventId: uuid.optional(), q: z.string().max(200).optional(), ...period, ...paginationQuery }),
    response: z.object({ items: z.array(runSchema), total: z.number(), totalCapped: z.boolean().describe('Всего больше, чем total (счёт останавливается на 10 000)'), nextCursor: z.string().nullable() }),
    handler: ({ c, user, query }) => c.runQueries.listRuns(user.tenantId, query),
  }),
  defineRoute({
    method: 'get', path: '/api/runs/:id', tag: 'Запуски', auth: 'user', summary: 'Запуск с шагами (вход, выход, ошибка каждого узла)',
    params: idParams,
    handler: ({ c, user, params }) => c.runQueries.getRun(user.tenantId, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/runs/:id/cancel', tag: 'Запуски', auth: 'user', summary: 'Отменить запуск в очереди или в работе',
    params: idParams,
    async handler({ c, user, params }) {
      await c.engine.control.cancel(user.tenantId, params.id);
      return c.runQueries.getRun(user.tenantId, params.id);
    },
  }),
  defineRoute({
    method: 'post', path: '/api/runs/:id/retry', tag: 'Запуски', auth: 'user', summary: 'Повторить запуск с ошибкой с шага, где он упал',
    params: idParams,
    async handler({ c, user, params }) {
      await c.engine.control.retry(user.tenantId, params.id);
      return c.runQueries.getRun(user.tenantId, params.id);
    },
  }),
  defineRoute({
    method: 'get', path: '/api/events', tag: 'События', auth: 'user', summary: 'Входящие события и их судьба',
    query: z.object({ workflowId: uuid.optional(), status: eventStatus.optional(), q: z.string().max(200).optional(), ...period, ...paginationQuery }),
    handler: ({ c, user, query }) => c.runQueries.listEvents(user.tenantId, query),
  }),
  defineRoute({
    method: 'post', path: '/api/events/:id/replay', tag: 'События', auth: 'user', status: 201,
    summary: 'Повторить событие: новый запуск на текущей активной версии',
    params: idParams,
    async handler({ c, user, params }) {
      const runIds = await c.engine.control.replay(user.tenantId, params.id);
      return { runs: await Promise.all(runIds.map((id) => c.runQueries.getRun(user.tenantId, id))) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/logs', tag: 'Журнал', auth: 'user', summary: 'Журнал операций с фильтрами',
    query: z.object({
      level: z.enum(['debug', 'info', 'warn', 'error']).optional(), source: z.string().max(100).optional(),
      workflowId: uuid.optional(), q: z.string().max(200).optional(), ...period, ...paginationQuery,
    }),
    handler: ({ c, user, query }) => c.opLog.list(user.tenantId, query),
  }),
];
