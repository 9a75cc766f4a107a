import type { Middleware } from 'koa';
import { ForbiddenError } from '../../sdk/errors.ts';
import type { AppState } from '../route.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes under /api must come from our own pages: the browser's Origin (or Referer) must be the
 * origin of PUBLIC_URL. Only the configuration says what our origin is; the Host header is the
 * client's to choose, so an origin derived from it would match whatever the attacker sends.
 * SameSite=Lax already blocks most cross-site posts; this closes the rest (and login CSRF, which
 * has no cookie yet). `npm run dev`: the Vite proxy presents the editor's requests with this origin
 * (editor/vite.config.ts).
 */
export function csrfProtection(publicUrl: string): Middleware<AppState> {
  const allowed = new URL(publicUrl).origin;
  return async (ctx, next) => {
    if (SAFE.has(ctx.method) || !ctx.path.startsWith('/api/')) return next();
    const hasCookie = Boolean(ctx.cookies.get(SESSION_COOKIE));
    const isAuthEntry = ctx.path === '/api/auth/login' || ctx.path === '/api/auth/register';
    if (!hasCookie && !isAuthEntry) return next(); // no ambient credentials to abuse
    const source = ctx.get('origin') || originOf(ctx.get('referer'));
    if (source !== allowed) {
      // Names the address: opening the app as 127.0.0.1 while PUBLIC_URL says localhost ends here.
      throw new ForbiddenError(`Запрос отклонён: источник запроса не совпадает с адресом приложения. Откройте приложение по адресу ${allowed}`, 'CSRF_REJECTED');
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
