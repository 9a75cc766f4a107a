import { constants } from 'node:zlib';
import compress from 'koa-compress';
import type { Middleware } from 'koa';
import type { AppState } from '../route.ts';

/**
 * Brotli or gzip for API JSON, the docs and the app page; built assets arrive already compressed
 * (`.br`/`.gz` from the build, see editor-static.ts) and pass through untouched. Brotli at quality
 * 4 costs about as much CPU as gzip 6 and still beats it on size. Webhook answers are tiny
 * acknowledgements on the hottest path: they skip the middleware entirely.
 */
export function compression(): Middleware<AppState> {
  const mw = compress({
    threshold: 1024,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    gzip: { level: 6 },
    // Only the encodings every browser and proxy in use handles, on every Node version we support.
    deflate: false,
    zstd: false,
  }) as unknown as Middleware<AppState>;
  return (ctx, next) => (ctx.path.startsWith('/hooks/') ? next() : mw(ctx, next));
}
