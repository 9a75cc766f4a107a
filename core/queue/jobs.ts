/**
 * The one place that knows how jobs look: task names, their payloads, attempt limits and keys.
 * Jobs are added from JavaScript (addJobs) and from inside our hot SQL statements (jobSpecSql,
 * so an event or a run is committed together with the job that will process it); both paths take
 * their settings from here.
 */
import type pg from 'pg';

export interface TaskPayloads {
  /** Create the runs of freshly ingested events and execute them in the same job. */
  'dispatch-events': { eventIds: string[] };
  /** Execute (or resume) one run: retries, replays, runs left behind. */
  'execute-run': { runId: string };
  /** Find events and runs that no live job will pick up, and give each a fate. */
  'sweep-orphans': Record<string, never>;
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
 * A `graphile_worker.job_spec` row for use inside a statement. The arguments are SQL expressions
 * (column names or parameters) evaluated per row; the task name and attempt limit come from TASKS.
 */
export function jobSpecSql<T extends TaskName>(task: T, sql: { payload: string; runAt?: string; key?: string; queueName?: string }): string {
  const { maxAttempts } = TASKS[task];
  return `row('${task}', ${sql.payload}, ${sql.queueName ?? 'null'}, ${sql.runAt ?? 'null'}, ${maxAttempts}, ${sql.key ?? 'null'}, null, null)::graphile_worker.job_spec`;
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
