import type pg from 'pg';

export interface TaskPayloads {
  'dispatch-event': { eventIds: string[] };
  'execute-run': { runId: string };
}
export type TaskName = keyof TaskPayloads;

export interface AddJobOptions {
  runAt?: Date;
  /** A job with the same key replaces the pending one instead of adding a second. */
  jobKey?: string;
  maxAttempts?: number;
}

/** Adds jobs with graphile-worker's SQL API on our pool, optionally inside a caller's transaction. */
export function createQueue(pool: Pick<pg.Pool, 'query'>) {
  return {
    async add<T extends TaskName>(task: T, payload: TaskPayloads[T], opts: AddJobOptions = {}, db: Pick<pg.Pool, 'query'> = pool) {
      await db.query('select graphile_worker.add_job($1, $2::json, run_at => $3, max_attempts => $4, job_key => $5)', [
        task,
        JSON.stringify(payload),
        opts.runAt ?? null,
        opts.maxAttempts ?? 10,
        opts.jobKey ?? null,
      ]);
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
