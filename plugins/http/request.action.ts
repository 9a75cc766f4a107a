import { z } from 'zod';
import { connectionField, defineAction, OperationalError, UserError, widget } from '../../core/sdk/index.ts';
import { applyCredentials, maskedPreview } from './apply-credentials.ts';
import type { HttpCredentials } from './credentials.connection.ts';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Header names that carry credentials even when typed among ordinary headers: the core stores
 * their values encrypted (`x-options.secretKeys`), and they never follow a redirect elsewhere.
 */
export const CREDENTIAL_HEADER = '^(authorization|proxy-authorization|cookie)$|token|secret|passw(or)?d|signature|api[-_]?key|auth';
const credentialHeader = new RegExp(CREDENTIAL_HEADER, 'i');

export const requestAction = defineAction({
  id: 'request',
  title: 'HTTP-запрос',
  description: 'Отправляет запрос на любой адрес. Ошибки 5xx и сети повторяются, 4xx — нет.',
  props: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('POST').meta({ title: 'Метод' }),
    url: widget(z.string().trim().min(1, 'Укажите адрес'), 'template').meta({ title: 'Адрес', description: 'Например, https://example.ru/api/leads' }),
    connectionId: connectionField('Учётные данные', { optional: true }).meta({
      description: 'Подключение «HTTP»: токен, логин и пароль, заголовок или параметр адреса. Хранится зашифрованным.',
    }),
    headers: widget(z.record(z.string(), z.string()).default({}), 'keyvalue', { secretKeys: CREDENTIAL_HEADER }).meta({ title: 'Заголовки' }),
    secretHeaders: widget(z.record(z.string(), z.string()).default({}), 'secret-keyvalue').meta({
      title: 'Секретные заголовки',
      description: 'Например, токен авторизации или ключ API: значения хранятся зашифрованными и нигде не показываются.',
    }),
    body: widget(z.string().max(256 * 1024).default(''), 'template', { multiline: true, json: true }).meta({
      title: 'Тело запроса',
      description: 'Текст или JSON с полями из предыдущих шагов, например {"name": "{{trigger.body.lead.name}}"}. Кнопка «{ }» вставляет поле. Правильный JSON отправляется с типом application/json, остальное — как текст.',
    }),
    timeoutMs: z.number().int().min(100, 'Не меньше 100 мс').max(120_000, 'Не больше 120 000 мс').default(10_000).meta({ title: 'Тайм-аут, мс' }),
  }),
  errorOutput: true,
  sample: { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true, id: 42 } },
  async run(ctx) {
    const { method, url, headers, secretHeaders, timeoutMs } = ctx.props;
    if (!/^https?:\/\//i.test(url)) throw new UserError('HTTP_BAD_URL', `Адрес должен начинаться с http:// или https://: «${url}»`);
    let body: string | undefined = ctx.props.body === '' ? undefined : ctx.props.body;
    const authorized = applyCredentials(headers, secretHeaders, ctx.connection as HttpCredentials | null);
    authorized.secretHeaders.push(...Object.keys(headers).filter((h) => credentialHeader.test(h)));
    const finalHeaders = authorized.headers;
    if (body !== undefined && !Object.keys(finalHeaders).some((h) => h.toLowerCase() === 'content-type')) {
      finalHeaders['content-type'] = isJson(body) ? 'application/json' : 'text/plain; charset=utf-8';
    }
    if (READ_METHODS.has(method)) body = undefined;
    if (ctx.dryRun && !READ_METHODS.has(method)) {
      const preview = maskedPreview(authorized);
      return { dryRun: true, request: { method, url, headers: preview.headers, ...(Object.keys(preview.query).length ? { query: preview.query } : {}), body: body ?? null } };
    }
    const res = await ctx.http.request({
      method,
      url,
      headers: { 'idempotency-key': ctx.idempotencyKey, ...finalHeaders },
      query: authorized.query,
      secretHeaders: authorized.secretHeaders,
      body,
      timeoutMs,
    });
    if (res.status >= 500 || res.status === 429) {
      throw new OperationalError('HTTP_SERVER_ERROR', `Сервер ответил ${res.status}; запрос будет повторён`, {
        details: { status: res.status, body: res.body },
        retryAfterMs: retryAfter(res.headers['retry-after']),
      });
    }
    if (res.status >= 400) {
      throw new UserError('HTTP_CLIENT_ERROR', `Сервер отклонил запрос: ${res.status}`, { details: { status: res.status, body: res.body } });
    }
    return res;
  },
});

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
