import { RequestContext, type MikroORM } from '@mikro-orm/postgresql';
import type { Middleware } from 'koa';
import type { AppState } from '../route.ts';

/** Each request gets its own identity map. */
export function ormContext(orm: MikroORM): Middleware<AppState> {
  return (_ctx, next) => RequestContext.create(orm.em, next);
}
