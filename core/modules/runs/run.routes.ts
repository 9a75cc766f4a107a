import { z } from 'zod';
import { defineRoute } from '../../http/route.ts';
import { paginationQuery } from '../../http/mount-routes.ts';
import type { Container } from '../../container.ts';
import type { Graph } from '../../graph/graph.schema.ts';

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

const entityRef = z.object({
  system: z.string(), type: z.string(), id: z.string(),
  systemTitle: z.string().describe('Название системы, например «AmoCRM»'),
  typeTitle: z.string().describe('Как система называет запись, например «сделка»'),
  url: z.string().nullable().describe('Карточка записи в интерфейсе системы, если у неё есть адрес'),
});
const linkSchema = z.object({ a: entityRef, b: entityRef }).describe('Одна и та же запись в двух системах, связанная этим запуском');

/** The run with the cross-system links it created («AmoCRM сделка 123 ↔ LPTracker лид 456»). */
async function runWithLinks(c: Container, tenantId: string, runId: string) {
  const [run, links] = await Promise.all([c.runQueries.getRun(tenantId, runId), c.links.ofRun(tenantId, runId)]);
  return { ...run, links: await c.linkViews(tenantId, (run as { graph?: Graph }).graph ?? null, links) };
}

export const runRoutes = [
  defineRoute({
    method: 'get', path: '/api/runs', tag: 'Запуски', auth: 'user', summary: 'Запуски правил с фильтрами',
    query: z.object({ workflowId: uuid.optional(), status: runStatus.optional(), eventId: uuid.optional(), q: z.string().max(200).optional(), ...period, ...paginationQuery }),
    response: z.object({ items: z.array(runSchema), total: z.number(), totalCapped: z.boolean().describe('Всего больше, чем total (счёт останавливается на 10 000)'), nextCursor: z.string().nullable() }),
    handler: ({ c, user, query }) => c.runQueries.listRuns(user.tenantId, query),
  }),
  defineRoute({
    method: 'get', path: '/api/runs/:id', tag: 'Запуски', auth: 'user', summary: 'Запуск с шагами (вход, выход, ошибка каждого узла) и связями записей между системами',
    params: idParams,
    response: runSchema.extend({ steps: z.array(z.record(z.string(), z.unknown())), links: z.array(linkSchema) }),
    handler: ({ c, user, params }) => runWithLinks(c, user.tenantId, params.id),
  }),
  defineRoute({
    method: 'post', path: '/api/runs/:id/cancel', tag: 'Запуски', auth: 'user', summary: 'Отменить запуск в очереди или в работе',
    params: idParams,
    async handler({ c, user, params }) {
      await c.engine.control.cancel(user.tenantId, params.id);
      return runWithLinks(c, user.tenantId, params.id);
    },
  }),
  defineRoute({
    method: 'post', path: '/api/runs/:id/retry', tag: 'Запуски', auth: 'user', summary: 'Повторить запуск с ошибкой с шага, где он упал',
    params: idParams,
    async handler({ c, user, params }) {
      await c.engine.control.retry(user.tenantId, params.id);
      return runWithLinks(c, user.tenantId, params.id);
    },
  }),
  defineRoute({
    method: 'get', path: '/api/events', tag: 'События', auth: 'user', summary: 'Входящие события и их судьба',
    query: z.object({ id: uuid.optional(), workflowId: uuid.optional(), status: eventStatus.optional(), q: z.string().max(200).optional(), ...period, ...paginationQuery }),
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
