import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { AppState } from '../route.ts';

const VALID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestId(): Middleware<AppState> {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = VALID.test(incoming) ? incoming : randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    await next();
  };
}
