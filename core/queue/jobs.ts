/**
 * The one place that knows how jobs look: task names, their payloads, attempt limits and keys.
 * Jobs are added from JavaScript (addJobs) and from inside our hot SQL statements (jobSpecSql,
 * so an event or a run is committed together with the job that will process it); both paths take
 * their settings from here.
 */
import type pg from 'pg';

export interface TaskPayloads {
  /**
   * Create the runs of freshly ingested events and execute them in the same job. `crashes`
   * carries how often these events already took their process down (see task-wrapper.ts).
   */
  'dispatch-events': { eventIds: string[]; crashes?: number };
  /** Execute (or resume) one run: retries, replays, runs left behind. */
  'execute-run': { runId: string; crashes?: number };
  /** Find events and runs that no live job will pick up, and give each a fate. */
  'sweep-orphans': Record<string, never>;
  /** Delete what is older than the retention period. */
  'purge-expired': Record<string, never>;
}
export type TaskName = keyof TaskPayloads;

/**
 * graphile-worker's own retries are for infrastructure only (the database went away mid-job):
 * run retries with backoff are decided by the engine and carried by new jobs, so these limits are
 * about how long an outage may last, not about users' errors.
 */
export const TASKS: Record<TaskName, { maxAttempts: number }> = {
  'dispatch-events': { maxAttempts: 20 },
  'execute-run': { maxAttempts: 20 },
  'sweep-orphans': { maxAttempts: 3 },
  'purge-expired': { maxAttempts: 3 },
};

/** The key of the job that executes a run: one pending job per run, re-adding replaces it. */
export const runJobKey = (runId: string) => `run:${runId}`;
/** Dispatch jobs are keyed so events can name the job responsible for them (see the sweeper). */
export const dispatchJobKey = (batchId: string, chunk: number) => `dispatch:${batchId}:${chunk}`;

export interface JobSpec<T extends TaskName = TaskName> {
  task: T;
  payload: TaskPayloads[T];
  runAt?: Date | null;
  key?: string | null;
  queueName?: string | null;
}

/**
 * Fairness between tenants: a tenant's jobs go to `slots` named queues of its own, and
 * graphile-worker runs the jobs of one named queue one after another. So one tenant never holds
 * more than `slots` job slots of the whole deployment, however many jobs it has waiting, and the
 * others' jobs find free slots. The slot is chosen by the job key, spreading a tenant's jobs.
 */
export function tenantQueueSql(tenantExpr: string, keyExpr: string, slots: number): string {
  return `'t:' || ${tenantExpr} || ':' || (abs(hashtext(${keyExpr})) % ${Math.max(1, Math.floor(slots))})`;
}

/**
 * A `graphile_worker.job_spec` row for use inside a statement. The arguments are SQL expressions
 * (column names or parameters) evaluated per row; the task name and attempt limit come from TASKS.
 * A tenant's job names its tenant, so it lands in that tenant's queues.
 */
export function jobSpecSql<T extends TaskName>(task: T, sql: { payload: string; key: string; runAt?: string; tenant?: { expr: string; slots: number } }): string {
  const { maxAttempts } = TASKS[task];
  const queue = sql.tenant ? tenantQueueSql(sql.tenant.expr, sql.key, sql.tenant.slots) : 'null';
  return `row('${task}', ${sql.payload}, ${queue}, ${sql.runAt ?? 'null'}, ${maxAttempts}, ${sql.key}, null, null)::graphile_worker.job_spec`;
}

const ADD_JOBS = `
  select count(*)::int as n from graphile_worker.add_jobs(array(
    select row(s.task, s.payload::json, s.queue_name, s.run_at, s.max_attempts, s.job_key, null, null)::graphile_worker.job_spec
      from unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::text[])
        as s(task, payload, queue_name, run_at, max_attempts, job_key)))`;

/** Adds jobs on `db`: a pool, or a client inside the caller's transaction. */
export async function addJobs(db: Pick<pg.Pool, 'query'>, specs: JobSpec[]): Promise<void> {
  if (specs.length === 0) return;
  await db.query(ADD_JOBS, [
    specs.map((s) => s.task),
    specs.map((s) => JSON.stringify(s.payload)),
    specs.map((s) => s.queueName ?? null),
    specs.map((s) => s.runAt ?? null),
    specs.map((s) => TASKS[s.task].maxAttempts),
    specs.map((s) => s.key ?? null),
  ]);
}
