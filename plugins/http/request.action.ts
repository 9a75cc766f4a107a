import { z } from 'zod';
import { defineAction, OperationalError, UserError, widget } from '../../core/sdk/index.ts';

const READ_METHODS = new Set(['GET', 'HEAD']);

export const requestAction = defineAction({
  id: 'request',
  title: 'HTTP-запрос',
  description: 'Отправляет запрос на любой адрес. Ошибки 5xx и сети повторяются, 4xx — нет.',
  props: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('POST').meta({ title: 'Метод' }),
    url: widget(z.string().trim().min(1, 'Укажите адрес'), 'template').meta({ title: 'Адрес', description: 'Например, https://example.ru/api/leads' }),
    headers: widget(z.record(z.string(), z.string()).default({}), 'keyvalue').meta({ title: 'Заголовки' }),
    body: widget(z.string().max(256 * 1024).default(''), 'textarea').meta({
      title: 'Тело запроса',
      description: 'Шаблон, например {"name": "{{trigger.body.lead.name}}"}. JSON отправляется с типом application/json.',
    }),
    timeoutMs: z.number().int().min(100, 'Не меньше 100 мс').max(120_000, 'Не больше 120 000 мс').default(10_000).meta({ title: 'Тайм-аут, мс' }),
  }),
  errorOutput: true,
  sample: { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true, id: 42 } },
  async run(ctx) {
    const { method, url, headers, timeoutMs } = ctx.props;
    if (!/^https?:\/\//i.test(url)) throw new UserError('HTTP_BAD_URL', `Адрес должен начинаться с http:// или https://: «${url}»`);
    let body: string | undefined = ctx.props.body === '' ? undefined : ctx.props.body;
    const finalHeaders = { ...headers };
    if (body !== undefined && !Object.keys(finalHeaders).some((h) => h.toLowerCase() === 'content-type')) {
      finalHeaders['content-type'] = isJson(body) ? 'application/json' : 'text/plain; charset=utf-8';
    }
    if (READ_METHODS.has(method)) body = undefined;
    if (ctx.dryRun && !READ_METHODS.has(method)) {
      return { dryRun: true, request: { method, url, headers: finalHeaders, body: body ?? null } };
    }
    const res = await ctx.http.request({
      method,
      url,
      headers: { 'idempotency-key': ctx.idempotencyKey, ...finalHeaders },
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
