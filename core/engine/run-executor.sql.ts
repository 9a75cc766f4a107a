import { jobSpecSql } from '../queue/jobs.ts';

/**
 * Takes a queued (or interrupted) run for this attempt: one statement, returns what execution
 * needs. A run of a blocked tenant is not taken (see PAUSE_RUN_SQL).
 */
export const CLAIM_RUN_SQL = `
  update run r set status = 'running', attempts = r.attempts + 1, started_at = coalesce(r.started_at, now())
    from workflow_version v, workflow w, tenant t
   where r.id = $1 and r.status in ('queued', 'running') and v.id = r.version_id and w.id = r.workflow_id
     and t.id = r.tenant_id and t.blocked_at is null
   returning r.id, r.tenant_id as "tenantId", r.workflow_id as "workflowId", w.name as "workflowName", r.attempts,
             r.max_attempts as "maxAttempts", v.graph,
             -- A generic webhook's trigger output is the event itself, kept once (see dispatch-plan.ts).
             coalesce(r.trigger_output, (select jsonb_build_object('method', e.method, 'body', e.body, 'headers', e.headers, 'query', e.query)
                                           from inbound_event e where e.id = r.event_id)) as "triggerOutput"`;

export const FAIL_RUN_SQL = `
  update run r set status = 'failed', error_code = 'RUN_ABORTED', error_message = $2, finished_at = now(), verdict = 'failed', summary = left($2, 200)
    from workflow w
   where r.id = $1 and w.id = r.workflow_id and r.status in ('queued', 'running')
   returning r.id, r.tenant_id as "tenantId", r.workflow_id as "workflowId", w.name as "workflowName"`;

/** A run of a blocked tenant waits: its job comes back later, the run stays as it was. */
export const pauseRunSql = (slots: number) => `
  with r as (
    select r.id, r.tenant_id from run r join tenant t on t.id = r.tenant_id
     where r.id = $1 and r.status in ('queued', 'running') and t.blocked_at is not null
  )
  select count(*)::int as n from graphile_worker.add_jobs(array(
    select ${jobSpecSql('execute-run', { payload: "json_build_object('runId', id)", key: "'run:' || id", runAt: 'now() + make_interval(secs => $2)', tenant: { expr: 'tenant_id::text', slots } })} from r))`;
