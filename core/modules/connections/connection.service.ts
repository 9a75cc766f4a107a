import type { MikroORM } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError, UserError, coerceError, AppError } from '../../sdk/errors.ts';
import type { HttpClient } from '../../sdk/context.ts';
import { secretAad, type SecretBox } from '../../crypto/secret-box.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import { Connection, type IConnection } from './connection.entity.ts';
import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the API shows of a connection: never the credentials. */
export interface ConnectionView {
  id: string;
  plugin: string;
  name: string;
  status: 'unknown' | 'ok' | 'error';
  lastError: string | null;
  lastCheckedAt: Date | null;
  /** Credential field names that are set, so the UI can show «задано» without the values. */
  fields: string[];
  createdAt: Date;
  updatedAt: Date;
}

export function toView(conn: IConnection, fields: string[]): ConnectionView {
  return {
    id: conn.id,
    plugin: conn.plugin,
    name: conn.name,
    status: conn.status,
    lastError: conn.lastError ?? null,
    lastCheckedAt: conn.lastCheckedAt ?? null,
    fields,
    createdAt: conn.createdAt,
    updatedAt: conn.updatedAt,
  };
}

export function createConnectionService(deps: { orm: MikroORM; secretBox: SecretBox; registry: PluginRegistry; opLog: OpLog; http: HttpClient }) {
  const { orm, secretBox, registry, opLog } = deps;

  const definition = (plugin: string) => {
    const def = registry.plugin(plugin)?.connection;
    if (!def) throw new UserError('PLUGIN_HAS_NO_CONNECTION', `Плагин «${plugin}» не поддерживает подключения`);
    return def;
  };

  const parseCredentials = (plugin: string, credentials: unknown): Record<string, unknown> => {
    const result = definition(plugin).schema.safeParse(credentials);
    if (!result.success) {
      const fields = Object.fromEntries(result.error.issues.map((i: { path: PropertyKey[]; message: string }) => [`credentials.${i.path.join('.')}`, i.message]));
      throw new UserError('CREDENTIALS_INVALID', 'Проверьте данные подключения', { details: { fields } });
    }
    return result.data as Record<string, unknown>;
  };

  const decrypt = (conn: IConnection) => secretBox.decryptJson<Record<string, unknown>>(conn.credentials, secretAad(conn.tenant.id, conn.id));
  const fieldsOf = (conn: IConnection) => Object.keys(decrypt(conn));

  async function list(tenantId: string, plugin?: string): Promise<ConnectionView[]> {
    const rows = await orm.em.fork().find(Connection, { tenant: tenantId, ...(plugin ? { plugin } : {}) }, { orderBy: { createdAt: 'asc' } });
    return rows.map((r) => {
      try {
        return toView(r, fieldsOf(r));
      } catch (err) {
        // A record that no key can open (a key was removed, or the row was tampered with) must not
        // hide the others: it is listed as broken, to be re-entered.
        return { ...toView(r, []), status: 'error' as const, lastError: `Учётные данные не читаются: ${(err as Error).message}. Введите их заново.` };
      }
    });
  }

  async function load(tenantId: string, id: string) {
    const em = orm.em.fork();
    const conn = await em.findOne(Connection, { id, tenant: tenantId });
    if (!conn) throw new NotFoundError('Подключение не найдено');
    return { em, conn };
  }

  async function create(tenantId: string, input: { plugin: string; name: string; credentials: unknown }): Promise<ConnectionView> {
    const credentials = parseCredentials(input.plugin, input.credentials);
    const em = orm.em.fork();
    const id = randomUUID();
    const conn = em.create(Connection, {
      id,
      tenant: tenantId,
      plugin: input.plugin,
      name: input.name,
      credentials: secretBox.encryptJson(credentials, secretAad(tenantId, id)),
      status: 'unknown',
    });
    try {
      await em.flush();
    } catch (err) {
      if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError('CONNECTION_EXISTS', 'Подключение с таким названием уже есть');
      throw err;
    }
    await opLog.write({ tenantId, level: 'info', source: 'connection', message: `Добавлено подключение «${input.name}» (${input.plugin})`, context: { connectionId: id } });
    return toView(conn, Object.keys(credentials));
  }

  async function update(tenantId: string, id: string, input: { name?: string; credentials?: Record<string, unknown> }): Promise<ConnectionView> {
    const { em, conn } = await load(tenantId, id);
    if (input.name) conn.name = input.name;
    if (input.credentials) {
      // Fields left out keep their stored values: the UI never receives secrets to send back.
      const merged = parseCredentials(conn.plugin, { ...decrypt(conn), ...input.credentials });
      conn.credentials = secretBox.encryptJson(merged, secretAad(tenantId, id));
      conn.status = 'unknown';
      conn.lastError = null;
      await opLog.write({ tenantId, level: 'info', source: 'connection', message: `Изменены учётные данные подключения «${conn.name}»`, context: { connectionId: id } });
    }
    await em.flush();
    return toView(conn, fieldsOf(conn));
  }

  async function remove(tenantId: string, id: string): Promise<void> {
    const { em, conn } = await load(tenantId, id);
    await em.remove(conn).flush();
    await opLog.write({ tenantId, level: 'info', source: 'connection', message: `Удалено подключение «${conn.name}»`, context: { connectionId: id } });
  }

  async function test(tenantId: string, id: string): Promise<ConnectionView> {
    const { em, conn } = await load(tenantId, id);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 20_000);
    try {
      await definition(conn.plugin).test(decrypt(conn), { http: deps.http, signal: controller.signal });
      conn.status = 'ok';
      conn.lastError = null;
    } catch (err) {
      conn.status = 'error';
      conn.lastError = err instanceof AppError ? err.message : `Проверка не удалась: ${coerceError(err).message}`;
      await opLog.write({ tenantId, level: 'warn', source: 'connection', message: `Проверка подключения «${conn.name}» не прошла: ${conn.lastError}`, context: { connectionId: id } });
    } finally {
      clearTimeout(timer);
    }
    conn.lastCheckedAt = new Date();
    await em.flush();
    return toView(conn, fieldsOf(conn));
  }

  /**
   * Decrypted credentials of the connection a node names, for the engine only (never for the
   * API). Scoped by tenant and plugin: another tenant's id, or one of another plugin, is absent.
   */
  async function credentialsForNode(tenantId: string, plugin: string, connectionId: string): Promise<Record<string, unknown> | null> {
    if (!UUID.test(connectionId)) return null;
    const conn = await orm.em.fork().findOne(Connection, { id: connectionId, tenant: tenantId, plugin });
    return conn ? decrypt(conn) : null;
  }

  return { list, create, update, remove, test, credentialsForNode };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
