import getRawBody from 'raw-body';
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { NotFoundError, UserError } from '../sdk/errors.ts';

/** Tokens are 32 random bytes in base64url (hook-token.ts); older or custom ones stay within this shape. */
const HOOK_TOKEN = /^[A-Za-z0-9_-]{16,100}$/;
import { parseWebhookBody, storedHeaders } from './parse-body.ts';

const ackSchema = z.object({ ok: z.literal(true), eventId: z.string().uuid(), duplicate: z.boolean().optional() });

async function readBody(req: import('node:http').IncomingMessage, limit: number): Promise<string> {
  try {
    return await getRawBody(req, { limit, encoding: 'utf8' });
  } catch (err) {
    if ((err as { type?: string }).type === 'entity.too.large') {
      throw new UserError('PAYLOAD_TOO_LARGE', `Тело запроса больше ${Math.round(limit / 1024)} КБ`, { status: 413 });
    }
    throw new UserError('BODY_UNREADABLE', 'Не удалось прочитать тело запроса', { status: 400 });
  }
}

export const hookRoutes = [
  defineRoute({
    method: 'post',
    path: '/hooks/:token',
    tag: 'Вебхуки',
    summary: 'Приём вебхука правила',
    description:
      'JSON или x-www-form-urlencoded (вложенные ключи в стиле PHP, как у AmoCRM), до 1 МБ. Ответ 200 приходит только после записи события в базу. Повтор того же тела в течение окна дедупликации не создаёт второй запуск.',
    auth: 'none',
    keepsRawInput: true,
    params: z.object({ token: z.string() }),
    response: ackSchema,
    async handler({ ctx, params, c }) {
      // Any malformed token is simply unknown: same answer as a revoked one, nothing is read or stored.
      if (!HOOK_TOKEN.test(params.token)) throw new NotFoundError('Адрес вебхука не найден или отозван', 'HOOK_NOT_FOUND');
      await c.ingest.admit(params.token);
      const raw = await readBody(ctx.req, c.config.WEBHOOK_MAX_BYTES);
      const contentType = ctx.get('content-type');
      const parsed = parseWebhookBody(contentType, raw);
      const request = {
        method: ctx.method,
        headers: Object.fromEntries(Object.entries(ctx.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
        query: Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
        body: parsed.body,
        rawBody: raw,
        contentType,
      };
      const result = await c.ingest.accept(params.token, request, storedHeaders(ctx.headers), parsed.error ?? null);
      if (result.status === 'failed') {
        throw new UserError('WEBHOOK_BODY_INVALID', `${parsed.error}. Запрос сохранён в журнале событий.`, { status: 400, details: { eventId: result.eventId } });
      }
      return { ok: true as const, eventId: result.eventId, ...(result.status === 'duplicate' ? { duplicate: true } : {}) };
    },
  }),
];
