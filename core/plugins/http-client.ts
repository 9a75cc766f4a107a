import { OperationalError } from '../sdk/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../sdk/context.ts';

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

function buildUrl(req: HttpRequest): string {
  const url = new URL(req.url);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/**
 * The HTTP client plugins get through `ctx.http`. Network failures and timeouts become
 * OperationalError (retried by the queue); statuses are returned for the plugin to judge.
 */
export function createHttpClient(opts: { signal?: AbortSignal; userAgent?: string } = {}): HttpClient {
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      let url: string;
      try {
        url = buildUrl(req);
      } catch {
        throw new OperationalError('HTTP_BAD_URL', `Некорректный адрес запроса: ${req.url}`);
      }
      const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? 'integration-constructor/1.0', ...req.headers };
      let body: string | undefined;
      if (req.body !== undefined && req.body !== null) {
        if (typeof req.body === 'string') body = req.body;
        else {
          body = JSON.stringify(req.body);
          if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
        }
      }
      let res: Response;
      try {
        res = await fetch(url, { method: (req.method ?? 'GET').toUpperCase(), headers, body, signal, redirect: 'follow' });
      } catch (err) {
        if (timeout.aborted) {
          throw new OperationalError('HTTP_TIMEOUT', `Сервер ${new URL(url).host} не ответил за ${Math.round((req.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} с`, { cause: err });
        }
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new OperationalError('HTTP_NETWORK', `Не удалось связаться с ${new URL(url).host}: ${cause}`, { cause: err });
      }
      const text = await readLimited(res);
      const responseHeaders = Object.fromEntries(res.headers.entries());
      let parsed: unknown = text;
      if ((responseHeaders['content-type'] ?? '').includes('json') && text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.status, headers: responseHeaders, body: parsed };
    },
  };
}

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new OperationalError('HTTP_RESPONSE_TOO_LARGE', 'Ответ сервера больше 10 МБ');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
