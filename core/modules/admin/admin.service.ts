import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { PAUSE_SECONDS } from '../../engine/dispatcher.ts';
import { ConflictError, NotFoundError } from '../../sdk/errors.ts';
import type { ConnectionService } from '../connections/connection.service.ts';
import { Connection } from '../connections/connection.entity.ts';
import type { ConnectionRuntime } from '../connections/connection-runtime.ts';
import type { ConnectionView } from '../connections/connection-view.ts';
import type { RunQueries } from '../runs/run-query.service.ts';
import { Tenant, type ITenant } from '../tenants/tenant.entity.ts';
import { User } from '../users/user.entity.ts';
import type { AdminActor, AdminAudit } from './admin-audit.ts';
import { likePattern, LPTRACKER_PLUGIN, RESUME_TENANT_SQL, TENANT_LIST, USER_LIST } from './admin-read.sql.ts';
import type { AdminRecentRun, AdminTenantDetail, AdminTenantRow, AdminTenantSummary, AdminUserRow } from './admin.types.ts';

const RECENT_RUNS = 20;
/** What the admin's binding form shows again (the password and the session token never). */
const LPTRACKER_SETTINGS = ['login', 'service', 'baseUrl'];
/** One lock for every role change: two admins demoting each other at once cannot leave none. */
const ROLE_LOCK = 727_276;

export interface Page {
  limit: number;
  offset: number;
}

const tenantNotFound = () => new NotFoundError('Пространство не найдено', 'TENANT_NOT_FOUND');
const userNotFound = () => new NotFoundError('Пользователь не найден', 'USER_NOT_FOUND');

export const summaryOf = (t: ITenant): AdminTenantSummary => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  blocked: t.blockedAt ? { at: t.blockedAt, reason: t.blockedReason ?? null } : null,
});

/**
 * What a platform admin sees and does across tenants: the tenants and users lists, a tenant's
 * card, roles, blocking. Every change is written to the operation log with the admin's email.
 */
export function createAdminService(deps: { orm: MikroORM; pool: pg.Pool; connections: ConnectionService; runtime: ConnectionRuntime; runQueries: RunQueries; audit: AdminAudit }) {
  const { orm, pool, audit } = deps;

  async function loadTenant(tenantId: string) {
    const em = orm.em.fork();
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant) throw tenantNotFound();
    return { em, tenant };
  }

  /**
   * A plain offset page: the platform has thousands of tenants at most and the admin pages them
   * by number, so these lists need none of the keyset paging of the (huge) log lists.
   */
  async function page<T>(sql: typeof TENANT_LIST, q: string | undefined, p: Page): Promise<{ items: T[]; total: number }> {
    const args = [likePattern(q)];
    const [items, count] = await Promise.all([
      pool.query(`select ${sql.select} from ${sql.from} where ${sql.where} order by ${sql.orderBy} limit $2 offset $3`, [...args, p.limit, p.offset]),
      pool.query<{ n: number }>(`select count(*)::int as n from ${sql.from} where ${sql.where}`, args),
    ]);
    return { items: items.rows as T[], total: count.rows[0]!.n };
  }

  const listTenants = (q: string | undefined, p: Page) => page<AdminTenantRow>(TENANT_LIST, q, p);
  const listUsers = (q: string | undefined, p: Page) => page<AdminUserRow>(USER_LIST, q, p);

  /**
   * Tenant users never see an admin-bound connection's values; the admin who binds it does, so
   * the form can be filled in again for a replacement.
   */
  async function withAdminSettings(view: ConnectionView): Promise<ConnectionView> {
    const conn = await orm.em.fork().findOne(Connection, { id: view.id });
    let credentials: Record<string, unknown> = {};
    try {
      credentials = conn ? deps.runtime.decrypt(conn) : {};
    } catch {
      // Unreadable credentials: the view already says so (status error); the form starts empty.
    }
    const settings = Object.fromEntries(LPTRACKER_SETTINGS.flatMap((k) => (typeof credentials[k] === 'string' && credentials[k] ? [[k, credentials[k] as string]] : [])));
    return { ...view, settings };
  }

  async function tenantDetail(tenantId: string): Promise<AdminTenantDetail> {
    const { em, tenant } = await loadTenant(tenantId);
    const [users, connections, runs] = await Promise.all([
      em.find(User, { tenant: tenantId }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      deps.connections.list(tenantId),
      deps.runQueries.listRuns(tenantId, { limit: RECENT_RUNS, offset: 0 }),
    ]);
    const lptracker = connections.find((c) => c.plugin === LPTRACKER_PLUGIN);
    return {
      ...summaryOf(tenant),
      users: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, lastLoginAt: u.lastLoginAt ?? null, createdAt: u.createdAt })),
      connections,
      lptracker: lptracker ? await withAdminSettings(lptracker) : null,
      recentRuns: runs.items.map((r): AdminRecentRun => ({
        id: r.id, workflowId: r.workflowId, workflowName: r.workflowName, status: r.status,
        createdAt: r.createdAt, finishedAt: r.finishedAt ?? null, error: r.error ?? null,
      })),
    };
  }

  /** Promotes or demotes; the platform never ends up without an admin. */
  async function setRole(actor: AdminActor, userId: string, role: 'admin' | 'member'): Promise<AdminUserRow> {
    const outcome = await orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [ROLE_LOCK]);
      const user = await em.findOne(User, { id: userId }, { populate: ['tenant'] });
      if (!user) throw userNotFound();
      const changed = user.role !== role;
      if (changed && role === 'member' && (await em.count(User, { role: 'admin' })) <= 1) {
        throw new ConflictError(
          'LAST_ADMIN',
          user.id === actor.id
            ? 'Вы последний администратор платформы: сначала назначьте администратором другого пользователя'
            : 'Нельзя снять права с последнего администратора платформы',
        );
      }
      user.role = role;
      await em.flush();
      return { user, changed };
    });
    const { user } = outcome;
    if (outcome.changed) {
      const self = user.id === actor.id;
      await audit(actor, {
        tenantId: user.tenant.id,
        message: role === 'admin'
          ? `Администратор ${actor.email} назначил пользователя ${user.email} администратором платформы`
          : self
            ? `Администратор ${actor.email} снял с себя права администратора платформы`
            : `Администратор ${actor.email} снял права администратора платформы с пользователя ${user.email}`,
        context: { userId: user.id, role },
      });
    }
    return {
      id: user.id, email: user.email, name: user.name, role: user.role, lastLoginAt: user.lastLoginAt ?? null, createdAt: user.createdAt,
      tenant: { id: user.tenant.id, name: user.tenant.name, blocked: Boolean(user.tenant.blockedAt) },
    };
  }

  /** Webhooks answer 423 and runs wait (see ingest and the engine); nothing stored is dropped. */
  async function block(actor: AdminActor, tenantId: string, reason: string): Promise<AdminTenantSummary> {
    const { em, tenant } = await loadTenant(tenantId);
    tenant.blockedAt ??= new Date();
    tenant.blockedReason = reason;
    await em.flush();
    await audit(actor, {
      tenantId,
      level: 'warn',
      message: `Администратор ${actor.email} заблокировал пространство «${tenant.name}»: ${reason}`,
      context: { reason },
    });
    return summaryOf(tenant);
  }

  async function unblock(actor: AdminActor, tenantId: string): Promise<AdminTenantSummary> {
    const { em, tenant } = await loadTenant(tenantId);
    if (!tenant.blockedAt) return summaryOf(tenant);
    tenant.blockedAt = null;
    tenant.blockedReason = null;
    await em.flush();
    const { rows } = await pool.query<{ n: number }>(RESUME_TENANT_SQL, [tenantId, PAUSE_SECONDS]);
    await audit(actor, {
      tenantId,
      message: `Администратор ${actor.email} разблокировал пространство «${tenant.name}»`,
      context: { resumedJobs: rows[0]?.n ?? 0 },
    });
    return summaryOf(tenant);
  }

  return { loadTenant, listTenants, listUsers, tenantDetail, setRole, block, unblock };
}

export type AdminService = ReturnType<typeof createAdminService>;
