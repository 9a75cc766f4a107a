import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { secretAad, type SecretBox } from '../../crypto/secret-box.ts';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import type { OptionItem } from '../../sdk/connection.ts';
import { AppError, coerceError, ConflictError, ForbiddenError, NotFoundError, UserError } from '../../sdk/errors.ts';
import type { OpLog } from '../logs/op-log.service.ts';
import { newHookToken } from '../workflows/hook-token.ts';
import { HookEndpoint } from '../workflows/workflow.entity.ts';
import { Connection, type IConnection } from './connection.entity.ts';
import { METADATA_KEY, type ConnectionRuntime } from './connection-runtime.ts';
import { secretFieldsOf, toView, type ConnectionView } from './connection-view.ts';

const TEST_TIMEOUT_MS = 20_000;

/** Connections of a tenant: CRUD, the remote test, metadata and option lists. Credentials never leave. */
export function createConnectionService(deps: { orm: MikroORM; secretBox: SecretBox; registry: PluginRegistry; opLog: OpLog; runtime: ConnectionRuntime }) {
  const { orm, secretBox, registry, opLog, runtime } = deps;
  const log = (tenantId: string, level: 'info' | 'warn', message: string, connectionId: string) =>
    opLog.write({ tenantId, level, source: 'connection', message, context: { connectionId } });

  const parseCredentials = (plugin: string, credentials: unknown): Record<string, unknown> => {
    const result = runtime.definition(plugin).schema.safeParse(credentials);
    if (!result.success) {
      const fields = Object.fromEntries(result.error.issues.map((i: { path: PropertyKey[]; message: string }) => [`credentials.${i.path.join('.')}`, i.message]));
      throw new UserError('CREDENTIALS_INVALID', 'Проверьте данные подключения', { details: { fields } });
    }
    return result.data as Record<string, unknown>;
  };

  async function view(conn: IConnection): Promise<ConnectionView> {
    const def = registry.plugin(conn.plugin)?.connection;
    let credentials: Record<string, unknown> | null = null;
    let broken: string | null = null;
    try {
      credentials = runtime.decrypt(conn);
    } catch (err) {
      // A record no key can open (a key removed, a row tampered with) must not hide the others.
      broken = `Учётные данные не читаются: ${(err as Error).message}. Введите их заново.`;
    }
    const meta = def?.metadata ? await runtime.stateOf(conn.id).get(METADATA_KEY) : undefined;
    const v = toView(conn, {
      credentials,
      secretFields: secretFieldsOf(registry, conn.plugin),
      hookUrl: await runtime.hookUrlOf(conn.id),
      metadata: meta ? { fetchedAt: meta.fetchedAt, summary: safeSummary(conn.plugin, meta.value) } : null,
      oauthPending: Boolean(credentials && def?.oauth?.pending(credentials)),
      adminBound: Boolean(def?.adminBound),
    });
    return broken ? { ...v, status: 'error', lastError: broken } : v;
  }

  function safeSummary(plugin: string, metadata: unknown) {
    try {
      return registry.plugin(plugin)?.connection?.metadata?.summary?.(metadata) ?? [];
    } catch {
      return [];
    }
  }

  async function load(tenantId: string, id: string) {
    const em = orm.em.fork();
    const conn = await em.findOne(Connection, { id, tenant: tenantId });
    if (!conn) throw new NotFoundError('Подключение не найдено');
    return { em, conn };
  }

  /** Admin-bound connections are read-only for the tenant (issue: LPTracker bound by a platform admin). */
  function assertEditable(plugin: string, byAdmin: boolean) {
    if (registry.plugin(plugin)?.connection?.adminBound && !byAdmin) {
      throw new ForbiddenError('Это подключение настраивает администратор платформы', 'CONNECTION_ADMIN_BOUND');
    }
  }

  async function list(tenantId: string, plugin?: string): Promise<ConnectionView[]> {
    const rows = await orm.em.fork().find(Connection, { tenant: tenantId, ...(plugin ? { plugin } : {}) }, { orderBy: { createdAt: 'asc' } });
    return Promise.all(rows.map(view));
  }

  async function get(tenantId: string, id: string): Promise<ConnectionView> {
    return view((await load(tenantId, id)).conn);
  }

  /**
   * Stores the credentials, gives the connection its webhook address (if the plugin receives
   * webhooks), then tests them and loads the metadata: the view says how that went.
   */
  async function create(tenantId: string, input: { plugin: string; name: string; credentials: unknown }, opts: { byAdmin?: boolean } = {}): Promise<ConnectionView> {
    assertEditable(input.plugin, Boolean(opts.byAdmin));
    const credentials = parseCredentials(input.plugin, input.credentials);
    const id = randomUUID();
    const pending = Boolean(runtime.definition(input.plugin).oauth?.pending(credentials));
    try {
      await orm.em.fork().transactional(async (em) => {
        em.create(Connection, {
          id, tenant: tenantId, plugin: input.plugin, name: input.name,
          credentials: secretBox.encryptJson(credentials, secretAad(tenantId, id)), status: pending ? 'pending' : 'unknown',
        });
        await em.flush();
        if (registry.plugin(input.plugin)?.webhook) em.create(HookEndpoint, { tenantId, connectionId: id, token: newHookToken() });
      });
    } catch (err) {
      if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError('CONNECTION_EXISTS', 'Подключение с таким названием уже есть');
      throw err;
    }
    await log(tenantId, 'info', `Добавлено подключение «${input.name}» (${registry.plugin(input.plugin)?.title ?? input.plugin})`, id);
    return pending ? get(tenantId, id) : test(tenantId, id);
  }

  async function update(tenantId: string, id: string, input: { name?: string; credentials?: Record<string, unknown> }, opts: { byAdmin?: boolean } = {}): Promise<ConnectionView> {
    const { em, conn } = await load(tenantId, id);
    assertEditable(conn.plugin, Boolean(opts.byAdmin));
    if (input.name) conn.name = input.name;
    let retest = false;
    if (input.credentials) {
      // Fields left out keep their stored values: the UI never receives secrets to send back.
      const merged = parseCredentials(conn.plugin, { ...runtime.decrypt(conn), ...input.credentials });
      conn.credentials = secretBox.encryptJson(merged, secretAad(tenantId, id));
      conn.credentialsVersion += 1;
      conn.status = runtime.definition(conn.plugin).oauth?.pending(merged) ? 'pending' : 'unknown';
      conn.lastError = null;
      retest = conn.status !== 'pending';
      await log(tenantId, 'info', `Изменены учётные данные подключения «${conn.name}»`, id);
    }
    await em.flush();
    runtime.forgetNodeConnection(id);
    return retest ? test(tenantId, id) : view(conn);
  }

  async function remove(tenantId: string, id: string, opts: { byAdmin?: boolean } = {}): Promise<void> {
    const { em, conn } = await load(tenantId, id);
    assertEditable(conn.plugin, Boolean(opts.byAdmin));
    await em.remove(conn).flush();
    runtime.forgetNodeConnection(id);
    await log(tenantId, 'info', `Удалено подключение «${conn.name}»`, id);
  }

  /** Tests the credentials remotely; on success records the account and loads the metadata. */
  async function test(tenantId: string, id: string): Promise<ConnectionView> {
    const { em, conn } = await load(tenantId, id);
    const def = runtime.definition(conn.plugin);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TEST_TIMEOUT_MS);
    try {
      if (def.oauth?.pending(runtime.decrypt(conn))) throw new UserError('CONNECTION_NOT_AUTHORIZED', 'Подключение ещё не авторизовано: нажмите «Войти» и разрешите доступ');
      const ctx = await runtime.freshContextOf(conn, { signal: controller.signal });
      const result = await def.test(ctx);
      conn.status = 'ok';
      conn.lastError = null;
      conn.account = result.account;
      conn.accountId = result.accountId ?? null;
      if (def.metadata) await ctx.state.put(METADATA_KEY, await def.metadata.load(ctx));
    } catch (err) {
      conn.status = def.oauth?.pending(runtime.decrypt(conn)) ? 'pending' : 'error';
      conn.lastError = err instanceof AppError ? err.message : `Проверка не удалась: ${coerceError(err).message}`;
      await log(tenantId, 'warn', `Проверка подключения «${conn.name}» не прошла: ${conn.lastError}`, id);
    } finally {
      clearTimeout(timer);
    }
    conn.lastCheckedAt = new Date();
    await em.flush();
    runtime.forgetNodeConnection(id);
    return view(conn);
  }

  async function metadata(tenantId: string, id: string): Promise<{ metadata: unknown; fetchedAt: Date | null }> {
    const { conn } = await load(tenantId, id);
    if (!runtime.definition(conn.plugin).metadata) throw new UserError('NO_METADATA', 'У этого подключения нет справочников');
    const stored = await runtime.stateOf(conn.id).get(METADATA_KEY);
    return { metadata: stored?.value ?? null, fetchedAt: stored?.fetchedAt ?? null };
  }

  async function refreshMetadata(tenantId: string, id: string): Promise<ConnectionView> {
    const { em, conn } = await load(tenantId, id);
    const def = runtime.definition(conn.plugin);
    if (!def.metadata) throw new UserError('NO_METADATA', 'У этого подключения нет справочников');
    try {
      const ctx = await runtime.freshContextOf(conn);
      await ctx.state.put(METADATA_KEY, await def.metadata.load(ctx));
      conn.status = 'ok';
      conn.lastError = null;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      conn.status = 'error';
      conn.lastError = err.message;
      await em.flush();
      throw err;
    }
    await em.flush();
    await log(tenantId, 'info', `Обновлены справочники подключения «${conn.name}»`, id);
    return view(conn);
  }

  /** A dynamic option list over the cached metadata (loaded on first use). */
  async function options(tenantId: string, id: string, source: string, values: Record<string, string>): Promise<OptionItem[]> {
    const { conn } = await load(tenantId, id);
    const provider = runtime.definition(conn.plugin).options?.[source];
    if (!provider) throw new NotFoundError(`Нет списка «${source}» у этого подключения`, 'OPTIONS_NOT_FOUND');
    const ctx = await runtime.freshContextOf(conn);
    return provider({ metadata: await ctx.metadata(), values });
  }

  return { list, get, create, update, remove, test, metadata, refreshMetadata, options, view, load };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
