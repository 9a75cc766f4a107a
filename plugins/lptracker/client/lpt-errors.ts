/**
 * LPTracker answers → results or SDK errors with stable codes and Russian messages. The API puts
 * application errors in HTTP 200 (`status: "error"`, `errors[{code, message}]`); the rate limit
 * may come as code 503 in the body or as a real HTTP 503; a PHP fatal error or a cut connection
 * leaves HTML or half a JSON document. UserError is never retried (a person must act);
 * OperationalError is.
 */
import { OperationalError, UserError, type HttpResponse } from '../../../core/sdk/index.ts';

/** What the documented rate limit asks for: wait out the second (a 1, 2, 4 s backoff is the engine's). */
export const RATE_LIMIT_RETRY_MS = 1_000;
/** A lead written moments ago is not yet visible to comment and custom-field writes. */
export const LEAD_NOT_READY_RETRY_MS = 2_000;

export type Decoded =
  | { kind: 'ok'; result: unknown }
  /** Code 401: the token is missing, expired or revoked (or, on /login, the password is wrong). */
  | { kind: 'unauthorized'; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function firstError(body: Record<string, unknown>): { code: number; message: string } {
  const list = Array.isArray(body.errors) ? body.errors : [];
  const first = list.find(isObj);
  const code = Number(first?.code);
  // Clients must tolerate an error without a message (reference §1).
  const message = typeof first?.message === 'string' ? first.message.trim() : '';
  return { code: Number.isFinite(code) ? code : 0, message };
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

function details(res: HttpResponse, path: string) {
  return { status: res.status, path, body: typeof res.body === 'string' ? clip(res.body, 500) : res.body };
}

/** The error for an envelope error code (401 is the caller's: it re-logs in once). */
export function errorForCode(code: number, message: string, where: { path: string; details?: unknown }): Error {
  const said = message ? `: ${clip(message)}` : '';
  const opts = { details: where.details ?? { code, message, path: where.path } };
  if (code === 503) {
    return new OperationalError('LPTRACKER_RATE_LIMITED', 'LPTracker ограничил частоту запросов (не больше 3 в секунду): запрос будет повторён.', { ...opts, retryAfterMs: RATE_LIMIT_RETRY_MS });
  }
  if (/invalid lead id/i.test(message)) {
    return new OperationalError('LPTRACKER_LEAD_NOT_READY', 'LPTracker ещё не видит только что созданный лид: запрос будет повторён через пару секунд.', { ...opts, retryAfterMs: LEAD_NOT_READY_RETRY_MS });
  }
  if (code === 401) {
    return new UserError('LPTRACKER_UNAUTHORIZED', `LPTracker не принял вход${said}. Проверьте логин и пароль подключения у администратора платформы.`, opts);
  }
  if (code === 404) {
    return new UserError('LPTRACKER_NOT_FOUND', `LPTracker: не найдено${said} (${where.path}).`, { ...opts, status: 404 });
  }
  if (code === 400 || code === 422) {
    return new UserError('LPTRACKER_BAD_REQUEST', `LPTracker отклонил запрос${said || ' без объяснения'}.`, opts);
  }
  if (code === 403) {
    return new UserError('LPTRACKER_FORBIDDEN', `LPTracker запретил это действие${said}.`, opts);
  }
  if (code >= 500) {
    return new OperationalError('LPTRACKER_SERVER_ERROR', `LPTracker временно не может выполнить запрос (код ${code})${said}: запрос будет повторён.`, opts);
  }
  return new UserError('LPTRACKER_ERROR', `LPTracker вернул ошибку${code ? ` ${code}` : ''}${said || ' без описания'}.`, opts);
}

/**
 * Reads an answer: a success envelope (`result` may be missing: null), a bare list or object, an
 * error envelope (thrown, except 401 which the caller handles), or something that is not an
 * answer at all (thrown as transient: the outcome of a write is then unknown).
 */
export function decodeResponse(res: HttpResponse, path: string): Decoded {
  const { status, body } = res;
  if (status === 503 || status === 429) {
    throw errorForCode(503, '', { path, details: details(res, path) });
  }
  if (Array.isArray(body)) {
    if (status >= 200 && status < 300) return { kind: 'ok', result: body };
  } else if (isObj(body)) {
    const hasErrors = Array.isArray(body.errors) && body.errors.length > 0;
    if (body.status === 'error' || hasErrors) {
      const { code, message } = firstError(body);
      if (code === 401) return { kind: 'unauthorized', message };
      throw errorForCode(code, message, { path, details: details(res, path) });
    }
    if (body.status === 'success') return { kind: 'ok', result: body.result ?? null };
    // Some answers are documented without the envelope (a created custom field).
    if (body.status === undefined && status >= 200 && status < 300) return { kind: 'ok', result: body };
    if (status >= 200 && status < 300) {
      throw new UserError('LPTRACKER_UNEXPECTED', `LPTracker ответил неизвестным статусом «${clip(String(body.status), 50)}».`, { details: details(res, path) });
    }
  }
  if (status >= 500) {
    throw new OperationalError('LPTRACKER_UNAVAILABLE', `LPTracker временно недоступен (HTTP ${status}): запрос будет повторён.`, { details: details(res, path) });
  }
  if (status >= 400) {
    throw new UserError('LPTRACKER_HTTP_ERROR', `LPTracker ответил HTTP ${status} на ${path}.`, { details: details(res, path) });
  }
  // HTTP 200 with an HTML error page or JSON cut short: the server failed mid-way.
  const html = typeof body === 'string' && /<html|<!doctype|<br\s*\/?>|<b>/i.test(body);
  throw new OperationalError(
    'LPTRACKER_BAD_RESPONSE',
    html
      ? 'LPTracker вернул страницу ошибки вместо ответа API: запрос будет повторён.'
      : 'LPTracker прислал неполный или повреждённый ответ: запрос будет повторён.',
    { details: details(res, path) },
  );
}
