/**
 * The plugin test kit: start a plugin's simulator, build the context a node gets, run a node, so
 * plugin tests stay short and talk to a real HTTP server. Imported by plugin tests only
 * (`core/sdk/testing.ts`), never by plugin code.
 */
import pino from 'pino';
import { resolveTemplates } from '../graph/templates.ts';
import { createEgressPolicy } from '../net/egress-policy.ts';
import { buildConnectionContext } from '../plugins/connection-context.ts';
import { createHttpClient } from '../plugins/http-client.ts';
import { createMemoryRateLimiter, type RateLimiter } from '../plugins/rate-limiter.ts';
import type { ConnectionContext, ConnectionState } from './connection.ts';
import type { ActionContext, InboundRequest, KvStore, NormalizedEvent } from './context.ts';
import type { ActionDefinition, PluginDefinition, SimulatorHandle, TriggerDefinition } from './define.ts';
import { UserError } from './errors.ts';

/** Tests reach their simulators on loopback only. */
const egress = createEgressPolicy('127.0.0.1/32,::1/128');
const silent = pino({ level: 'silent' });

export async function startSimulator<H extends SimulatorHandle>(plugin: PluginDefinition<H>, options?: Record<string, unknown>): Promise<H> {
  if (!plugin.simulator) throw new Error(`plugin "${plugin.id}" has no simulator`);
  return plugin.simulator.start(options);
}

export function memoryState(): ConnectionState & { entries: Map<string, { value: unknown; fetchedAt: Date }> } {
  const entries = new Map<string, { value: unknown; fetchedAt: Date }>();
  return {
    entries,
    get: async <T,>(key: string) => entries.get(key) as { value: T; fetchedAt: Date } | undefined,
    put: async (key, value) => void entries.set(key, { value: structuredClone(value), fetchedAt: new Date() }),
    delete: async (key) => void entries.delete(key),
  };
}

export function memoryKv(): KvStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T,>(key: string) => data.get(key) as T | undefined,
    put: async (key, value) => void data.set(key, structuredClone(value)),
    delete: async (key) => void data.delete(key),
  };
}

export interface TestRemoteOptions {
  credentials: Record<string, unknown>;
  id?: string;
  name?: string;
  hookUrl?: string | null;
  state?: ConnectionState;
  /** Share one between contexts to see the plugin's rate limit across them. */
  limiter?: RateLimiter;
  signal?: AbortSignal;
}

/**
 * A connection context for tests: the plugin's own rate limit (in memory), state in memory and a
 * refresh that keeps the new credentials for the next calls.
 */
export function testRemote<C extends Record<string, unknown> = Record<string, unknown>>(plugin: PluginDefinition<any>, opts: TestRemoteOptions): ConnectionContext<C> & { refreshes: number } {
  const def = plugin.connection;
  if (!def) throw new Error(`plugin "${plugin.id}" has no connection`);
  const parsed = def.schema.parse(opts.credentials) as Record<string, unknown>;
  let metadata: unknown;
  const counter = { refreshes: 0 };
  const ctx = buildConnectionContext<C>({
    id: opts.id ?? '00000000-0000-4000-8000-00000000c0de',
    name: opts.name ?? 'Тестовое подключение',
    plugin: plugin.id,
    def,
    credentials: parsed,
    http: createHttpClient({ egress, signal: opts.signal }),
    limiter: opts.limiter ?? createMemoryRateLimiter(),
    state: opts.state ?? memoryState(),
    signal: opts.signal ?? new AbortController().signal,
    logger: silent,
    hookUrl: opts.hookUrl ?? null,
    async refresh(_stale, run) {
      counter.refreshes++;
      return run();
    },
    async metadata(load) {
      metadata ??= await load();
      return metadata;
    },
  });
  return Object.defineProperty(ctx, 'refreshes', { get: () => counter.refreshes }) as ConnectionContext<C> & { refreshes: number };
}

function node<K extends 'action' | 'trigger'>(plugin: PluginDefinition<any>, id: string, kind: K) {
  const def = plugin.nodes.find((n) => n.id === id);
  if (!def || def.kind !== kind) throw new Error(`plugin "${plugin.id}" has no ${kind} "${id}"`);
  return def as K extends 'action' ? ActionDefinition<any> : TriggerDefinition<any>;
}

/**
 * Runs an action as the engine would: templates in `props` resolved against `input`, props
 * validated by the node's schema (a Russian UserError otherwise), then `run`.
 */
export async function runAction(plugin: PluginDefinition<any>, nodeId: string, opts: {
  props: Record<string, unknown>;
  input?: Record<string, unknown>;
  remote?: ConnectionContext<any> | null;
  dryRun?: boolean;
  store?: KvStore;
  idempotencyKey?: string;
  attempt?: number;
  /** Collects what the action links to the run's source entity. */
  linked?: { type: string; id: string | number }[];
}): Promise<unknown> {
  const def = node(plugin, nodeId, 'action');
  const input = opts.input ?? {};
  const parsed = def.props.safeParse(resolveTemplates(opts.props, input));
  if (!parsed.success) throw new UserError('PROPS_INVALID', `Неверные настройки узла: ${parsed.error.issues[0]?.message}`);
  const remote = opts.remote ?? null;
  const ctx: ActionContext = {
    props: parsed.data,
    input,
    connection: remote?.credentials ?? null,
    remote,
    http: remote?.http ?? createHttpClient({ egress }),
    store: opts.store ?? memoryKv(),
    logger: silent,
    signal: new AbortController().signal,
    dryRun: opts.dryRun ?? false,
    run: { runId: 'test-run', workflowId: 'test-workflow', tenantId: 'test-tenant', nodeId, attempt: opts.attempt ?? 1 },
    idempotencyKey: opts.idempotencyKey ?? `test-run:${nodeId}`,
    links: { add: async (created) => void opts.linked?.push(created) },
  };
  return def.run(ctx);
}

/** What a trigger makes of an inbound request: the outputs of the events it accepts. */
export function triggerOutputs(plugin: PluginDefinition<any>, triggerId: string, request: Partial<InboundRequest> & { body: unknown }, props: Record<string, unknown>, metadata?: unknown): unknown[] {
  const def = node(plugin, triggerId, 'trigger');
  const parsedProps = def.props.parse(props);
  const req: InboundRequest = { method: 'POST', headers: {}, query: {}, rawBody: typeof request.body === 'string' ? request.body : JSON.stringify(request.body), contentType: 'application/x-www-form-urlencoded', ...request };
  const events: NormalizedEvent[] = plugin.webhook ? plugin.webhook.parse(req, { metadata }) : [{ type: 'webhook.request', data: { body: req.body } }];
  return events
    .filter((ev) => def.events.includes(ev.type) && def.match(ev, parsedProps))
    .map((ev) => (def.output ? def.output(ev, parsedProps) : ev.data));
}
