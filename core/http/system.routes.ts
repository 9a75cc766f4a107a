import { z } from 'zod';
import { pendingMigrations } from '../db/orm.ts';
import { createHash, timingSafeEqual } from 'node:crypto';
import { UserError } from '../sdk/errors.ts';
import { defineRoute } from './route.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();
const safeEqual = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

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
    summary: 'Метрики Prometheus (заголовок Authorization: Bearer METRICS_TOKEN)',
    auth: 'none',
    async handler({ c, ctx }) {
      // Metrics reveal tenants' activity and internals: closed unless a token is configured and sent.
      const token = c.config.METRICS_TOKEN;
      const sent = /^Bearer (.+)$/i.exec(ctx.get('authorization'))?.[1] ?? '';
      if (!token || !safeEqual(sent, token)) {
        throw new UserError('METRICS_FORBIDDEN', token ? 'Неверный токен метрик' : 'Метрики закрыты: задайте METRICS_TOKEN и передавайте его в заголовке Authorization', { status: token ? 401 : 403 });
      }
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
