import http from 'node:http';
import https from 'node:https';
import { egressAgents } from '../net/egress-agents.ts';
import type { EgressPolicy } from '../net/egress-policy.ts';
import { dropSecretHeaders, sameOrigin } from '../net/redirect-headers.ts';
import { AppError, OperationalError, UserError } from '../sdk/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../sdk/context.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

function buildUrl(req: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new OperationalError('HTTP_BAD_URL', `Некорректный адрес запроса: ${req.url}`);
  }
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

function checkProtocol(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('HTTP_BAD_URL', `Неподдерживаемый протокол: ${url.protocol} (допустимы http и https)`);
  }
}

function redirectTarget(location: string, from: URL): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new UserError('HTTP_BAD_REDIRECT', `Сервер ${from.host} перенаправил запрос по некорректному адресу: ${location}`);
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new UserError('HTTP_BAD_REDIRECT', `Сервер ${from.host} перенаправил запрос на неподдерживаемый протокол ${to.protocol} (допустимы http и https)`);
  }
  return to;
}

function encodeBody(req: HttpRequest, headers: Record<string, string>): string | undefined {
  if (req.body === undefined || req.body === null) return undefined;
  if (typeof req.body === 'string') return req.body;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return JSON.stringify(req.body);
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function send(egress: EgressPolicy, url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // IP-literal hosts never reach the agents' lookup, so they are checked here, before any
    // socket exists: an open and a closed forbidden port then fail the same way.
    egress.checkHost(url.hostname);
    const mod = url.protocol === 'https:' ? https : http;
    const agent = egressAgents(egress)[url.protocol as 'http:' | 'https:'];
    const outHeaders = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = mod.request(url, { method, headers: outHeaders, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          res.destroy();
          reject(new OperationalError('HTTP_RESPONSE_TOO_LARGE', 'Ответ сервера больше 10 МБ'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: flat, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => reject(network(url, err)));
    });
    const timer = setTimeout(() => {
      req.destroy(new OperationalError('HTTP_TIMEOUT', `Сервер ${url.host} не ответил за ${Math.round(timeoutMs / 1000)} с`));
    }, timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      // AppError: our own timeout, or the egress refusal raised inside the agents' lookup.
      reject(err instanceof AppError ? err : network(url, err));
    });
    req.end(body);
  });
}

function network(url: URL, err: Error): OperationalError {
  const code = (err as NodeJS.ErrnoException).code ?? err.message;
  if (err.name === 'AbortError') return new OperationalError('HTTP_ABORTED', `Запрос к ${url.host} прерван: обработчик останавливается`, { cause: err });
  return new OperationalError('HTTP_NETWORK', `Не удалось связаться с ${url.host}: ${code}`, { cause: err });
}

export interface HttpClientOptions {
  /** Which addresses may be reached; create it once at boot (`createEgressPolicy(config.egressAllow)`). */
  egress: EgressPolicy;
  signal?: AbortSignal;
  userAgent?: string;
}

/**
 * The HTTP client plugins get through `ctx.http`. Network failures and timeouts become
 * OperationalError (retried by the queue); statuses are returned for the plugin to judge.
 * Internal addresses are refused with UserError EGRESS_FORBIDDEN (see core/net).
 */
export function createHttpClient(opts: HttpClientOptions): HttpClient {
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      let url = buildUrl(req);
      checkProtocol(url);
      let method = (req.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? 'integration-constructor/1.0', accept: 'application/json, */*', ...req.headers };
      let body = encodeBody(req, headers);
      const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      for (let hop = 0; ; hop++) {
        const res = await send(opts.egress, url, method, headers, body, timeoutMs, opts.signal);
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
          const next = redirectTarget(location, url);
          // Once dropped, credentials stay dropped, even if a later hop comes back to the origin.
          if (!sameOrigin(url, next)) dropSecretHeaders(headers, req.secretHeaders);
          url = next;
          if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
          }
          continue;
        }
        let parsed: unknown = res.text;
        if ((res.headers['content-type'] ?? '').includes('json') && res.text) {
          try {
            parsed = JSON.parse(res.text);
          } catch {
            parsed = res.text;
          }
        }
        return { status: res.status, headers: res.headers, body: parsed };
      }
    },
  };
}
