import http from 'node:http';
import https from 'node:https';
import { OperationalError } from '../sdk/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../sdk/context.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** Keep-alive agents shared by every run: connections to the same API are reused. */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
};

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

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return reject(new OperationalError('HTTP_BAD_URL', `Неподдерживаемый протокол: ${url.protocol}`));
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
      reject(err instanceof OperationalError ? err : network(url, err));
    });
    req.end(body);
  });
}

function network(url: URL, err: Error): OperationalError {
  const code = (err as NodeJS.ErrnoException).code ?? err.message;
  if (err.name === 'AbortError') return new OperationalError('HTTP_ABORTED', `Запрос к ${url.host} прерван: обработчик останавливается`, { cause: err });
  return new OperationalError('HTTP_NETWORK', `Не удалось связаться с ${url.host}: ${code}`, { cause: err });
}

/**
 * The HTTP client plugins get through `ctx.http`. Network failures and timeouts become
 * OperationalError (retried by the queue); statuses are returned for the plugin to judge.
 */
export function createHttpClient(opts: { signal?: AbortSignal; userAgent?: string } = {}): HttpClient {
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      let url = buildUrl(req);
      let method = (req.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? 'integration-constructor/1.0', accept: 'application/json, */*', ...req.headers };
      let body = encodeBody(req, headers);
      const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      for (let hop = 0; ; hop++) {
        const res = await send(url, method, headers, body, timeoutMs, opts.signal);
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
          url = new URL(location, url);
          if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
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
