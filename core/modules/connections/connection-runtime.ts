import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../../config/config.schema.ts';
import { secretAad, type SecretBox } from '../../crypto/secret-box.ts';
import { storableValue } from '../../db/storable.ts';
import type { EgressPolicy } from '../../net/egress-policy.ts';
import { buildConnectionContext } from '../../plugins/connection-context.ts';
import { createHttpClient } from '../../plugins/http-client.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import { createPgRateLimiter } from '../../plugins/rate-limiter.ts';
import type { ConnectionContext, ConnectionDefinition, ConnectionState } from '../../sdk/connection.ts';
import { AppError, coerceError, UserError } from '../../sdk/errors.ts';
import { hookUrlFor } from '../workflows/hook-token.ts';
import { HookEndpoint } from '../workflows/workflow.entity.ts';
import { Connection, ConnectionStateEntry, type IConnection } from './connection.entity.ts';

export const METADATA_KEY = 'metadata';

/**
 * The core behind ConnectionContext: credentials decrypted per use and refreshed single-flight
 * across processes, a state store per connection, the shared rate limiter, the metadata cache.
 */
export function createConnectionRuntime(deps: { orm: MikroORM; pool: pg.Pool; secretBox: SecretBox; registry: PluginRegistry; egress: EgressPolicy; logger: Logger; config: Config }) {
  const { orm, secretBox, registry } = deps;
  const limiter = createPgRateLimiter(deps.pool);

  const definition = (plugin: string): ConnectionDefinition<any> => {
    const def = registry.plugin(plugin)?.connection;
    if (!def) throw new UserError('PLUGIN_HAS_NO_CONNECTION', `Плагин «${plugin}» не поддерживает подключения`);
    return def;
  };
  const aad = (conn: Pick<IConnection, 'id'> & { tenant: { id: string } }) => secretAad(conn.tenant.id, conn.id);
  const decrypt = (conn: IConnection) => secretBox.decryptJson<Record<string, unknown>>(conn.credentials, aad(conn));

  function stateOf(connectionId: string): ConnectionState {
    return {
      async get<T>(key: string) {
        const row = await orm.em.fork().findOne(ConnectionStateEntry, { connectionId, key });
        return row ? { value: row.value as T, fetchedAt: row.fetchedAt } : undefined;
      },
      async put(key, value) {
        await orm.em.fork().upsert(ConnectionStateEntry, { connectionId, key, value: storableValue(value ?? null), fetchedAt: new Date() });
      },
      async delete(key) {
        await orm.em.fork().nativeDelete(ConnectionStateEntry, { connectionId, key });
      },
    };
  }

  async function hookUrlOf(connectionId: string): Promise<string | null> {
    const endpoint = await orm.em.fork().findOne(HookEndpoint, { connectionId, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
    return endpoint ? hookUrlFor(deps.config.PUBLIC_URL, endpoint.token) : null;
  }

  /**
   * Runs the plugin's refresh with the connection locked across processes: whoever comes second
   * finds the version moved on and takes the stored credentials instead of spending the refresh
   * token again. The remote call is made while the lock is held, so it stays bounded by its timeout.
   */
  async function refreshOnce(conn: IConnection, staleVersion: number, run: () => Promise<Record<string, unknown>>) {
    const def = definition(conn.plugin);
    forgetNodeConnection(conn.id);
    try {
      return await orm.em.fork().transactional(async (em) => {
        await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`connection:${conn.id}`]);
        const row = await em.findOneOrFail(Connection, { id: conn.id }, { refresh: true });
        if (row.credentialsVersion !== staleVersion) return { credentials: decrypt(row), version: row.credentialsVersion };
        const next = def.schema.parse(await run()) as Record<string, unknown>;
        row.credentials = secretBox.encryptJson(next, aad(row));
        row.credentialsVersion += 1;
        row.status = 'ok';
        row.lastError = null;
        return { credentials: next, version: row.credentialsVersion };
      });
    } catch (err) {
      const message = err instanceof AppError ? err.message : `Не удалось обновить доступ: ${coerceError(err).message}`;
      await orm.em.fork().nativeUpdate(Connection, { id: conn.id }, { status: 'error', lastError: message, lastCheckedAt: new Date() });
      throw err;
    }
  }

  /** The ConnectionContext of a connection row (credentials decrypted now). */
  async function contextOf(conn: IConnection, opts: { signal?: AbortSignal; logger?: Logger; credentials?: Record<string, unknown>; hookUrl?: string | null } = {}): Promise<ConnectionContext<any>> {
    const def = definition(conn.plugin);
    let version = conn.credentialsVersion;
    const signal = opts.signal ?? new AbortController().signal;
    const state = stateOf(conn.id);
    let cachedMetadata: unknown;
    return buildConnectionContext({
      id: conn.id,
      name: conn.name,
      plugin: conn.plugin,
      def,
      credentials: opts.credentials ?? decrypt(conn),
      http: createHttpClient({ egress: deps.egress, signal }),
      limiter,
      state,
      signal,
      logger: opts.logger ?? deps.logger.child({ connectionId: conn.id, plugin: conn.plugin }),
      hookUrl: opts.hookUrl !== undefined ? opts.hookUrl : await hookUrlOf(conn.id),
      async refresh(_stale, run) {
        const result = await refreshOnce(conn, version, run);
        version = result.version;
        return result.credentials;
      },
      async metadata(load) {
        if (cachedMetadata !== undefined) return cachedMetadata;
        const stored = await state.get(METADATA_KEY);
        if (stored) return (cachedMetadata = stored.value);
        cachedMetadata = await load();
        await state.put(METADATA_KEY, cachedMetadata);
        return cachedMetadata;
      },
    });
  }

  /** A context whose credentials are fresh: refreshed first when the plugin says they are due. */
  async function freshContextOf(conn: IConnection, opts: { signal?: AbortSignal; logger?: Logger; hookUrl?: string | null } = {}) {
    const ctx = await contextOf(conn, opts);
    const refresh = definition(conn.plugin).refresh;
    if (refresh?.due(ctx.credentials)) await ctx.refreshCredentials();
    return ctx;
  }

  /**
   * The connection rows nodes name, kept for a moment: every run of a busy rule asks for the same
   * one, once per node. A credentials refresh anywhere is still seen (a stale pair gets a 401, and
   * refreshOnce hands over the stored one); a deleted connection stops being used within the TTL.
   */
  const NODE_CONNECTION_TTL_MS = 2000;
  const nodeConnections = new Map<string, { at: number; value: Promise<{ conn: IConnection; hookUrl: string | null } | null> }>();
  const forgetNodeConnection = (connectionId: string) => {
    for (const key of nodeConnections.keys()) if (key.endsWith(`:${connectionId}`)) nodeConnections.delete(key);
  };

  function nodeConnection(tenantId: string, plugin: string, connectionId: string) {
    const key = `${tenantId}:${plugin}:${connectionId}`;
    const hit = nodeConnections.get(key);
    if (hit && Date.now() - hit.at < NODE_CONNECTION_TTL_MS) return hit.value;
    const value = (async () => {
      const conn = await orm.em.fork().findOne(Connection, { id: connectionId, tenant: tenantId, plugin });
      return conn ? { conn, hookUrl: await hookUrlOf(conn.id) } : null;
    })();
    if (nodeConnections.size > 5000) nodeConnections.clear();
    nodeConnections.set(key, { at: Date.now(), value });
    value.catch(() => nodeConnections.get(key)?.value === value && nodeConnections.delete(key));
    return value;
  }

  /**
   * The context of the connection a node names, of this tenant and plugin only; null when it is
   * gone (the caller turns that into a Russian error naming the step).
   */
  async function contextForNode(tenantId: string, plugin: string, connectionId: string, opts: { signal?: AbortSignal; logger?: Logger } = {}) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(connectionId)) return null;
    const found = await nodeConnection(tenantId, plugin, connectionId);
    if (!found) return null;
    const { conn, hookUrl } = found;
    if (conn.status === 'pending') {
      throw new UserError('CONNECTION_NOT_AUTHORIZED', `Подключение «${conn.name}» ещё не авторизовано: завершите вход в «Настройках»`);
    }
    return freshContextOf(conn, { ...opts, hookUrl });
  }

  return { definition, decrypt, stateOf, hookUrlOf, contextOf, freshContextOf, contextForNode, forgetNodeConnection, limiter };
}

export type ConnectionRuntime = ReturnType<typeof createConnectionRuntime>;
