import type pg from 'pg';
import { NotFoundError } from '../../sdk/errors.ts';
import { rowToStep } from '../../engine/pg-step-store.ts';
import { listPage } from '../../db/list-page.ts';
import { PARSED } from '../../engine/event-parsed.sql.ts';
import type { NodeCatalog } from '../../graph/node-catalog.ts';
import { maskSecretProps } from '../../plugins/secret-props.ts';

export interface RunFilters {
  workflowId?: string;
  status?: string;
  eventId?: string;
  from?: Date;
  to?: Date;
  /** Search in the run's one-line summary. */
  q?: string;
  limit: number;
  offset: number;
  cursor?: string;
}

export interface EventFilters {
  /** One event (a link from a run opens it in the list). */
  id?: string;
  workflowId?: string;
  status?: string;
  from?: Date;
  to?: Date;
  /** Search in the payload summary. */
  q?: string;
  limit: number;
  offset: number;
  cursor?: string;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * How long the run worked, waiting excluded: a first attempt from its start to its end; a retried
 * (or cancelled) run by the steps of its last attempt, since started_at..finished_at would span the
 * backoff between attempts. A step row is kept per node (the latest attempt wins), and the CASE
 * reads steps only for the few rows that need them.
 */
const DURATION = `case when r.finished_at is null then null
    when r.attempts <= 1 and r.status <> 'cancelled' then (extract(epoch from (r.finished_at - coalesce(r.started_at, r.created_at))) * 1000)::int
    else (select (extract(epoch from (max(s.finished_at) - min(s.started_at))) * 1000)::int from step s where s.run_id = r.id and s.attempt = greatest(r.attempts, 1))
  end`;

const RUN_COLUMNS = `r.id, r.workflow_id as "workflowId", w.name as "workflowName", v.version, r.event_id as "eventId",
  r.status, r.attempts, r.max_attempts as "maxAttempts", r.verdict, r.summary, r.next_attempt_at as "nextAttemptAt",
  case when r.error_code is null then null else json_build_object('code', r.error_code, 'message', r.error_message) end as error,
  r.created_at as "createdAt", r.started_at as "startedAt", r.finished_at as "finishedAt",
  ${DURATION} as "durationMs", r.replay_of as "replayOf"`;

/** Filter builder: every list is scoped by tenant first. */
function where(tenantId: string, column: string) {
  const parts = [`${column} = $1`];
  const args: unknown[] = [tenantId];
  return {
    add(sql: string, value: unknown) {
      if (value === undefined || value === null || value === '') return;
      args.push(value);
      parts.push(sql.replace('?', `$${args.length}`));
    },
    get sql() {
      return parts.join(' and ');
    },
    args,
  };
}

/** The read side of runs and inbound events for «Логи». The catalog tells which props of a run's graph to mask. */
export function createRunQueries(pool: pg.Pool, catalog: NodeCatalog) {
  async function listRuns(tenantId: string, f: RunFilters) {
    const w = where(tenantId, 'r.tenant_id');
    w.add('r.workflow_id = ?', f.workflowId);
    w.add('r.status = ?', f.status);
    w.add('r.event_id = ?', f.eventId);
    w.add('r.created_at >= ?', f.from);
    w.add('r.created_at <= ?', f.to);
    // Substring search in the run's summary (its result or its error), served by a trigram index.
    if (f.q?.trim()) w.add('r.summary ilike ?', like(f.q.trim()));
    return listPage(pool, {
      select: RUN_COLUMNS,
      from: 'run r join workflow w on w.id = r.workflow_id join workflow_version v on v.id = r.version_id',
      countFrom: 'run r',
      where: w.sql,
      time: 'r.created_at',
      id: 'r.id',
    }, w.args, f);
  }

  async function getRun(tenantId: string, id: string) {
    const { rows } = await pool.query(
      `select ${RUN_COLUMNS}, v.graph from run r join workflow w on w.id = r.workflow_id join workflow_version v on v.id = r.version_id
        where r.id = $1 and r.tenant_id = $2`,
      [id, tenantId],
    );
    if (!rows[0]) throw new NotFoundError('Запуск не найден');
    const steps = await pool.query('select * from step where run_id = $1 order by seq, started_at', [id]);
    const run = rows[0].graph ? { ...rows[0], graph: maskSecretProps(rows[0].graph, catalog) } : rows[0];
    // A generic webhook's trigger output is the event, stored once: read it back for the detail.
    let eventOutput: unknown;
    if (steps.rows.some((s) => s.output?.$event === true) && rows[0].eventId) {
      const ev = await pool.query(`select jsonb_build_object('method', method, 'body', body, 'headers', headers, 'query', query) as o from inbound_event where id = $1`, [rows[0].eventId]);
      eventOutput = ev.rows[0]?.o ?? { message: 'Событие удалено по сроку хранения' };
    }
    return { ...run, steps: steps.rows.map((s) => ({ id: s.id, ...rowToStep(s.output?.$event === true ? { ...s, output: eventOutput } : s) })) };
  }

  async function listEvents(tenantId: string, f: EventFilters) {
    const w = where(tenantId, 'e.tenant_id');
    w.add('e.id = ?', f.id);
    w.add('e.workflow_id = ?', f.workflowId);
    w.add('e.status = ?', f.status);
    w.add('e.received_at >= ?', f.from);
    w.add('e.received_at <= ?', f.to);
    if (f.q?.trim()) w.add('e.summary ilike ?', like(f.q.trim()));
    const page = await listPage<{ id: string; runIds?: string[] }>(pool, {
      select: `e.id, e.workflow_id as "workflowId", w.name as "workflowName", e.status, e.reason, e.method,
               e.content_type as "contentType", e.headers, e.query, e.body, e.received_at as "receivedAt",
               e.duplicate_of as "duplicateOf", e.summary, ${PARSED} as parsed`,
      from: 'inbound_event e left join workflow w on w.id = e.workflow_id',
      countFrom: 'inbound_event e',
      where: w.sql,
      time: 'e.received_at',
      id: 'e.id',
    }, w.args, f);
    // The runs of the returned page only: one indexed lookup, not a subquery per candidate row.
    const ids = page.items.map((e) => e.id);
    const { rows } = ids.length
      ? await pool.query<{ event_id: string; ids: string[] }>('select event_id, array_agg(id order by created_at) as ids from run where event_id = any($1::uuid[]) group by event_id', [ids])
      : { rows: [] };
    const runIds = new Map(rows.map((r) => [r.event_id, r.ids]));
    return { ...page, items: page.items.map((e) => ({ ...e, runIds: runIds.get(e.id) ?? [] })) };
  }

  return { listRuns, getRun, listEvents };
}

export type RunQueries = ReturnType<typeof createRunQueries>;
