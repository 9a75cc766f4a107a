import { jobSpecSql } from '../queue/jobs.ts';

/**
 * Hot path, hand-written: runs and their trigger steps for a whole batch of events, and every
 * event's fate, in ONE statement (one commit per ingest batch instead of several per run). Runs
 * are born `running` (attempt 1) for the worker that dispatched them, or `queued` for a replay,
 * in which case the statement also adds the `execute-run` job of each new run: run and job are
 * committed together or not at all.
 */
export const createRunsSql = (slots: number) => `
  with input as (
    select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
      as r(id, tenant_id, workflow_id, version_id, event_id, key, max_attempts, out, node_id, node_type, step_out)
  ), runs as (
    insert into run (id, tenant_id, workflow_id, version_id, event_id, dispatch_key, status, attempts, max_attempts, trigger_output, replay_of, started_at, job_key)
    select id, tenant_id, workflow_id, version_id, event_id, key, $12, case when $12 = 'running' then 1 else 0 end, max_attempts, out::jsonb,
           case when $12 = 'queued' then event_id end, case when $12 = 'running' then now() end,
           case when $12 = 'queued' then 'run:' || id end
      from input
    on conflict (dispatch_key) do nothing
    returning id, tenant_id
  ), steps as (
    insert into step (tenant_id, run_id, seq, node_id, node_type, status, attempt, output, branch, started_at, finished_at)
    select i.tenant_id, i.id, 1, i.node_id, i.node_type, 'succeeded', 1, i.step_out::jsonb, 'out', now(), now()
      from input i join runs using (id)
  ), fates as (
    update inbound_event e set status = f.status, reason = f.reason, processed_at = now(), summary = f.summary
      from unnest($13::uuid[], $14::text[], $15::text[], $16::text[]) as f(id, status, reason, summary)
     where e.id = f.id and e.status = 'queued'
  ), jobs as (
    select count(*) as n from graphile_worker.add_jobs(array(
      select ${jobSpecSql('execute-run', { payload: "json_build_object('runId', id)", key: "'run:' || id", tenant: { expr: 'tenant_id::text', slots } })} from runs where $12 = 'queued'))
  )
  select id, (select n from jobs) as jobs from runs`;

/**
 * The fate of events that cannot be processed (their runs could not be stored, or they crashed
 * the worker): failed with the reason, and so are the unfinished runs they already started.
 */
export const FAIL_EVENTS_SQL = `
  with e as (
    update inbound_event set status = 'failed', reason = $2, processed_at = now()
     where id = any($1::uuid[]) and status = 'queued'
    returning id
  ), r as (
    update run set status = 'failed', error_code = 'RUN_ABORTED', error_message = $2, finished_at = now(), verdict = 'failed', summary = left($2, 200)
     where event_id = any($1::uuid[]) and replay_of is null and status in ('queued', 'running')
    returning id
  )
  select (select count(*) from e)::int as events, (select count(*) from r)::int as runs`;

/** One job per event, carrying the crash count of the batch they came from; runs follow their event's key. */
export const splitDispatchSql = (slots: number) => `
  with ev as (
    update inbound_event set job_key = 'dispatch:split:' || id
     where id = any($1::uuid[]) and status in ('queued', 'dispatched')
    returning id, job_key, tenant_id
  )
  select count(*)::int as n from graphile_worker.add_jobs(array(
    select ${jobSpecSql('dispatch-events', { payload: "json_build_object('eventIds', json_build_array(id), 'crashes', $2::int)", key: 'job_key', tenant: { expr: 'tenant_id::text', slots } })} from ev))`;

/**
 * Events with the rules they may start, one row per (event, rule): the rule of a rule's address,
 * or every active rule listening on a connection's address (the partial index on
 * trigger_connection_id finds them). An event of a connection with no listener comes back once,
 * with null rule columns.
 */
export const LOAD_EVENTS_SQL = `
  select e.id, e.tenant_id, e.workflow_id, e.connection_id, e.status, e.method, e.content_type, e.headers, e.query, e.body,
         (select tn.blocked_at is not null from tenant tn where tn.id = e.tenant_id) as tenant_blocked,
         t.workflow_id as t_workflow_id, t.wf_status, t.wf_name, t.max_attempts, t.version_id, t.graph
    from inbound_event e
    left join lateral (
      select w.id as workflow_id, w.status as wf_status, w.name as wf_name, w.max_attempts, v.id as version_id, v.graph
        from workflow w left join workflow_version v on v.id = w.active_version_id
       where w.id = e.workflow_id
      union all
      select w.id, w.status, w.name, w.max_attempts, v.id, v.graph
        from workflow w join workflow_version v on v.id = w.active_version_id
       where e.connection_id is not null and w.trigger_connection_id = e.connection_id and w.tenant_id = e.tenant_id and w.status = 'active'
    ) t on true
   where e.id = any($1::uuid[])`;

/** Runs of events dispatched by an earlier attempt of the same job, still to finish. */
export const UNFINISHED_RUNS_SQL = `
  select id from run where event_id = any($1::uuid[]) and replay_of is null and status in ('queued', 'running')`;

/** Events of a blocked tenant wait: a new job comes back for them later (nothing is lost). */
export const postponeEventsSql = (slots: number) => `
  with ev as (
    update inbound_event set job_key = 'dispatch:paused:' || $2::text
     where id = any($1::uuid[]) and status = 'queued'
    returning id, tenant_id
  ), grouped as (
    select tenant_id, array_agg(id) as ids, 'dispatch:paused:' || $2::text as job_key from ev group by tenant_id
  )
  select count(*)::int as n from graphile_worker.add_jobs(array(
    select ${jobSpecSql('dispatch-events', { payload: "json_build_object('eventIds', ids)", key: 'job_key', runAt: "now() + make_interval(secs => $3)", tenant: { expr: 'tenant_id::text', slots } })} from grouped))`;
