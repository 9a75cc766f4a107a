import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAdmin, type AmoAdmin } from './admin-api.ts';
import { registerAdminRoutes } from './admin.routes.ts';
import { Faults } from './faults.ts';
import { parseQuery, readBody, sendReply } from './http-io.ts';
import { OAuthStore, type OAuthClient } from './oauth-store.ts';
import { problems, type Reply } from './problem.ts';
import { peakInWindow, RateLimiter } from './rate-limit.ts';
import { Router, type RouteRequest } from './router.ts';
import { registerAccountRoutes } from './routes/account.routes.ts';
import { registerContactRoutes } from './routes/contacts.routes.ts';
import { registerCustomFieldRoutes } from './routes/custom-fields.routes.ts';
import { registerComplexRoutes } from './routes/leads-complex.routes.ts';
import { registerLeadRoutes } from './routes/leads.routes.ts';
import { registerLinkRoutes } from './routes/links.routes.ts';
import { registerNoteRoutes } from './routes/notes.routes.ts';
import { registerOAuthRoutes } from './routes/oauth.routes.ts';
import { registerCardRoutes } from './routes/card.routes.ts';
import { registerPipelineRoutes } from './routes/pipelines.routes.ts';
import { registerTaskRoutes } from './routes/tasks.routes.ts';
import { registerUserRoutes } from './routes/users.routes.ts';
import { registerWebhookRoutes } from './routes/webhooks.routes.ts';
import type { SimCore } from './sim-core.ts';
import { createSeedState } from './sim-state.ts';
import type { AmoDelivery, AmoFaults, AmoRequestRecord, AmoState, AmoWebhookEvent } from './sim-types.ts';
import { AccessTokens, bearerOf, PRIVATE_INTEGRATION_ID } from './tokens.ts';
import { createWebhookSender } from './webhook-sender.ts';

export type * from './sim-types.ts';
export type { AdminCompanyInput, AdminContactInput, AdminFieldValue, AdminLeadInput, AdminNoteInput, AdminTaskInput, AmoAdmin } from './admin-api.ts';
export { SimAdminError } from './admin-api.ts';
export { SEED } from './sim-state.ts';

export interface AmoSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Default "simulator". */
  subdomain?: string;
  /** Default 31000001. */
  accountId?: number;
  /** API requests per sliding second before 429. Default 7. */
  rateLimitPerSecond?: number;
  /** 429s within a minute that ban the account (every request → 403). Default 20; 0 = never. */
  banAfterViolations?: number;
  /** A stage change also sends `leads[update]` in the same body. Default true. */
  sendUpdateWithStatus?: boolean;
  /** Extra delivery attempts after a failed one. Default 0 (deterministic tests). */
  webhookRetries?: number;
  /** Pause before each retry, the last repeated. Default none; amoCRM waits about 5 min, 15 min, 15 min, 1 h. */
  webhookRetryDelaysMs?: number[];
  /** Webhook deliveries in flight at once. Default: no limit, every change is sent at once. */
  webhookConcurrency?: number;
  /** Seed of the fault RNG. Default 1. */
  seed?: number;
  /** OAuth integrations known from the start. */
  oauthClients?: OAuthClient[];
  /** Lifetime of OAuth access tokens. Default 86400 (as amoCRM). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of authorization codes. Default 1200 (20 min, as amoCRM). */
  authCodeTtlSeconds?: number;
  /** How long a webhook receiver may take. Default 2000 (as amoCRM). */
  webhookTimeoutMs?: number;
}

export interface AmoSimulatorStats {
  /** Every /api/v4 request in arrival order. */
  requests: AmoRequestRecord[];
  /** Most /api/v4 requests that arrived inside any 1000 ms window (sliding, not aligned buckets). */
  peakRequestsPerSecond(): number;
  /** Successful refresh_token grants. */
  readonly refreshes: number;
  /** Token-endpoint calls that presented this refresh token, whatever the outcome. */
  refreshUses(refreshToken: string): number;
  reset(): void;
}

export interface AmoSimulator {
  /** e.g. http://127.0.0.1:PORT: the `baseUrl` for the client. */
  url: string;
  subdomain: string;
  accountId: number;
  close(): Promise<void>;
  issueLongLivedToken(opts?: { expiresInSeconds?: number }): string;
  registerOAuthClient(c: { clientId: string; clientSecret: string; redirectUri: string }): void;
  createAuthorizationCode(clientId: string): string;
  revokeAllTokens(): void;
  /** The live in-memory data. Direct edits fire no webhooks; use `admin` for that. */
  state: AmoState;
  /** Changes as a user makes them in the CRM UI: they fire webhooks. */
  admin: AmoAdmin;
  faults: { set(f: Partial<AmoFaults>): void; reset(): void; current(): AmoFaults };
  stats: AmoSimulatorStats;
  deliveries: AmoDelivery[];
  /** Resolves when every webhook delivery started so far has finished. */
  flushWebhooks(): Promise<void>;
  unban(): void;
  readonly banned: boolean;
}

// Accepted-and-unanswered requests hang this long, longer than any sane client timeout.
const HANG_MS = 35_000;
const DEFAULT_LONG_LIVED_SECONDS = 365 * 24 * 3600;

export async function startAmoSimulator(opts: AmoSimulatorOptions = {}): Promise<AmoSimulator> {
  const subdomain = opts.subdomain ?? 'simulator';
  const accountId = opts.accountId ?? 31000001;
  const state = createSeedState({ accountId, subdomain });
  const faults = new Faults(opts.seed ?? 1);
  const limiter = new RateLimiter({ perSecond: opts.rateLimitPerSecond ?? 7, banAfterViolations: opts.banAfterViolations ?? 20 });
  const access = new AccessTokens(accountId, state.account.current_user_id);
  const oauth = new OAuthStore(access, { accessTokenSeconds: opts.accessTokenTtlSeconds ?? 86400, codeSeconds: opts.authCodeTtlSeconds ?? 1200 });
  for (const c of opts.oauthClients ?? []) oauth.registerClient(c);
  const requests: AmoRequestRecord[] = [];
  const hangs = new Set<NodeJS.Timeout>();

  let buffer: AmoWebhookEvent[] | null = null;
  const core: SimCore = {
    state,
    baseUrl: '',
    sendUpdateWithStatus: opts.sendUpdateWithStatus ?? true,
    actorId: () => state.account.current_user_id,
    emit: (e) => (buffer ? buffer.push(e) : sender.dispatch([e])),
  };
  const sender = createWebhookSender({ state, selfUrl: () => core.baseUrl, retries: opts.webhookRetries ?? 0, retryDelaysMs: opts.webhookRetryDelaysMs, timeoutMs: opts.webhookTimeoutMs, concurrency: opts.webhookConcurrency });

  /** Collects the events of one change so each subscriber gets them in one body. */
  function batch<T>(fn: () => T): T {
    if (buffer) return fn();
    buffer = [];
    try {
      return fn();
    } finally {
      const events = buffer;
      buffer = null;
      sender.dispatch(events);
    }
  }

  const issueLongLivedToken = (o: { expiresInSeconds?: number } = {}) =>
    access.issue('long_lived', PRIVATE_INTEGRATION_ID, o.expiresInSeconds ?? DEFAULT_LONG_LIVED_SECONDS, '');
  const revokeAllTokens = () => {
    access.revokeAll();
    oauth.revokeAll();
  };
  const admin = createAdmin(core, batch);

  const api = new Router();
  registerAccountRoutes(api, core);
  registerPipelineRoutes(api, core);
  registerCustomFieldRoutes(api, core);
  registerUserRoutes(api, core);
  registerComplexRoutes(api, core);
  registerNoteRoutes(api, core);
  registerLinkRoutes(api, core);
  registerLeadRoutes(api, core);
  registerContactRoutes(api, core);
  registerTaskRoutes(api, core);
  registerWebhookRoutes(api, core);
  const open = new Router();
  registerOAuthRoutes(open, core, oauth);
  registerCardRoutes(open, core);
  const adminRouter = new Router();
  registerAdminRoutes(adminRouter, {
    state,
    admin,
    faults,
    oauth,
    issueLongLivedToken,
    revokeAllTokens,
    unban: () => limiter.unban(),
    stats: () => ({ requests: requests.length, peakRequestsPerSecond: peakInWindow(requests.map((r) => r.at)), refreshes: oauth.refreshes, banned: limiter.banned }),
    deliveries: sender.deliveries,
    flushWebhooks: () => sender.flush(),
  });

  const publicUrl = (path: string) => `https://${subdomain}.amocrm.ru${path}`;

  /** The checks a real account applies before looking at the request: ban, limits, auth, billing. */
  function gate(req: http.IncomingMessage, at: number): Reply | undefined {
    if (limiter.banned) return problems.blocked();
    const f = faults.current();
    if (f.blocked) return problems.blocked();
    const rate = limiter.hit(at);
    if (!rate.ok) return problems.tooManyRequests(rate.retryAfterSec);
    if (faults.takeBurst429()) return problems.tooManyRequests(1);
    const token = bearerOf(req.headers.authorization);
    if (!token || !access.isValid(token)) return problems.unauthorized();
    if (f.status402) return problems.paymentRequired();
    return undefined;
  }

  async function route(router: Router, req: http.IncomingMessage, r: Omit<RouteRequest, 'params'>): Promise<Reply | undefined> {
    const m = router.match(r.method, r.path);
    if (!m) return undefined;
    return batch(() => m.handler({ ...r, params: m.params }));
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const isApi = path.startsWith('/api/');
    const record: AmoRequestRecord | undefined = isApi ? { at, method, path, status: 0 } : undefined;
    if (record) requests.push(record);
    const early = path.startsWith('/__sim/') ? undefined : isApi ? gate(req, at) : limiter.banned ? problems.blocked() : undefined;
    const finish = (reply: Reply) => {
      if (record) record.status = reply.status;
      sendReply(res, reply);
    };
    const body = await readBody(req);
    const base = { method, path, search: url.search.slice(1), query: parseQuery(url.search), body: body.ok ? body.body : undefined, headers: req.headers };

    if (path.startsWith('/__sim/')) {
      if (!body.ok) return finish({ status: 400, json: { error: 'Тело запроса не является корректным JSON' }, contentType: 'application/json; charset=utf-8' });
      return finish((await route(adminRouter, req, base)) ?? { status: 404, json: { error: `Неизвестный адрес ${method} ${path}` }, contentType: 'application/json; charset=utf-8' });
    }
    if (isApi) {
      const f = faults.current();
      if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
      if (early) return finish(early);
      if (faults.roll(f.timeoutRate)) {
        const t = setTimeout(() => {
          hangs.delete(t);
          finish(problems.gatewayTimeout());
        }, HANG_MS);
        hangs.add(t);
        return;
      }
      if (faults.roll(f.errorRate)) return finish(problems.internal());
    } else if (early) return finish(early);
    if (!body.ok) return finish(problems.badJson());
    const reply = await route(isApi ? api : open, req, base);
    finish(reply ?? problems.notFoundRoute(method, publicUrl(url.pathname)));
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch(() => sendReply(res, problems.internal()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  core.baseUrl = `http://${host}:${addr.port}`;

  return {
    url: core.baseUrl,
    subdomain,
    accountId,
    state,
    admin,
    deliveries: sender.deliveries,
    issueLongLivedToken,
    revokeAllTokens,
    registerOAuthClient: (c) => oauth.registerClient(c),
    createAuthorizationCode: (clientId) => {
      const code = oauth.createCode(clientId);
      if (!code) throw new Error(`Интеграция ${clientId} не зарегистрирована в симуляторе`);
      return code;
    },
    faults: { set: (f) => faults.set(f), reset: () => faults.reset(), current: () => faults.current() },
    stats: {
      requests,
      peakRequestsPerSecond: () => peakInWindow(requests.map((r) => r.at)),
      get refreshes() {
        return oauth.refreshes;
      },
      refreshUses: (t) => oauth.refreshUses(t),
      reset: () => {
        requests.length = 0;
        oauth.resetStats();
      },
    },
    flushWebhooks: () => sender.flush(),
    unban: () => limiter.unban(),
    get banned() {
      return limiter.banned;
    },
    async close() {
      for (const t of hangs) clearTimeout(t);
      hangs.clear();
      sender.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
