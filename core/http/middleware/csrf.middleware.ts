import type { Middleware } from 'koa';
import { ForbiddenError } from '../../sdk/errors.ts';
import type { AppState } from '../route.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes under /api must come from our own pages: the browser's Origin (or Referer) must be this
 * server or PUBLIC_URL. SameSite=Lax already blocks most cross-site posts; this closes the rest
 * (and login CSRF, which has no cookie yet).
 */
export function csrfProtection(publicUrl: string): Middleware<AppState> {
  const allowed = new URL(publicUrl).origin;
  return async (ctx, next) => {
    if (SAFE.has(ctx.method) || !ctx.path.startsWith('/api/')) return next();
    const hasCookie = Boolean(ctx.cookies.get(SESSION_COOKIE));
    const isAuthEntry = ctx.path === '/api/auth/login' || ctx.path === '/api/auth/register';
    if (!hasCookie && !isAuthEntry) return next(); // no ambient credentials to abuse
    const source = ctx.get('origin') || originOf(ctx.get('referer'));
    if (!source || (source !== allowed && source !== `${ctx.protocol}://${ctx.host}`)) {
      throw new ForbiddenError('Запрос отклонён: источник запроса не совпадает с адресом приложения', 'CSRF_REJECTED');
    }
    return next();
  };
}

function originOf(url: string): string {
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}
