import type { ConnectionContext, ConnectionDefinition, ConnectionState } from '../sdk/connection.ts';
import type { HttpClient, Logger } from '../sdk/context.ts';
import { rateLimitedHttp, type RateLimiter } from './rate-limiter.ts';

export interface ConnectionContextParts {
  id: string;
  name: string;
  plugin: string;
  def: ConnectionDefinition<any>;
  credentials: Record<string, unknown>;
  http: HttpClient;
  limiter: RateLimiter;
  state: ConnectionState;
  signal: AbortSignal;
  logger: Logger;
  hookUrl: string | null;
  /** Runs the plugin's refresh under the core's single-flight guarantee; returns the credentials to use. */
  refresh(stale: Record<string, unknown>, run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>>;
  /** The cached metadata, loading it through `load` when missing. */
  metadata(load: () => Promise<unknown>): Promise<unknown>;
}

/**
 * The ConnectionContext a plugin sees, built the same way for runs, subscriptions, «Настройки»
 * and the plugin test kit: only where credentials, state and the limiter live differs.
 */
export function buildConnectionContext<C extends Record<string, unknown>>(parts: ConnectionContextParts): ConnectionContext<C> {
  let credentials = parts.credentials;
  const limit = parts.def.rateLimit;
  const http = limit
    ? rateLimitedHttp(parts.http, parts.limiter, `${parts.plugin}:${limit.key?.(credentials) ?? parts.id}`, limit.perSecond, parts.signal)
    : parts.http;
  const ctx: ConnectionContext<C> = {
    id: parts.id,
    name: parts.name,
    get credentials() {
      return credentials as C;
    },
    http,
    signal: parts.signal,
    logger: parts.logger,
    state: parts.state,
    hookUrl: parts.hookUrl,
    async refreshCredentials() {
      const refresh = parts.def.refresh;
      if (!refresh) return credentials as C;
      credentials = await parts.refresh(credentials, async () => (await refresh.run(ctx)) as Record<string, unknown>);
      return credentials as C;
    },
    async metadata<M>() {
      const load = parts.def.metadata?.load;
      if (!load) return {} as M;
      return (await parts.metadata(() => load(ctx))) as M;
    },
  };
  return ctx;
}
