/**
 * The AmoCRM API v4 client: every request through the connection's rate-limited `http`, bearer
 * auth with one refresh on a 401 (OAuth only: a long-lived token is never refreshed), HAL lists
 * followed through `_links.next`, 204 read as «nothing», errors mapped in amo-errors.ts.
 */
import { OperationalError, UserError, type HttpResponse } from '../../../core/sdk/index.ts';
import { apiBase } from '../connection/credentials.schema.ts';
import { refreshDue } from '../connection/token-lifetime.ts';
import { errorForResponse, retryAfterMs, type FieldLabels } from './amo-errors.ts';
import type { AmoRemote } from './amo-remote.ts';
import { currentCredentials, refreshOnce } from './refresh-once.ts';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface AmoCall {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `/api/v4/…`, or an absolute URL on the account's origin (a `_links.next`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  timeoutMs?: number;
  /** Names of custom fields for validation messages. */
  labels?: FieldLabels;
}

export interface AmoResult<T> {
  status: number;
  /** null for 204 No Content (an empty list, a missing entity). */
  body: T | null;
}

/** AmoCRM answers in well under a second; a hung request should free its run long before 30 s. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** A 429 asking to wait at most this long is retried once within the request. */
const SHORT_RETRY_MS = 3000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new OperationalError('HTTP_ABORTED', 'Запрос к AmoCRM прерван: обработчик останавливается'));
    const done = () => {
      signal.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new OperationalError('HTTP_ABORTED', 'Запрос к AmoCRM прерван: обработчик останавливается'));
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** The API's page and batch maximum. */
export const MAX_LIMIT = 250;

/** `filter[id][]=1&filter[id][]=2`: lists repeat their key with `[]`, as PHP reads them. */
export function buildUrl(base: string, path: string, query: Record<string, QueryValue> = {}): string {
  const url = new URL(/^https?:\/\//i.test(path) ? path : base + path);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(`${key}[]`, String(v));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function notConnected(): UserError {
  return new UserError('AMOCRM_NOT_CONNECTED', 'Подключение AmoCRM не завершено: нажмите «Подключить» в «Настройках» и разрешите доступ в AmoCRM.');
}

export async function amoRequest<T = any>(remote: AmoRemote, call: AmoCall): Promise<AmoResult<T>> {
  let creds = currentCredentials(remote);
  if (creds.authType === 'oauth') {
    if (!creds.accessToken && !creds.refreshToken) throw notConnected();
    if (refreshDue(creds)) creds = await refreshOnce(remote, creds.accessToken ?? '');
  }
  const base = apiBase(creds);
  const url = buildUrl(base, call.path, call.query);
  if (!url.startsWith(base + '/')) throw new UserError('AMOCRM_BAD_URL', `Адрес ${url} не относится к аккаунту AmoCRM ${base}`);
  const send = (token: string | undefined): Promise<HttpResponse> =>
    remote.http.request({
      method: call.method ?? 'GET',
      url,
      headers: { authorization: `Bearer ${token ?? ''}`, accept: 'application/hal+json, application/json' },
      body: call.body,
      timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  let res = await send(creds.accessToken);
  if (res.status === 401 && creds.authType === 'oauth' && creds.refreshToken) {
    creds = await refreshOnce(remote, creds.accessToken ?? '');
    res = await send(creds.accessToken);
  }
  if (res.status === 429 && retryAfterMs(res) <= SHORT_RETRY_MS) {
    // A 429 is a request AmoCRM did not carry out: after the short pause it asks for, one more try
    // (through the limiter again) spares the run a retry; a second 429 fails the step as transient.
    await sleep(retryAfterMs(res), remote.signal);
    res = await send(creds.accessToken);
  }
  if (res.status >= 200 && res.status < 300) {
    const empty = res.status === 204 || res.body === '' || res.body === undefined;
    return { status: res.status, body: empty ? null : (res.body as T) };
  }
  throw errorForResponse(res, { labels: call.labels, longLived: creds.authType === 'token' });
}

/** One entity (or any object) by path; null when AmoCRM answers 204 (missing or deleted). */
export async function amoGet<T = any>(remote: AmoRemote, path: string, query?: Record<string, QueryValue>): Promise<T | null> {
  return (await amoRequest<T>(remote, { path, query })).body;
}

export interface ListOptions {
  /** Page size, at most 250 (custom fields: AmoCRM serves 50). */
  limit?: number;
  /** Stop after this many pages (a search that matches half the account is not worth reading whole). */
  maxPages?: number;
}

interface HalPage {
  _links?: { next?: { href?: string } };
  _embedded?: Record<string, unknown>;
}

/** Every item of a HAL list: pages via `_links.next` until it is absent, a page is empty, or 204. */
export async function amoList<T = any>(remote: AmoRemote, path: string, key: string, query: Record<string, QueryValue> = {}, opts: ListOptions = {}): Promise<T[]> {
  const limit = Math.min(opts.limit ?? MAX_LIMIT, MAX_LIMIT);
  const maxPages = opts.maxPages ?? 100;
  const items: T[] = [];
  let next: AmoCall | undefined = { path, query: { ...query, limit, page: 1 } };
  for (let page = 0; next && page < maxPages; page++) {
    const { body }: AmoResult<HalPage> = await amoRequest<HalPage>(remote, next);
    const list = body?._embedded?.[key];
    if (!Array.isArray(list) || list.length === 0) break;
    items.push(...(list as T[]));
    const href: string | undefined = body?._links?.next?.href;
    // The next link carries page and limit itself; one from another origin would take the token there.
    next = href && sameOrigin(href, apiBase(currentCredentials(remote))) ? { path: href } : undefined;
  }
  return items;
}

function sameOrigin(href: string, base: string): boolean {
  try {
    return new URL(href).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
