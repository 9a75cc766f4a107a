import type { Middleware } from 'koa';
import type pg from 'pg';
import type { AppState, SessionUser } from '../http/route.ts';
import type { Sessions } from './session.ts';

/**
 * Resolves the cookie to a user. The session and user rows are read on every API request so that
 * logout, a deleted user or a changed role take effect at once.
 */
export function sessionMiddleware(sessions: Sessions, pool: pg.Pool): Middleware<AppState> {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const claims = await sessions.read(ctx);
    if (claims) {
      const { rows } = await pool.query<SessionUser>(
        `select u.id, u.email, u.name, u.role, u.tenant_id as "tenantId", t.name as "tenantName"
           from user_session s join app_user u on u.id = s.user_id join tenant t on t.id = u.tenant_id
          where s.id = $3 and s.expires_at > now() and u.id = $1 and u.tenant_id = $2`,
        [claims.sub, claims.tid, claims.jti],
      );
      if (rows[0]) {
        ctx.state.user = rows[0];
        if (sessions.needsRenewal(claims)) await sessions.renew(ctx, claims);
      } else {
        sessions.clearCookie(ctx);
      }
    }
    return next();
  };
}
