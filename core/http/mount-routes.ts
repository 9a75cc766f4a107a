import Router from '@koa/router';
import { z } from 'zod';
import { ForbiddenError, UnauthorizedError, UserError } from '../sdk/errors.ts';
import { findUnstorable } from '../db/storable.ts';
import type { Container } from '../container.ts';
import type { AnyRoute, AppContext, AppState } from './route.ts';

/** Koa paths use `:id`; OpenAPI uses `{id}`. Route defs are written the Koa way. */
export function mountRoutes(routes: AnyRoute[], c: Container): Router<AppState> {
  const router = new Router<AppState>();
  for (const def of routes) {
    router[def.method](def.path, async (ctx: AppContext) => {
      ctx.state.routePath = def.path;
      if (def.auth !== 'none') {
        if (!ctx.state.user) throw new UnauthorizedError();
        if (def.auth === 'admin' && ctx.state.user.role !== 'admin') throw new ForbiddenError();
      }
      const rawBody = (ctx.request as { body?: unknown }).body ?? {};
      if (!def.keepsRawInput) refuseUnstorable({ params: ctx.params, query: ctx.query, body: rawBody });
      const params = def.params ? def.params.parse(ctx.params) : ctx.params;
      const query = def.query ? def.query.parse(ctx.query) : ctx.query;
      const body = def.body ? def.body.parse(rawBody) : undefined;
      const result = await def.handler({ ctx, body, query, params, user: ctx.state.user!, c });
      // Koa's status stays 404 until someone sets it: a handler that chose a status keeps it.
      const chosen = ctx.status !== 404 ? ctx.status : undefined;
      if (result === undefined) {
        if (ctx.body === undefined || ctx.body === null) ctx.status = 204;
        return;
      }
      ctx.body = result;
      ctx.status = chosen ?? def.status ?? 200;
    });
  }
  return router;
}

/** NUL and broken Unicode can never be stored: 422 with the field, before any handler sees them. */
function refuseUnstorable(input: { params: unknown; query: unknown; body: unknown }): void {
  for (const [where, value] of Object.entries(input)) {
    const path = findUnstorable(value);
    if (!path) continue;
    const field = path.join('.') || where;
    throw new UserError('VALIDATION_FAILED', 'Проверьте введённые данные', {
      status: 422,
      details: { fields: { [field]: 'Недопустимые символы: нулевой символ или неполный символ Юникода' } },
    });
  }
}

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** `nextCursor` of the previous page: continues after its last row (deep pages stay fast). */
  cursor: z.string().max(200).optional(),
};
