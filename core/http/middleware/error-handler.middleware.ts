import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError } from '../../sdk/errors.ts';
import type { AppState } from '../route.ts';
import { zodIssueMessage } from '../zod-messages.ts';

interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** Errors of body parsers and Koa itself carry `status` and `expose`. */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

const HTTP_MESSAGES: Record<number, ErrorBody> = {
  400: { code: 'BAD_REQUEST', message: 'Некорректный запрос' },
  404: { code: 'NOT_FOUND', message: 'Не найдено' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Метод не поддерживается' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой запрос' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Неподдерживаемый тип содержимого' },
};

export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { code: err.code, message: err.message, details: err.details } };
  }
  if (err instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = issue.path.join('.') || '_';
      fields[key] ??= zodIssueMessage(issue);
    }
    return {
      status: 422,
      body: { code: 'VALIDATION_FAILED', message: 'Проверьте введённые данные', details: { fields } },
    };
  }
  const e = (err ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode ?? 500;
  if (status === 400 && e.type === 'entity.parse.failed') {
    return { status, body: { code: 'INVALID_JSON', message: 'Тело запроса — некорректный JSON' } };
  }
  if (status >= 400 && status < 500) {
    return { status, body: HTTP_MESSAGES[status] ?? { code: `HTTP_${status}`, message: 'Ошибка запроса' } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Внутренняя ошибка сервера. Мы уже записали её в журнал.' } };
}

/** The one place where errors become HTTP responses. 5xx never reveal internals. */
export function errorHandler(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && (ctx.path.startsWith('/api') || ctx.path.startsWith('/hooks'))) {
        ctx.status = 404;
        ctx.body = { error: { code: 'NOT_FOUND', message: 'Маршрут не найден' } };
      }
    } catch (err) {
      const { status, body } = toErrorResponse(err);
      if (status >= 500) {
        logger.error({ err, requestId: ctx.state.requestId, path: ctx.path }, 'необработанная ошибка запроса');
      }
      ctx.status = status;
      ctx.body = { error: body };
      if (status === 429 && err instanceof AppError && typeof (err.details as { retryAfterSeconds?: number })?.retryAfterSeconds === 'number') {
        ctx.set('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
    }
  };
}
