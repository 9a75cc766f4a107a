import type { Middleware } from 'koa';
import type { AppState } from '../http/route.ts';
import type { Sessions } from './session.ts';

/**
 * Resolves the cookie to a user. The session and user rows are read on every API request so that
 * logout, a deleted user or a changed role take effect at once.
 */
export function sessionMiddleware(sessions: Sessions): Middleware<AppState> {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const claims = await sessions.read(ctx);
    if (claims) {
      const user = await sessions.resolve(claims);
      if (user) {
        ctx.state.user = user;
        if (sessions.needsRenewal(claims)) await sessions.renew(ctx, claims);
      } else {
        sessions.clearCookie(ctx);
      }
    }
    return next();
  };
}
