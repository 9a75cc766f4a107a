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

/**
 * Persists a run's steps. Pure steps wait in a buffer and go out with the next durable write,
 * so a condition costs no round trip of its own; the durable write also reads the run's status
 * (cancellation) in the same statement.
 */
export function createPgStepStore(pool: Pick<pg.Pool, 'query'>, run: { id: string; tenantId: string }, firstSeq: number): StepStore {
  let buffer: StepRecord[] = [];
  let seq = firstSeq;

  async function write(withStatus: boolean): Promise<{ cancelled: boolean }> {
    if (buffer.length === 0 && !withStatus) return { cancelled: false };
    const steps = buffer;
    buffer = [];
    const params = [run.tenantId, run.id, ...columns(steps, seq)];
    seq += steps.length;
    const sql = withStatus ? `with w as (${UPSERT} returning 1) select status from run where id = $2` : UPSERT;
    const res = await pool.query<{ status: string }>(sql, params);
    return { cancelled: withStatus && res.rows[0]?.status === 'cancelled' };
  }

  return {
    async save(step, durable) {
      buffer.push(step);
      return durable ? write(true) : { cancelled: false };
    },
    async flush() {
      await write(false);
    },
  };
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
