import { randomBytes } from 'node:crypto';
import type { ItemErrors } from './validation.ts';

/** A finished answer; the server writes it and records its status. */
export interface Reply {
  status: number;
  json?: object;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const PROBLEM = 'application/problem+json';

// Error bodies copy the reference (§1.3, §8) field by field: clients branch on them.
export function problem(status: number, title: string, detail: string, extra: Record<string, string | number | object> = {}): Reply {
  return { status, contentType: PROBLEM, json: { title, type: `https://httpstatus.es/${status}`, status, detail, ...extra } };
}

export const problems = {
  // The Russian locale's wording; the account language is ru.
  unauthorized: (): Reply => problem(401, 'Unauthorized', 'Неверный логин или пароль'),
  paymentRequired: (): Reply => problem(402, 'Payment Required', 'Payment required'),
  notFoundRoute: (method: string, publicUrl: string): Reply => problem(404, 'Not Found', `Cannot ${method} ${publicUrl}`),
  limitExceeded: (): Reply => problem(422, 'Unprocessable Entity', 'Limit 250 per page'),
  tooManyRequests: (retryAfterSec: number): Reply => ({
    ...problem(429, 'Too Many Requests', 'You have sent too many requests in a given amount of time. Please try again later.', {
      retry_after: retryAfterSec,
    }),
    headers: { 'retry-after': String(retryAfterSec) },
  }),
  internal: (): Reply => ({
    status: 500,
    contentType: PROBLEM,
    json: { title: 'ErrInternalServer', status: 500, detail: 'Internal server error', trace_id: randomBytes(8).toString('hex') },
  }),
  gatewayTimeout: (): Reply => problem(504, 'Gateway Timeout', 'Upstream request timeout'),
  // `validation-errors` comes first, as in the real body.
  validation: (items: ItemErrors[]): Reply => ({
    status: 400,
    contentType: PROBLEM,
    json: { 'validation-errors': items, title: 'Bad Request', type: 'https://httpstatus.es/400', status: 400, detail: 'Request validation failed' },
  }),
  emptyBody: (): Reply => problem(400, 'Bad Request', 'Request data can not be empty'),
  badJson: (): Reply => problem(400, 'Bad Request', 'Syntax error'),
  /** Users report the block page as HTML, not problem+json (reference §8, issue #318). */
  blocked: (): Reply => ({
    status: 403,
    contentType: 'text/html; charset=utf-8',
    text:
      '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>403 Forbidden</title></head>' +
      '<body><h1>403 Forbidden</h1><p>Доступ к API заблокирован из-за превышения лимита запросов.</p></body></html>',
  }),
  oauth: (hint: string, status = 400): Reply => ({
    status,
    contentType: PROBLEM,
    json: {
      hint,
      title: 'Некорректный запрос',
      type: 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson',
      status,
      detail: 'В запросе отсутствует ряд параметров или параметры невалидны',
    },
  }),
};

export function hal(json: object, status = 200): Reply {
  return { status, json, contentType: 'application/hal+json' };
}

export function noContent(): Reply {
  return { status: 204 };
}
