/**
 * The platform admin's read side, in SQL rather than through entities: every row of the tenants
 * list counts and dates across five tables (users, connections, runs, events, logins), which one
 * statement with correlated subqueries answers on their (tenant_id, created_at) indexes, where the
 * ORM would load each tenant's rows. `$1` is the search pattern (`%…%`, escaped) or null.
 */

/** The plugin a platform admin binds per tenant (its credentials are never entered by users). */
export const LPTRACKER_PLUGIN = 'lptracker';

/** The LPTracker binding of a tenant (one per tenant), for the list. */
const LPTRACKER_OF = (tenantExpr: string) => `(
  select json_build_object('connectionId', c.id, 'status', c.status, 'account', c.account,
                           'lastError', c.last_error, 'lastCheckedAt', c.last_checked_at)
    from connection c where c.tenant_id = ${tenantExpr} and c.plugin = '${LPTRACKER_PLUGIN}'
   order by c.created_at limit 1)`;

export const TENANT_LIST = {
  select: `t.id, t.name, t.created_at as "createdAt",
    case when t.blocked_at is null then null else json_build_object('at', t.blocked_at, 'reason', t.blocked_reason) end as blocked,
    (select count(*) from app_user u where u.tenant_id = t.id)::int as "usersCount",
    (select count(*) from connection c where c.tenant_id = t.id)::int as "connectionsCount",
    (select count(*) from run r where r.tenant_id = t.id and r.created_at > now() - interval '24 hours')::int as "runs24h",
    greatest(
      (select max(r.created_at) from run r where r.tenant_id = t.id),
      (select max(e.received_at) from inbound_event e where e.tenant_id = t.id),
      (select max(u.last_login_at) from app_user u where u.tenant_id = t.id)) as "lastActivityAt",
    ${LPTRACKER_OF('t.id')} as lptracker`,
  from: 'tenant t',
  where: `($1::text is null or t.name ilike $1
    or exists (select 1 from app_user u where u.tenant_id = t.id and u.email ilike $1))`,
  orderBy: 't.created_at desc, t.id',
};

export const USER_LIST = {
  select: `u.id, u.email, u.name, u.role, u.last_login_at as "lastLoginAt", u.created_at as "createdAt",
    json_build_object('id', t.id, 'name', t.name, 'blocked', t.blocked_at is not null) as tenant`,
  from: 'app_user u join tenant t on t.id = u.tenant_id',
  where: '($1::text is null or u.email ilike $1 or u.name ilike $1 or t.name ilike $1)',
  orderBy: 'u.created_at desc, u.id',
};

export const TENANT_USERS_SQL = `
  select id, email, name, role, tenant_role as "tenantRole", last_login_at as "lastLoginAt", created_at as "createdAt"
    from app_user where tenant_id = $1 order by created_at, id`;

/**
 * Unblocking resumes the tenant's paused work at once instead of at its next 15 s look: the jobs
 * of events the dispatcher postponed, and run jobs due within the pause interval (a run paused by
 * the block; a retry due that soon loses at most those seconds of its backoff). `reschedule_jobs`
 * is graphile-worker's public API and leaves locked (running) jobs alone.
 */
export const RESUME_TENANT_SQL = `
  select count(*)::int as n from graphile_worker.reschedule_jobs(array(
    select j.id from graphile_worker.jobs j
     where j.locked_at is null and j.run_at > now()
       and (j.key in (select distinct e.job_key from inbound_event e
                       where e.tenant_id = $1 and e.status = 'queued' and e.job_key like 'dispatch:paused:%')
         or (j.key in (select 'run:' || r.id from run r where r.tenant_id = $1 and r.status in ('queued', 'running'))
             and j.run_at <= now() + make_interval(secs => $2)))
  ), run_at := now())`;

/** `%text%` for ilike, with the pattern characters taken literally. */
export const likePattern = (q: string | undefined): string | null => {
  const s = q?.trim();
  return s ? `%${s.replace(/[\\%_]/g, '\\$&')}%` : null;
};
