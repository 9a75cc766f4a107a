import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Metrics } from '../../metrics.ts';
import type { AppState } from '../route.ts';
import { toErrorResponse } from './error-handler.middleware.ts';

/** Webhook tokens are secrets: never log them (the router matches paths case-insensitively). */
const HOOK = /^\/hooks\//i;
const redactPath = (path: string) => path.replace(/^\/hooks\/[^/]+/i, '/hooks/***');

export function requestLog(logger: Logger, metrics: Metrics): Middleware<AppState> {
  return async (ctx, next) => {
    const started = performance.now();
    let failed: unknown;
    try {
      await next();
    } catch (err) {
      failed = err;
      throw err;
    } finally {
      const ms = performance.now() - started;
      // The error handler sits outside: it will turn a thrown error into this status.
      const status = failed === undefined ? ctx.status : toErrorResponse(failed).status;
      const route = ctx.state.routePath ?? (HOOK.test(ctx.path) ? '/hooks/:token' : ctx.path.startsWith('/api') ? 'unmatched' : 'static');
      metrics.httpDuration.observe({ method: ctx.method, route, status: String(status) }, ms / 1000);
      const entry = { reqId: ctx.state.requestId, method: ctx.method, path: redactPath(ctx.path), status, ms: Math.round(ms * 10) / 10 };
      // Webhooks arrive by the thousand: only their failures are worth a line at info level.
      if (route === '/hooks/:token' && status < 400) logger.debug(entry, 'запрос');
      else if (status >= 500) logger.error(entry, 'запрос');
      else logger.info(entry, 'запрос');
    }
  };
}
