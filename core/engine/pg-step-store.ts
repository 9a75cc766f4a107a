import type pg from 'pg';
import { MicroBatcher } from '../util/micro-batcher.ts';
import type { StepRecord } from './engine.types.ts';
import type { StepStore } from './execute-graph.ts';
import type { RunOutcome } from './run-outcome.ts';
import { jobSpecSql } from '../queue/jobs.ts';
import { storableTextOrNull } from '../db/storable.ts';
import { capPayload } from './step-payload.ts';

/**
 * Hot path, hand-written: the step store runs once or twice per run, so its statements batch rows
 * as array parameters instead of going through the ORM.
 *
 * Step rows of one or many runs: every column is an array parameter ($1–$16).
 */
const UPSERT = `
  insert into step (tenant_id, run_id, seq, node_id, node_type, status, attempt, input, output, branch,
                    error_code, error_message, error_details, truncated, started_at, finished_at)
  select s.tenant_id, s.run_id, s.seq, s.node_id, s.node_type, s.status, s.attempt, s.input::jsonb, s.output::jsonb, s.branch,
         s.error_code, s.error_message, s.error_details::jsonb, s.truncated, s.started_at, s.finished_at
    from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[],
                $11::text[], $12::text[], $13::text[], $14::bool[], $15::timestamptz[], $16::timestamptz[])
      as s(tenant_id, run_id, seq, node_id, node_type, status, attempt, input, output, branch, error_code, error_message, error_details, truncated, started_at, finished_at)
  on conflict (run_id, node_id) do update set
    status = excluded.status, attempt = excluded.attempt, input = excluded.input, output = excluded.output,
    branch = excluded.branch, error_code = excluded.error_code, error_message = excluded.error_message,
    error_details = excluded.error_details, truncated = excluded.truncated,
    started_at = excluded.started_at, finished_at = excluded.finished_at`;

/** Intermediate durable write of one run's steps; also reads whether the run was cancelled. */
const SAVE = `with w as (${UPSERT} returning 1) select status from run where id = $17`;

/**
 * Steps, outcomes and retry jobs of a batch of finishing runs: one statement, one commit. A run
 * going back to the queue is committed together with the job that will resume it.
 */
const finishManySql = (slots: number) => `
  with w as (${UPSERT} returning 1),
  u as (
    update run r set status = f.status, error_code = f.code, error_message = f.message,
                     finished_at = case when f.status in ('succeeded', 'failed') then now() end,
                     job_key = case when f.requeue_at is not null then 'run:' || r.id else r.job_key end,
                     verdict = f.verdict, summary = f.summary, next_attempt_at = f.requeue_at
      from unnest($17::uuid[], $18::text[], $19::text[], $20::text[], $21::timestamptz[], $22::text[], $23::text[]) as f(id, status, code, message, requeue_at, verdict, summary)
     where r.id = f.id and r.status = 'running' and f.status is not null
    returning r.id, r.tenant_id, f.requeue_at
  ),
  j as (
    select count(*) as n from graphile_worker.add_jobs(array(
      select ${jobSpecSql('execute-run', { payload: "json_build_object('runId', id)", runAt: 'requeue_at', key: "'run:' || id", tenant: { expr: 'tenant_id::text', slots } })}
        from u where requeue_at is not null))
  )
  select (select count(*) from w)::int as steps, (select count(*) from u)::int as updated, (select n from j)::int as jobs`;

type Columns = unknown[][];

function columns(steps: StepRecord[], firstSeq: number, run: { id: string; tenantId: string }, into: Columns = Array.from({ length: 16 }, () => [])): Columns {
  steps.forEach((s, i) => {
    const input = capPayload(s.input);
    const output = capPayload(s.output);
    const row = [
      run.tenantId, run.id, firstSeq + i, s.nodeId, s.nodeType, s.status, s.attempt, input.json, output.json, s.branch,
      s.error?.code ?? null, storableTextOrNull(s.error?.message), s.error?.details === undefined ? null : capPayload(s.error.details, 16 * 1024).json,
      input.truncated || output.truncated, s.startedAt, s.finishedAt,
    ];
    row.forEach((v, c) => into[c]!.push(v));
  });
  return into;
}

interface Finishing {
  run: { id: string; tenantId: string };
  steps: StepRecord[];
  firstSeq: number;
  outcome: RunOutcome;
}

/**
 * Runs finishing at about the same time share one statement and one commit, the way webhooks do
 * at ingest: under load this is most of the worker's database work.
 */
export function createRunFinisher(pool: Pick<pg.Pool, 'query'>, waitMs: number, tenantJobSlots: number) {
  const FINISH_MANY = finishManySql(tenantJobSlots);
  const batcher = new MicroBatcher<Finishing, void>(async (items) => {
    const cols: Columns = Array.from({ length: 16 }, () => []);
    for (const it of items) columns(it.steps, it.firstSeq, it.run, cols);
    await pool.query({
      name: 'finish-runs',
      text: FINISH_MANY,
      values: [
        ...cols,
        items.map((i) => i.run.id),
        items.map((i) => i.outcome.status),
        items.map((i) => i.outcome.error?.code ?? null),
        items.map((i) => storableTextOrNull(i.outcome.error?.message)),
        items.map((i) => i.outcome.requeueAt ?? null),
        items.map((i) => i.outcome.verdict ?? null),
        items.map((i) => storableTextOrNull(i.outcome.summary)),
      ],
    });
    return items.map(() => undefined);
  }, waitMs);
  return { finish: (item: Finishing) => batcher.submit(item) };
}

export type RunFinisher = ReturnType<typeof createRunFinisher>;

/**
 * Persists a run's steps. Pure steps wait in a buffer and go out with the next durable write, so
 * a condition costs no round trip of its own. `finish` hands what is left to the finisher, which
 * stores it with the run's outcome (and, for a retry, the job that resumes it) atomically.
 */
export function createPgStepStore(pool: Pick<pg.Pool, 'query'>, finisher: RunFinisher, run: { id: string; tenantId: string }, firstSeq: number) {
  let buffer: StepRecord[] = [];
  let seq = firstSeq;
  const take = () => {
    const steps = buffer;
    buffer = [];
    const first = seq;
    seq += steps.length;
    return { steps, first };
  };

  return {
    async save(step: StepRecord, durable: boolean): Promise<{ cancelled: boolean }> {
      buffer.push(step);
      if (!durable) return { cancelled: false };
      const { steps, first } = take();
      const res = await pool.query<{ status: string }>({ name: 'save-steps', text: SAVE, values: [...columns(steps, first, run), run.id] });
      return { cancelled: res.rows[0]?.status === 'cancelled' };
    },
    finish(outcome: RunOutcome): Promise<void> {
      const { steps, first } = take();
      return finisher.finish({ run, steps, firstSeq: first, outcome });
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
