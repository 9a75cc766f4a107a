import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import type { AppState } from './route.ts';

/** Hashed file names change with their content: a browser may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The app page names the current hashed files: always revalidated, so a release shows at once. */
export const REVALIDATE = 'no-cache';

const isAsset = (p: string) => p.startsWith('/assets/');

/**
 * The built editor: files from `dir` (their precompressed `.br`/`.gz` twins when the browser
 * accepts them) and `index.html` for every client-side route (/rules/…, /logs/…).
 */
export function editorStatic(dir: string): Middleware<AppState>[] {
  const assetsDir = path.join(dir, 'assets') + path.sep;
  const files = serve(dir, {
    index: false,
    brotli: true,
    gzip: true,
    setHeaders(res, filePath) {
      res.setHeader('Cache-Control', filePath.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  }) as unknown as Middleware<AppState>;

  const spa: Middleware<AppState> = async (ctx, next) => {
    await next();
    if (ctx.status !== 404 || ctx.body != null || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    if (ctx.path.startsWith('/api') || ctx.path.startsWith('/hooks')) return;
    if (isAsset(ctx.path)) {
      // A file of an older release (a tab open across a deploy): never answer it with the app page,
      // which the browser would try to run as a script; never let a cache remember the miss.
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Файл не найден: обновите страницу, чтобы загрузить текущую версию приложения.';
      ctx.status = 404;
      return;
    }
    // Read on each request: a rebuild (npm run build next to a running server) is served at once.
    ctx.body = await readFile(path.join(dir, 'index.html'));
    ctx.type = 'html';
    ctx.status = 200;
    ctx.set('Cache-Control', REVALIDATE);
  };
  return [spa, files];
}
