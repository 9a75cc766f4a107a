/**
 * The LPTracker API client: every request through the connection's rate-limited `http` (3 per
 * second per account, logins included), the `token` header (lowercase, never Bearer), a login
 * before the token could have idled out, one re-login and retry on code 401, answers decoded in
 * lpt-errors.ts.
 *
 * Nothing is retried after a timeout or a broken answer: for a write the outcome is then unknown,
 * and whether repeating it is safe is the action's call (its retry record), not the client's.
 * A 401 is different: LPTracker refused the request before doing anything, so repeating it once
 * with a fresh token is safe even for a write that is not idempotent.
 */
import { OperationalError, UserError, type HttpResponse } from '../../../core/sdk/index.ts';
import { apiBase } from '../connection/credentials.schema.ts';
import { tokenDue } from '../connection/token-lifetime.ts';
import { decodeResponse } from './lpt-errors.ts';
import type { LptRemote } from './lpt-remote.ts';
import { currentCredentials, reloginOnce } from './relogin-once.ts';
import { lptTimeouts } from './timeouts.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface LptCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/lead/123`: always relative to the account's API origin. */
  path: string;
  /** PHP-style keys are passed as is: `{ 'filter[created_at_from]': 1535529725 }`. */
  query?: Record<string, QueryValue>;
  body?: unknown;
  timeoutMs?: number;
}

const SECRET_HEADERS = ['token'];

function buildUrl(base: string, path: string, query: Record<string, QueryValue> = {}): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new UserError('LPTRACKER_BAD_PATH', `Некорректный путь запроса к LPTracker: ${path}`);
  const url = new URL(base + path);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // PHP's http_build_query turns booleans into 1/0, and so does LPTracker's own SDK.
    url.searchParams.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return url.toString();
}

function lost(err: OperationalError, call: LptCall): OperationalError {
  const write = (call.method ?? 'GET') !== 'GET';
  const what = err.code === 'HTTP_TIMEOUT' ? 'не ответил вовремя' : 'недоступен';
  const outcome = write ? ' Изменение могло быть выполнено: повтор шага это проверит.' : '';
  return new OperationalError(err.code === 'HTTP_TIMEOUT' ? 'LPTRACKER_TIMEOUT' : 'LPTRACKER_UNREACHABLE', `LPTracker ${what} (${call.method ?? 'GET'} ${call.path}).${outcome}`, {
    cause: err,
    details: { path: call.path },
  });
}

/** The decoded `result` of a call (null when LPTracker sent none). */
export async function lptRequest<T = unknown>(remote: LptRemote, call: LptCall): Promise<T | null> {
  let creds = currentCredentials(remote);
  if (tokenDue(creds)) creds = await reloginOnce(remote, creds.token ?? '');
  const url = buildUrl(apiBase(creds), call.path, call.query);
  const send = async (token: string): Promise<HttpResponse> => {
    try {
      return await remote.http.request({
        method: call.method ?? 'GET',
        url,
        headers: { token },
        secretHeaders: SECRET_HEADERS,
        ...(call.body === undefined ? {} : { body: call.body }),
        timeoutMs: call.timeoutMs ?? lptTimeouts.requestMs,
      });
    } catch (err) {
      throw err instanceof OperationalError && err.code.startsWith('HTTP_') ? lost(err, call) : err;
    }
  };
  let decoded = decodeResponse(await send(creds.token ?? ''), call.path);
  if (decoded.kind === 'unauthorized') {
    creds = await reloginOnce(remote, creds.token ?? '');
    decoded = decodeResponse(await send(creds.token ?? ''), call.path);
  }
  if (decoded.kind === 'unauthorized') {
    throw new UserError('LPTRACKER_UNAUTHORIZED', `LPTracker отклонил токен сразу после входа${decoded.message ? ` (${decoded.message})` : ''}. Проверьте подключение у администратора платформы.`);
  }
  return decoded.result as T | null;
}

export function lptGet<T = unknown>(remote: LptRemote, path: string, query?: Record<string, QueryValue>): Promise<T | null> {
  return lptRequest<T>(remote, { path, query });
}

/** Keys under which some answers wrap a list (the Avito client's defensive reading). */
const LIST_KEYS = ['items', 'list', 'data', 'funnels', 'stages', 'leads', 'contacts'];

/** A list result in any shape LPTracker uses: a bare array, `result: [...]`, or a wrapped one. */
export function asList<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (typeof result === 'object' && result !== null) {
    for (const key of LIST_KEYS) {
      const inner = (result as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner as T[];
    }
    // An object keyed by position: PHP serialises a list with gaps this way.
    const values = Object.entries(result).filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v);
    if (values.length > 0) return values as T[];
  }
  return [];
}

export async function lptList<T = Record<string, unknown>>(remote: LptRemote, path: string, query?: Record<string, QueryValue>): Promise<T[]> {
  return asList<T>(await lptGet(remote, path, query));
}
