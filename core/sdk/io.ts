/** The IO doors the core opens to plugins: logging, HTTP, a small store. */

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface HttpRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Per-request timeout (default 30 000 ms). */
  timeoutMs?: number;
  /** Query parameters appended to the URL. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Header names (case-insensitive) carrying credentials: dropped, like Authorization and Cookie, on a redirect to another origin. */
  secretHeaders?: string[];
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, the text otherwise. */
  body: unknown;
}

/**
 * HTTP for plugins. Network failures and timeouts throw OperationalError (`HTTP_NETWORK`,
 * `HTTP_TIMEOUT`); any HTTP status is returned, the plugin decides what it means.
 */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** A small key-value store scoped to the workflow (e.g. a remote webhook id). */
export interface KvStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

