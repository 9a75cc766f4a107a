import { jobSpecSql } from '../queue/jobs.ts';

/**
 * Run control statements. Each is ONE statement, so the run's new state and its job are
 * committed together: a crash can never leave a queued run without a job, or a job for a run
 * that stayed as it was.
 */

/**
 * Resumes a failed run at its failed step with a fresh budget of attempts. Attempts keep counting
 * (the header and the steps show the same numbers); the budget grows by the rule's setting.
 */
export const retryRunSql = (slots: number) => `
  with u as (
    update run r set status = 'queued', error_code = null, error_message = null, finished_at = null, verdict = null, summary = null, next_attempt_at = null,
           max_attempts = r.attempts + w.max_attempts, job_key = 'run:' || r.id
      from workflow w
     where w.id = r.workflow_id and r.id = $1 and r.tenant_id = $2 and r.status = 'failed'
    returning r.id, r.workflow_id, r.tenant_id
  ), j as (
    select count(*) as n from graphile_worker.add_jobs(array(
      select ${jobSpecSql('execute-run', { payload: "json_build_object('runId', id)", key: "'run:' || id", tenant: { expr: 'tenant_id::text', slots } })} from u))
  )
  select workflow_id as "workflowId", (select n from j)::int as jobs from u`;

/** Cancels a queued or running run and withdraws its pending job (a running job sees the status and stops). */
export const CANCEL_RUN_SQL = `
  with u as (
    update run set status = 'cancelled', finished_at = now(), error_code = 'CANCELLED', error_message = 'Отменён пользователем',
           verdict = 'cancelled', summary = 'Отменён пользователем', next_attempt_at = null
     where id = $1 and tenant_id = $2 and status in ('queued', 'running')
    returning id, workflow_id, job_key
  ), j as (
    select graphile_worker.remove_job(job_key) from u where job_key like 'run:%'
  )
  select workflow_id as "workflowId", (select count(*) from j)::int as removed from u`;
