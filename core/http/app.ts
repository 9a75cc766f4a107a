import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Koa from 'koa';
import { koaBody } from 'koa-body';
import helmet from 'koa-helmet';
import type { Container } from '../container.ts';
import { UserError } from '../sdk/errors.ts';
import { sessionMiddleware } from '../auth/session.middleware.ts';
import { compression } from './middleware/compression.middleware.ts';
import { csrfProtection } from './middleware/csrf.middleware.ts';
import { errorHandler } from './middleware/error-handler.middleware.ts';
import { ormContext } from './middleware/orm-context.middleware.ts';
import { requestId } from './middleware/request-id.middleware.ts';
import { requestLog } from './middleware/request-log.middleware.ts';
import { editorStatic } from './editor-static.ts';
import { mountRoutes } from './mount-routes.ts';
import { buildOpenApi } from './openapi.ts';
import { renderDocsPage } from './docs-page.ts';
import { allRoutes } from './routes.ts';
import type { AppState } from './route.ts';

const EDITOR_DIR = fileURLToPath(new URL('../../dist/editor', import.meta.url));
const VERSION = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')).version as string;

/** Builds the Koa app without listening. The middleware order lives here and only here. */
export function createApp(c: Container, options: { serveEditor?: boolean } = {}): Koa<AppState> {
  const app = new Koa<AppState>();
  // Behind N proxies the client is the N-th address from the right of X-Forwarded-For: the
  // left-most entries are whatever the client chose to send.
  app.proxy = c.config.TRUST_PROXY > 0;
  app.maxIpsCount = c.config.TRUST_PROXY;
  app.silent = true; // errors are logged by the error handler, once

  const routes = allRoutes();
  const openapi = buildOpenApi(routes, c.config.PUBLIC_URL, VERSION);
  const docsHtml = renderDocsPage(openapi);
  const router = mountRoutes(routes, c);
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = docsHtml;
  });

  app.use(requestId());
  app.use(errorHandler(c.logger));
  app.use(requestLog(c.logger, c.metrics));
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: c.config.PUBLIC_URL.startsWith('https:'),
    }),
  );
  // Webhook bodies are read raw by their own route (size limit, form parsing); only /api is parsed here.
  const parseBody = koaBody({
    jsonLimit: '1mb',
    formLimit: '1mb',
    textLimit: '1mb',
    multipart: false,
    onError(err) {
      const status = (err as { status?: number }).status;
      if (status === 413) throw new UserError('PAYLOAD_TOO_LARGE', 'Слишком большой запрос (не больше 1 МБ)', { status: 413 });
      throw new UserError('INVALID_JSON', 'Тело запроса — некорректный JSON', { status: 400 });
    },
  });
  app.use((ctx, next) => (ctx.path.startsWith('/api/') ? parseBody(ctx, next) : next()));
  // Webhooks never touch the ORM: no per-request identity map on the hot path.
  const withOrm = ormContext(c.orm);
  app.use((ctx, next) => (ctx.path.startsWith('/hooks/') ? next() : withOrm(ctx, next)));
  app.use(csrfProtection(c.config.PUBLIC_URL));
  app.use(sessionMiddleware(c.sessions));
  app.use(router.routes());
  app.use(router.allowedMethods());

  if (options.serveEditor !== false && existsSync(EDITOR_DIR)) {
    for (const mw of editorStatic(EDITOR_DIR)) app.use(mw);
  }
  return app;
}
