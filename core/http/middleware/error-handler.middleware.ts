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
  423: { code: 'LOCKED', message: 'Доступ временно закрыт' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Слишком много запросов. Повторите позже.' },
  501: { code: 'NOT_IMPLEMENTED', message: 'Такой метод запроса сервер не поддерживает' },
};

/**
 * Answers the router and Koa leave without a body (`allowedMethods()` sets 405 or 501 and the
 * Allow header; an unmatched path stays 404) would otherwise go out as English plain text.
 */
function emptyAnswer(path: string, method: string, status: number, allow: string): ErrorBody {
  const hook = path.startsWith('/hooks/');
  if (status === 404) {
    return hook ? { code: 'HOOK_NOT_FOUND', message: 'Адрес вебхука не найден или отозван' } : { code: 'NOT_FOUND', message: 'Маршрут не найден' };
  }
  if (status === 405) {
    const methods = allow.split(/,\s*/).filter(Boolean);
    const message = hook
      ? 'Адрес вебхука принимает только POST-запросы: отправьте событие методом POST'
      : `Метод ${method} по этому адресу не поддерживается${methods.length ? `. Допустимо: ${methods.join(', ')}` : ''}`;
    return { code: 'METHOD_NOT_ALLOWED', message, ...(methods.length ? { details: { allow: methods } } : {}) };
  }
  return HTTP_MESSAGES[status] ?? { code: `HTTP_${status}`, message: status >= 500 ? 'Внутренняя ошибка сервера' : 'Ошибка запроса' };
}

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
      if (ctx.status >= 400 && ctx.body == null && (ctx.path.startsWith('/api') || ctx.path.startsWith('/hooks'))) {
        const status = ctx.status;
        ctx.body = { error: emptyAnswer(ctx.path, ctx.method, status, ctx.response.get('Allow')) };
        ctx.status = status;
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
