import type pg from 'pg';
import type { StepRecord } from './engine.types.ts';
import type { StepStore } from './execute-graph.ts';
import { capPayload } from './step-payload.ts';

const UPSERT = `
  insert into step (tenant_id, run_id, seq, node_id, node_type, status, attempt, input, output, branch,
                    error_code, error_message, error_details, truncated, started_at, finished_at)
  select $1, $2, s.seq, s.node_id, s.node_type, s.status, s.attempt, s.input::jsonb, s.output::jsonb, s.branch,
         s.error_code, s.error_message, s.error_details::jsonb, s.truncated, s.started_at, s.finished_at
    from unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[],
                $11::text[], $12::text[], $13::text[], $14::bool[], $15::timestamptz[], $16::timestamptz[])
      as s(seq, node_id, node_type, status, attempt, input, output, branch, error_code, error_message, error_details, truncated, started_at, finished_at)
  on conflict (run_id, node_id) do update set
    status = excluded.status, attempt = excluded.attempt, input = excluded.input, output = excluded.output,
    branch = excluded.branch, error_code = excluded.error_code, error_message = excluded.error_message,
    error_details = excluded.error_details, truncated = excluded.truncated,
    started_at = excluded.started_at, finished_at = excluded.finished_at`;

function columns(steps: StepRecord[], firstSeq: number) {
  const cols: unknown[][] = Array.from({ length: 14 }, () => []);
  steps.forEach((s, i) => {
    const input = capPayload(s.input);
    const output = capPayload(s.output);
    const row = [
      firstSeq + i, s.nodeId, s.nodeType, s.status, s.attempt, input.json, output.json, s.branch,
      s.error?.code ?? null, s.error?.message ?? null, s.error?.details === undefined ? null : capPayload(s.error.details, 16 * 1024).json,
      input.truncated || output.truncated, s.startedAt, s.finishedAt,
    ];
    row.forEach((v, c) => cols[c]!.push(v));
  });
  return cols;
}

export interface RunOutcome {
  /** null: only write the buffered steps (the run was cancelled meanwhile). */
  status: 'succeeded' | 'failed' | 'queued' | null;
  error?: { code: string; message: string } | null;
  /** With status 'queued': when the `execute-run` job should resume the run. */
  requeueAt?: Date;
}

const FINISH = `
  with w as (${UPSERT} returning 1),
  u as (
    update run set status = $17::text, error_code = $18::text, error_message = $19::text,
                   finished_at = case when $17::text in ('succeeded', 'failed') then now() end
     where id = $2 and status = 'running' and $17::text is not null
    returning id
  ),
  j as (
    select graphile_worker.add_job('execute-run', json_build_object('runId', $2::text), run_at => $20::timestamptz,
                                   max_attempts => 10, job_key => 'run:' || $2::text)
      from u where $20::timestamptz is not null
  )
  select (select count(*) from w)::int as steps, (select count(*) from u)::int as updated, (select count(*) from j)::int as jobs`;

/**
 * Persists a run's steps. Pure steps wait in a buffer and go out with the next durable write, so
 * a condition costs no round trip of its own; a durable write also reads the run's status
 * (cancellation). `finish` writes what is left together with the run's outcome — and, for a retry,
 * the job that resumes it — in one statement: one commit where there would be three.
 */
export function createPgStepStore(pool: Pick<pg.Pool, 'query'>, run: { id: string; tenantId: string }, firstSeq: number) {
  let buffer: StepRecord[] = [];
  let seq = firstSeq;

  const take = () => {
    const steps = buffer;
    buffer = [];
    const cols = columns(steps, seq);
    seq += steps.length;
    return [run.tenantId, run.id, ...cols];
  };

  return {
    async save(step: StepRecord, durable: boolean): Promise<{ cancelled: boolean }> {
      buffer.push(step);
      if (!durable) return { cancelled: false };
      const res = await pool.query<{ status: string }>(`with w as (${UPSERT} returning 1) select status from run where id = $2`, take());
      return { cancelled: res.rows[0]?.status === 'cancelled' };
    },
    async finish(outcome: RunOutcome): Promise<void> {
      await pool.query(FINISH, [...take(), outcome.status, outcome.error?.code ?? null, outcome.error?.message ?? null, outcome.requeueAt ?? null]);
    },
  } satisfies StepStore & { finish(o: RunOutcome): Promise<void> };
}

export function rowToStep(row: Record<string, any>): StepRecord {
  return {
    nodeId: row.node_id,
    nodeType: row.node_type,
    status: row.status,
    attempt: row.attempt,
    input: row.input,
    output: row.output,
    branch: row.branch,
    error: row.error_code ? { code: row.error_code, message: row.error_message, details: row.error_details ?? undefined } : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.finished_at ? new Date(row.finished_at).getTime() - new Date(row.started_at).getTime() : null,
    truncated: row.truncated,
  };
}
