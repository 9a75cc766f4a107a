/**
 * Dead-worker recovery through graphile-worker's public surface (pinned to 0.17.3): the
 * `graphile_worker.jobs` view (locked_by, locked_at) and `graphile_worker.force_unlock_workers`.
 * `test/integration/queue/graphile-schema.test.ts` fails if either changes shape.
 *
 * One statement: find workers holding locks for longer than $2 seconds whose heartbeat stopped,
 * unlock their jobs and forget their heartbeats.
 */
export const RECLAIM_DEAD_WORKERS_SQL = `
  with dead as (
    select distinct j.locked_by as id
      from graphile_worker.jobs j
      left join worker_heartbeat h on h.worker_id = j.locked_by
     where j.locked_by is not null and not (j.locked_by = any($1::text[]))
       and j.locked_at < now() - make_interval(secs => $2)
       and (h.seen_at is null or h.seen_at < now() - make_interval(secs => $2))
  ), unlocked as (
    select graphile_worker.force_unlock_workers(array(select id from dead)) where exists (select 1 from dead)
  ), forgotten as (
    delete from worker_heartbeat where worker_id in (select id from dead)
  )
  select (select array_agg(id) from dead) as dead, (select count(*) from unlocked) as n`;
