/**
 * The error taxonomy shared by the core and every plugin.
 *
 * - UserError: bad configuration or input. Never retried; HTTP 4xx.
 * - OperationalError: a transient failure (network, timeout, remote 5xx/429). The queue retries
 *   the run with backoff; HTTP 503 if it escapes a request.
 * - anything else is a bug: HTTP 500 with the details hidden, the run fails.
 *
 * Every error carries a stable `code` (e.g. `AMOCRM_RATE_LIMITED`) and a Russian `message` that
 * the UI shows as is.
 */
export interface AppErrorOptions {
  details?: unknown;
  cause?: unknown;
  /** HTTP status when this error escapes a request. */
  status?: number;
}

export abstract class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;
  readonly status: number;
  abstract readonly transient: boolean;

  constructor(code: string, message: string, status: number, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
    this.status = options.status ?? status;
  }
}

export class UserError extends AppError {
  readonly transient = false;
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, 422, options);
  }
}

export class OperationalError extends AppError {
  readonly transient = true;
  /** A hint from the remote side (e.g. Retry-After), in milliseconds. */
  readonly retryAfterMs?: number;
  constructor(code: string, message: string, options: AppErrorOptions & { retryAfterMs?: number } = {}) {
    super(code, message, 503, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class NotFoundError extends UserError {
  constructor(message = 'Не найдено', code = 'NOT_FOUND') {
    super(code, message, { status: 404 });
  }
}

export class ConflictError extends UserError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, { status: 409, details });
  }
}

export class UnauthorizedError extends UserError {
  constructor(message = 'Требуется вход в систему', code = 'UNAUTHORIZED') {
    super(code, message, { status: 401 });
  }
}

export class ForbiddenError extends UserError {
  constructor(message = 'Недостаточно прав', code = 'FORBIDDEN') {
    super(code, message, { status: 403 });
  }
}

/** Normalises anything thrown into an Error, so callers can rely on `.message`. */
export function coerceError(err: unknown): Error {
  if (err instanceof Error) return err;
  return new Error(typeof err === 'string' ? err : JSON.stringify(err));
}

export function isTransient(err: unknown): boolean {
  return err instanceof AppError ? err.transient : false;
}
