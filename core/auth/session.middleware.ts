import type { Middleware } from 'koa';
import type { AppState } from '../http/route.ts';
import type { Sessions } from './session.ts';

/**
 * Resolves the cookie to a user. The session and user rows are read on every API request so that
 * logout, a deleted user, a changed role or the absolute lifetime take effect at once.
 */
export function sessionMiddleware(sessions: Sessions): Middleware<AppState> {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const claims = await sessions.read(ctx);
    if (claims) {
      const session = await sessions.resolve(claims);
      if (session) {
        ctx.state.user = session.user;
        if (sessions.needsRenewal(claims, session.createdAt)) await sessions.renew(ctx, claims, session.createdAt);
      } else {
        sessions.clearCookie(ctx);
      }
    }
    return next();
  };
}
