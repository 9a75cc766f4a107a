/**
 * What a plugin declares about its connections, and what the core gives it back when a node or a
 * webhook subscription works with one. A connection is a tenant's account at a remote service:
 * encrypted credentials plus the state the core keeps for it (metadata cache, remote ids).
 */
import type { z } from 'zod';
import type { HttpClient, Logger } from './io.ts';

/** A small store per connection (metadata, remote webhook ids…), each value with when it was written. */
export interface ConnectionState {
  get<T = unknown>(key: string): Promise<{ value: T; fetchedAt: Date } | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * The remote account a connection opens. `http` carries the plugin's shared rate limit (every
 * process of the deployment together stays under it) and the egress policy.
 */
export interface ConnectionContext<C = Record<string, unknown>> {
  readonly id: string;
  readonly name: string;
  /** The current credentials (they change after a refresh). */
  readonly credentials: Readonly<C>;
  http: HttpClient;
  signal: AbortSignal;
  logger: Logger;
  state: ConnectionState;
  /**
   * New credentials from the plugin's `refresh` (e.g. after a 401), written back encrypted.
   * Single-flight across processes: if another process refreshed meanwhile, its result is
   * returned without spending the refresh token again.
   */
  refreshCredentials(): Promise<Readonly<C>>;
  /** The connection's cached metadata (loaded once if missing; refreshed from «Настройки»). */
  metadata<M = unknown>(): Promise<M>;
  /** The connection's own webhook address (events fan out to the tenant's rules), if the plugin has webhooks. */
  readonly hookUrl: string | null;
}

/** One choice of a dynamic option list (pipelines, statuses, fields by name…). */
export interface OptionItem {
  value: string | number;
  label: string;
  /** Shown as a group heading in the list (e.g. the pipeline of a status). */
  group?: string;
  /** A short hint under the label (e.g. the field type). */
  hint?: string;
  /** Extra data the editor may use (e.g. the enum values of a select field). */
  data?: Record<string, unknown>;
}

export interface ActiveTrigger {
  workflowId: string;
  type: string;
  props: Record<string, unknown>;
}

export interface ConnectionDefinition<S extends z.ZodType = z.ZodType, M = any> {
  title: string;
  /** Shape of the credentials, stored encrypted; also the form «Настройки» renders (widgets as for props). */
  schema: S;
  /**
   * Checks the credentials against the remote API and names the account (shown in «Настройки»).
   * Throws a UserError with a Russian message when they are wrong.
   */
  test(ctx: ConnectionContext<z.infer<S>>): Promise<{ account: string; accountId?: string }>;
  /** Credentials that expire (OAuth): refreshed before `due` says so and when the remote side rejects them. */
  refresh?: {
    due(credentials: z.infer<S>): boolean;
    run(ctx: ConnectionContext<z.infer<S>>): Promise<z.infer<S>>;
  };
  /** An OAuth 2.0 authorization code flow, started from «Настройки». */
  oauth?: {
    /** Whether these credentials still need the user's consent (no tokens yet). */
    pending(credentials: z.infer<S>): boolean;
    authorizeUrl(input: { credentials: z.infer<S>; state: string; redirectUri: string }): string;
    exchange(ctx: ConnectionContext<z.infer<S>>, input: { code: string; query: Record<string, string>; redirectUri: string }): Promise<z.infer<S>>;
  };
  /**
   * The remote API's request rate, shared by every process: requests of all connections with the
   * same key (default: the connection) never exceed it in any second.
   */
  rateLimit?: { perSecond: number; key?(credentials: z.infer<S>): string };
  /** Reference data of the account (pipelines, fields, users…), cached per connection. */
  metadata?: {
    load(ctx: ConnectionContext<z.infer<S>>): Promise<M>;
    /** Counts shown in «Настройки», e.g. [{ label: 'Воронки', count: 3 }]. */
    summary?(metadata: M): { label: string; count: number }[];
  };
  /**
   * Option lists for props with the `remote-select` or `field-map` widget, by source name. They
   * read the cached metadata and the form's other values (e.g. statuses of the chosen pipeline).
   */
  options?: Record<string, (input: { metadata: M; values: Record<string, string> }) => OptionItem[]>;
  /**
   * Keeps the remote side's webhook subscription in line with the tenant's active rules: called
   * with every active trigger of this plugin on the connection after a rule is switched on or off
   * (an empty list: unsubscribe).
   */
  webhooks?: {
    sync(ctx: ConnectionContext<z.infer<S>>, input: { hookUrl: string; triggers: ActiveTrigger[] }): Promise<void>;
  };
  /** Bound by a platform admin; users of the tenant see it but cannot change or remove it. */
  adminBound?: boolean;
  /**
   * Where a user opens a record of this account in the service's own interface (a deal's card),
   * shown next to the ids a run linked; null when the service has no such address.
   */
  entityUrl?(credentials: z.infer<S>, ref: { type: string; id: string }): string | null;
}
