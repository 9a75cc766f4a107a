/** Takes a queued (or interrupted) run for this attempt: one statement, returns what execution needs. */
export const CLAIM_RUN_SQL = `
  update run r set status = 'running', attempts = r.attempts + 1, started_at = coalesce(r.started_at, now())
    from workflow_version v, workflow w
   where r.id = $1 and r.status in ('queued', 'running') and v.id = r.version_id and w.id = r.workflow_id
   returning r.id, r.tenant_id as "tenantId", r.workflow_id as "workflowId", w.name as "workflowName", r.attempts,
             r.max_attempts as "maxAttempts", r.trigger_output as "triggerOutput", v.graph`;

export const FAIL_RUN_SQL = `
  update run r set status = 'failed', error_code = 'RUN_ABORTED', error_message = $2, finished_at = now()
    from workflow w
   where r.id = $1 and w.id = r.workflow_id and r.status in ('queued', 'running')
   returning r.id, r.tenant_id as "tenantId", r.workflow_id as "workflowId", w.name as "workflowName"`;
