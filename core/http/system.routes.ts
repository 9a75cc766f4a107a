import { z } from 'zod';
import { pendingMigrations } from '../db/orm.ts';
import { defineRoute } from './route.ts';

export const systemRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    tag: 'Система',
    summary: 'Процесс жив',
    auth: 'none',
    response: z.object({ status: z.literal('ok') }),
    handler: () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    tag: 'Система',
    summary: 'Готовность: база доступна, миграции применены',
    auth: 'none',
    response: z.object({ status: z.enum(['ok', 'unavailable']), database: z.boolean(), pendingMigrations: z.number() }),
    async handler({ c, ctx }) {
      let database = false;
      let pending = -1;
      try {
        await c.pool.query('select 1');
        database = true;
        pending = await pendingMigrations(c.orm);
      } catch {
        // reported below
      }
      const ready = database && pending === 0;
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? 'ok' : 'unavailable', database, pendingMigrations: pending };
      return ctx.body;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/metrics',
    tag: 'Система',
    summary: 'Метрики Prometheus',
    auth: 'none',
    async handler({ c, ctx }) {
      ctx.type = c.metrics.registry.contentType;
      ctx.body = await c.metrics.registry.metrics();
      return ctx.body;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/node-types',
    tag: 'Узлы',
    summary: 'Все плагины и типы узлов: порты, JSON Schema свойств, пример вывода',
    auth: 'user',
    handler: ({ c }) => c.registry.nodeTypes(),
  }),
];
