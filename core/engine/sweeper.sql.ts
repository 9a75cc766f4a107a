import { jobSpecSql } from '../queue/jobs.ts';

/**
 * The backstop behind "every acknowledged event has a fate": events and runs whose job is gone
 * (completed by a bug, failed for good, removed by hand) are given a new job, or failed once they
 * have been swept too often. Liveness is read from graphile-worker's public `jobs` view through
 * the job key each event and run records. $1: grace in seconds, $2: sweeps before failing.
 */
export const sweepEventsSql = (slots: number) => `
  with orphan as (
    select e.id, e.tenant_id, e.sweeps from inbound_event e
     where e.status = 'queued' and e.received_at < now() - make_interval(secs => $1)
       and not exists (select 1 from graphile_worker.jobs j where j.key = e.job_key and j.attempts < j.max_attempts)
     order by e.received_at
     limit 500
       for update of e skip locked
  ), failed as (
    update inbound_event e set status = 'failed', processed_at = now(),
           reason = 'Событие не удалось обработать: задание обработки потеряно несколько раз'
      from orphan o where e.id = o.id and o.sweeps >= $2
    returning e.id
  ), requeued as (
    update inbound_event e set sweeps = e.sweeps + 1, job_key = 'dispatch:sweep:' || e.id
      from orphan o where e.id = o.id and o.sweeps < $2
    returning e.id, e.job_key, e.tenant_id
  ), jobs as (
    select count(*) as n from graphile_worker.add_jobs(array(
      select ${jobSpecSql('dispatch-events', { payload: "json_build_object('eventIds', json_build_array(id))", key: 'job_key', tenant: { expr: 'tenant_id::text', slots } })} from requeued))
  )
  select (select count(*) from failed)::int as failed, (select count(*) from requeued)::int as requeued, (select n from jobs)::int as jobs`;

export const sweepRunsSql = (slots: number) => `
  with orphan as (
    select r.id, r.sweeps from run r
      left join inbound_event e on e.id = r.event_id
     where r.status in ('queued', 'running') and coalesce(r.started_at, r.created_at) < now() - make_interval(secs => $1)
       and not exists (select 1 from graphile_worker.jobs j where j.key = coalesce(r.job_key, e.job_key) and j.attempts < j.max_attempts)
     order by r.created_at
     limit 500
       for update of r skip locked
  ), failed as (
    update run r set status = 'failed', finished_at = now(), error_code = 'RUN_LOST', verdict = 'failed', summary = 'Задание обработки терялось несколько раз',
           error_message = 'Запуск остановлен: задание его обработки терялось несколько раз. Его можно повторить.'
      from orphan o where r.id = o.id and o.sweeps >= $2
    returning r.id
  ), requeued as (
    update run r set sweeps = r.sweeps + 1, job_key = 'run:' || r.id
      from orphan o where r.id = o.id and o.sweeps < $2
    returning r.id, r.tenant_id
  ), jobs as (
    select count(*) as n from graphile_worker.add_jobs(array(
      select ${jobSpecSql('execute-run', { payload: "json_build_object('runId', id)", key: "'run:' || id", tenant: { expr: 'tenant_id::text', slots } })} from requeued))
  )
  select (select count(*) from failed)::int as failed, (select count(*) from requeued)::int as requeued, (select n from jobs)::int as jobs`;
