/**
 * The one HTTP client of the editor. Every error the server sends is
 * `{ error: { code, message, details } }` with a Russian message; network failures get one too.
 */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { fields?: Record<string, string> } & Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ApiErrorBody['details'];
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
  /** Russian message for one form field, if the server pointed at it. */
  field(name: string): string | undefined {
    return this.details?.fields?.[name];
  }
}

let unauthorizedHandler: (() => void) | null = null;

/**
 * Called when a request outside `/api/auth/` answers 401 (the session ended): the auth store
 * forgets the user and the signed-in layout sends them to the login page.
 */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function api<T = unknown>(
  method: string,
  path: string,
  options: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'NETWORK', message: 'Нет связи с сервером. Проверьте подключение и повторите.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.();
    const body = (data as { error?: ApiErrorBody } | undefined)?.error;
    throw new ApiError(res.status, body ?? { code: 'HTTP_' + res.status, message: `Сервер ответил ошибкой ${res.status}` });
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => api<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => api<T>('PUT', path, { body }),
  del: <T>(path: string) => api<T>('DELETE', path),
};
