/**
 * Retention, hand-written: old rows are deleted in small batches (a long delete would hold locks
 * the hot paths need). Batches walk each tenant through the existing (tenant_id, time) indexes,
 * so no index is added to the ingest's tables for the sake of an hourly job. $1: tenant, $2:
 * cutoff, $3: batch size.
 */
export const PURGE_RUNS_SQL = `
  with doomed as (
    select id from run
     where tenant_id = $1 and created_at < $2 and status in ('succeeded', 'failed', 'skipped', 'cancelled')
     order by created_at limit $3
  )
  delete from run r using doomed d where r.id = d.id`;

/** Events whose runs are gone or finished; a queued event is never deleted (it has a fate to meet). */
export const PURGE_EVENTS_SQL = `
  with doomed as (
    select e.id from inbound_event e
     where e.tenant_id = $1 and e.received_at < $2 and e.status <> 'queued'
       and not exists (select 1 from run r where r.event_id = e.id and r.status in ('queued', 'running'))
     order by e.received_at limit $3
  )
  delete from inbound_event e using doomed d where e.id = d.id`;

export const PURGE_LOGS_SQL = `
  with doomed as (
    select id from log_entry where tenant_id = $1 and created_at < $2 order by created_at limit $3
  )
  delete from log_entry l using doomed d where l.id = d.id`;

/** Dedupe claims past their window are useless: most rows are, so the scan stops early. */
export const PURGE_DEDUPE_SQL = `
  delete from hook_dedupe where ctid = any(array(select ctid from hook_dedupe where expires_at < now() limit $1))`;

export const PURGE_SESSIONS_SQL = `
  delete from user_session where ctid = any(array(select ctid from user_session where expires_at < now() limit $1))`;
