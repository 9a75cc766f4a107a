import type { MikroORM } from '@mikro-orm/postgresql';
import type { PluginRegistry } from '../../plugins/plugin-registry.ts';
import { NotFoundError, UserError } from '../../sdk/errors.ts';
import type { ConnectionRuntime } from '../connections/connection-runtime.ts';
import type { ConnectionService } from '../connections/connection.service.ts';
import { Connection } from '../connections/connection.entity.ts';
import type { ConnectionView } from '../connections/connection-view.ts';
import { Tenant } from '../tenants/tenant.entity.ts';
import type { AdminActor, AdminAudit } from './admin-audit.ts';
import { LPTRACKER_PLUGIN } from './admin-read.sql.ts';
import type { CredentialsProbe } from './credentials-probe.ts';

/** The one LPTracker connection of a tenant is called so (users see it in «Настройки»). */
export const LPTRACKER_CONNECTION_NAME = 'LPTracker';

export interface LptrackerCredentialsInput {
  login: string;
  password: string;
  service: string;
  baseUrl?: string;
}

/**
 * LPTracker credentials are bound to a tenant by a platform admin, never entered by its users:
 * one connection per tenant, created, replaced, tested and removed here on the admin's behalf
 * (`byAdmin`), while the tenant's own API refuses to change it.
 */
export function createLptrackerBinding(deps: {
  orm: MikroORM;
  registry: PluginRegistry;
  runtime: ConnectionRuntime;
  connections: ConnectionService;
  probe: CredentialsProbe;
  audit: AdminAudit;
}) {
  const { orm, connections, audit } = deps;

  async function tenantName(tenantId: string): Promise<string> {
    const tenant = await orm.em.fork().findOne(Tenant, { id: tenantId });
    if (!tenant) throw new NotFoundError('Пространство не найдено', 'TENANT_NOT_FOUND');
    return tenant.name;
  }

  function requireInstalled(): void {
    if (!deps.registry.plugin(LPTRACKER_PLUGIN)?.connection) {
      throw new UserError('LPTRACKER_NOT_INSTALLED', 'Модуль LPTracker не установлен на этой платформе', { status: 409 });
    }
  }

  const current = (tenantId: string) =>
    orm.em.fork().findOne(Connection, { tenant: tenantId, plugin: LPTRACKER_PLUGIN }, { orderBy: { createdAt: 'asc' } });

  async function bound(tenantId: string, name: string) {
    const conn = await current(tenantId);
    if (!conn) throw new NotFoundError(`LPTracker не привязан к пространству «${name}»`, 'LPTRACKER_NOT_BOUND');
    return conn;
  }

  /** The plugin's schema with its Russian messages, before anything is sent anywhere. */
  function parse(input: LptrackerCredentialsInput): Record<string, unknown> {
    const result = deps.runtime.definition(LPTRACKER_PLUGIN).schema.safeParse(input);
    if (!result.success) {
      const fields = Object.fromEntries(result.error.issues.map((i: { path: PropertyKey[]; message: string }) => [i.path.join('.'), i.message]));
      throw new UserError('CREDENTIALS_INVALID', 'Проверьте данные подключения', { details: { fields } });
    }
    return result.data as Record<string, unknown>;
  }

  /**
   * Binds, or replaces the credentials of the existing binding. The login is tried first: when
   * it fails the admin gets 422 with the reason and nothing changes (no new connection, the old
   * credentials stay and keep working).
   */
  async function bind(actor: AdminActor, tenantId: string, input: LptrackerCredentialsInput): Promise<{ view: ConnectionView; created: boolean }> {
    const name = await tenantName(tenantId);
    requireInstalled();
    const credentials = parse(input);
    const existing = await current(tenantId);
    let account: string;
    try {
      account = (await deps.probe(LPTRACKER_PLUGIN, LPTRACKER_CONNECTION_NAME, credentials)).account;
    } catch (err) {
      await audit(actor, {
        tenantId,
        level: 'warn',
        message: `Администратор ${actor.email} не смог ${existing ? 'заменить учётные данные LPTracker' : 'привязать LPTracker'} для пространства «${name}»: ${(err as Error).message}`,
      });
      throw err;
    }
    let view: ConnectionView;
    if (existing) {
      // A replacement, not a merge: fields the new credentials lack (a stored token, an old
      // baseUrl) must not outlive the account they belonged to.
      const cleared = Object.fromEntries(Object.keys(deps.runtime.decrypt(existing)).map((k) => [k, undefined]));
      view = await connections.update(tenantId, existing.id, { credentials: { ...cleared, ...credentials } }, { byAdmin: true });
    } else {
      view = await connections.create(tenantId, { plugin: LPTRACKER_PLUGIN, name: LPTRACKER_CONNECTION_NAME, credentials }, { byAdmin: true });
    }
    await audit(actor, {
      tenantId,
      message: existing
        ? `Администратор ${actor.email} заменил учётные данные LPTracker пространства «${name}» (аккаунт: ${account})`
        : `Администратор ${actor.email} привязал LPTracker к пространству «${name}» (аккаунт: ${account})`,
      context: { connectionId: view.id, account },
    });
    return { view, created: !existing };
  }

  async function test(actor: AdminActor, tenantId: string): Promise<ConnectionView> {
    const name = await tenantName(tenantId);
    const conn = await bound(tenantId, name);
    const view = await connections.test(tenantId, conn.id);
    const ok = view.status === 'ok';
    await audit(actor, {
      tenantId,
      level: ok ? 'info' : 'warn',
      message: ok
        ? `Администратор ${actor.email} проверил подключение LPTracker пространства «${name}»: работает`
        : `Администратор ${actor.email} проверил подключение LPTracker пространства «${name}»: ошибка — ${view.lastError ?? 'причина неизвестна'}`,
      context: { connectionId: conn.id, status: view.status },
    });
    return view;
  }

  async function unbind(actor: AdminActor, tenantId: string): Promise<void> {
    const name = await tenantName(tenantId);
    const conn = await bound(tenantId, name);
    await connections.remove(tenantId, conn.id, { byAdmin: true });
    await audit(actor, {
      tenantId,
      message: `Администратор ${actor.email} отвязал LPTracker от пространства «${name}»`,
      context: { connectionId: conn.id },
    });
  }

  return { bind, test, unbind };
}

export type LptrackerBinding = ReturnType<typeof createLptrackerBinding>;
