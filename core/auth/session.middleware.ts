import type { Middleware } from 'koa';
import type pg from 'pg';
import type { AppState, SessionUser } from '../http/route.ts';
import type { Sessions } from './session.ts';

/**
 * Resolves the cookie to a user. The user row is read on every API request so that a deleted
 * user or a changed role takes effect at once.
 */
export function sessionMiddleware(sessions: Sessions, pool: pg.Pool): Middleware<AppState> {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const claims = await sessions.read(ctx);
    if (claims) {
      const { rows } = await pool.query<SessionUser>(
        `select u.id, u.email, u.name, u.role, u.tenant_id as "tenantId", t.name as "tenantName"
           from app_user u join tenant t on t.id = u.tenant_id where u.id = $1 and u.tenant_id = $2`,
        [claims.sub, claims.tid],
      );
      if (rows[0]) {
        ctx.state.user = rows[0];
        if (sessions.needsRenewal(claims)) await sessions.issue(ctx, rows[0].id, rows[0].tenantId);
      } else {
        sessions.clear(ctx);
      }
    }
    return next();
  };
}
