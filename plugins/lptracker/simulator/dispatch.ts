import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LptAdmin } from './admin-ops.ts';
import { handleAdmin } from './admin.routes.ts';
import { failure, HTML_500, HTML_PHP_ERROR, SimError, success, type Envelope } from './envelope.ts';
import { asString, type JsonObject } from './json-input.ts';
import { parseBody, parseQuery, readBody } from './read-body.ts';
import type { Router } from './router.ts';
import { accountByLogin, resolveToken } from './routes/auth.routes.ts';
import { serveRecord } from './routes/calls.routes.ts';
import type { SimCore } from './sim-core.ts';
import type { LptRequestRecord } from './sim-types.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const RATE_LIMIT_MESSAGE = 'Превышен лимит запросов';

function sendJson(res: ServerResponse, status: number, payload: object, truncate = false): void {
  let text = JSON.stringify(payload);
  if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) }).end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) }).end(html);
}

/** Runs auth, the rate limit and the route; every application outcome becomes an envelope. */
async function apply(core: SimCore, router: Router, req: IncomingMessage, url: URL, raw: string, rec: LptRequestRecord) {
  const method = req.method ?? 'GET';
  const header = req.headers.token;
  const token = (Array.isArray(header) ? header[0] : header)?.trim() || null;
  let body: JsonObject = {};
  let bodyError: SimError | undefined;
  try {
    body = parseBody(raw, req.headers['content-type'] ?? '');
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    bodyError = e;
  }
  const accountId = resolveToken(core, token);
  // /login spends the quota of the account it names, so re-login storms hit the limit too.
  const quotaAccount = accountId ?? (url.pathname === '/login' ? accountByLogin(core, asString(body.login)) : null);
  if (quotaAccount !== null && !core.limiter.allow(quotaAccount, rec.at)) {
    return { envelope: failure(503, RATE_LIMIT_MESSAGE), status: core.faults.control.current().rateLimitHttp503 ? 503 : 200 };
  }
  let envelope: Envelope;
  try {
    const match = router.match(method, url.pathname);
    if (!match) throw new SimError(404, `Метод ${method} ${url.pathname} не найден`);
    if (match.route.auth && accountId === null) {
      throw new SimError(401, token ? 'Токен недействителен или истёк, выполните вход заново' : 'Не передан токен авторизации');
    }
    if (bodyError) throw bodyError;
    const result = await match.route.handler({ core, params: match.params, query: parseQuery(url.search), body, accountId, token });
    envelope = success(result);
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    envelope = failure(e.code, e.message);
  }
  return { envelope, status: 200 };
}

/**
 * The request pipeline: admin back door and recordings first (never faulted, never counted),
 * then the API with its faults: latency and HTTP 500 before anything is applied; timeouts,
 * truncated JSON and HTML pages after the request took effect (the "unknown outcome" cases).
 */
export function createDispatcher(core: SimCore, router: Router, admin: LptAdmin) {
  return async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = core.clock.now();
    const url = new URL(req.url ?? '/', 'http://sim.local');
    const method = req.method ?? 'GET';
    try {
      if (url.pathname.startsWith('/__sim/')) {
        const raw = await readBody(req);
        let body: JsonObject = {};
        try {
          body = parseBody(raw, req.headers['content-type'] ?? '');
        } catch (e) {
          if (!(e instanceof SimError)) throw e;
          sendJson(res, 400, { error: e.message });
          return;
        }
        const reply = await handleAdmin(core, admin, method, url.pathname, body);
        sendJson(res, reply.status, reply.body);
        return;
      }
      const record = /^\/records\/(\d+)\.mp3$/.exec(url.pathname);
      if (record && (method === 'GET' || method === 'HEAD')) {
        serveRecord(core, req, res, Number(record[1]));
        return;
      }
      const rec: LptRequestRecord = { at, method, path: url.pathname, code: 0 };
      core.stats.requests.push(rec);
      const raw = await readBody(req);
      const faults = core.faults;
      const route = `${method} ${url.pathname}`;
      const latency = faults.control.current().latencyMs;
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      if (faults.roll('errorRate', route)) {
        rec.code = 500;
        sendHtml(res, 500, HTML_500);
        return;
      }
      const { envelope, status } = await apply(core, router, req, url, raw, rec);
      rec.code = envelope.status === 'error' ? envelope.errors[0]!.code : status;
      // Left open on purpose: the client's own timeout has to fire. close() destroys the socket.
      if (faults.roll('timeoutRate', route)) {
        rec.code = 0;
        return;
      }
      if (faults.roll('htmlErrorRate', route)) return sendHtml(res, 200, HTML_PHP_ERROR);
      // The docs show some lists bare; a client must read both shapes.
      const bare = faults.control.current().bareLists && envelope.status === 'success' && Array.isArray(envelope.result);
      sendJson(res, status, bare ? (envelope.result as object) : envelope, faults.roll('truncatedJsonRate', route));
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, failure(500, `Внутренняя ошибка симулятора: ${e instanceof Error ? e.message : String(e)}`));
      else res.destroy();
    }
  };
}
