import type pg from 'pg';
import { NotFoundError } from '../../sdk/errors.ts';
import { rowToStep } from '../../engine/pg-step-store.ts';
import { listPage } from '../../db/list-page.ts';
import type { NodeCatalog } from '../../graph/node-catalog.ts';
import { maskSecretProps } from '../../plugins/secret-props.ts';

export interface RunFilters {
  workflowId?: string;
  status?: string;
  eventId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface EventFilters {
  workflowId?: string;
  status?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const RUN_COLUMNS = `r.id, r.workflow_id as "workflowId", w.name as "workflowName", v.version, r.event_id as "eventId",
  r.status, r.attempts, case when r.error_code is null then null else json_build_object('code', r.error_code, 'message', r.error_message) end as error,
  r.created_at as "createdAt", r.started_at as "startedAt", r.finished_at as "finishedAt",
  (extract(epoch from (r.finished_at - coalesce(r.started_at, r.created_at))) * 1000)::int as "durationMs", r.replay_of as "replayOf"`;

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
    return listPage(pool, {
      select: RUN_COLUMNS,
      from: 'run r join workflow w on w.id = r.workflow_id join workflow_version v on v.id = r.version_id',
      where: w.sql,
      orderBy: 'r.created_at desc, r.id',
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
    return { ...run, steps: steps.rows.map((s) => ({ id: s.id, ...rowToStep(s) })) };
  }

  async function listEvents(tenantId: string, f: EventFilters) {
    const w = where(tenantId, 'e.tenant_id');
    w.add('e.workflow_id = ?', f.workflowId);
    w.add('e.status = ?', f.status);
    w.add('e.received_at >= ?', f.from);
    w.add('e.received_at <= ?', f.to);
    return listPage(pool, {
      select: `e.id, e.workflow_id as "workflowId", w.name as "workflowName", e.status, e.reason, e.method,
               e.content_type as "contentType", e.headers, e.query, e.body, e.received_at as "receivedAt",
               e.duplicate_of as "duplicateOf",
               coalesce((select array_agg(r.id order by r.created_at) from run r where r.event_id = e.id), '{}') as "runIds"`,
      from: 'inbound_event e left join workflow w on w.id = e.workflow_id',
      where: w.sql,
      orderBy: 'e.received_at desc, e.id',
    }, w.args, f);
  }

  return { listRuns, getRun, listEvents };
}

export type RunQueries = ReturnType<typeof createRunQueries>;
