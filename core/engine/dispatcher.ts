import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Graph } from '../graph/graph.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import { AppError, UserError } from '../sdk/errors.ts';
import type { StepRecord } from './engine.types.ts';
import { capPayload } from './step-payload.ts';
import { resolveTrigger, toInboundRequest, triggerOutputs, type StoredRequest } from './trigger-events.ts';

interface EventRow extends StoredRequest {
  id: string;
  tenant_id: string;
  workflow_id: string | null;
  status: string;
  wf_status: string | null;
  wf_name: string | null;
  max_attempts: number | null;
  version_id: string | null;
  graph: Graph | null;
}

export interface CreatedRun {
  id: string;
  /** Known for a fresh run (the trigger step), saving the executor a read. */
  steps?: StepRecord[];
}

const CREATE_RUNS = `
  with input as (
    select * from unnest($6::uuid[], $7::text[], $8::text[], $9::text[]) as r(id, key, out, step_out)
  ), runs as (
    insert into run (id, tenant_id, workflow_id, version_id, event_id, dispatch_key, status, max_attempts, trigger_output, replay_of)
    select id, $2, $3, $4, $1, key, 'queued', $5, out::jsonb, $12 from input
    on conflict (dispatch_key) do nothing
    returning id
  ), steps as (
    insert into step (tenant_id, run_id, seq, node_id, node_type, status, attempt, output, branch, started_at, finished_at)
    select $2, i.id, 1, $10, $11, 'succeeded', 1, i.step_out::jsonb, 'out', now(), now() from input i join runs using (id)
  ), ev as (
    update inbound_event set status = 'dispatched', processed_at = now(), reason = null where id = $1 and $13
  )
  select id from runs`;

/** Turns an inbound event into runs of the workflow's active version (one per matching event). */
export function createDispatcher(deps: { pool: pg.Pool; registry: PluginRegistry; opLog: OpLog }) {
  const { pool, registry } = deps;

  async function load(eventId: string): Promise<EventRow | undefined> {
    const { rows } = await pool.query<EventRow>(
      `select e.id, e.tenant_id, e.workflow_id, e.status, e.method, e.content_type, e.headers, e.query, e.body,
              w.status as wf_status, w.name as wf_name, w.max_attempts, v.id as version_id, v.graph
         from inbound_event e
         left join workflow w on w.id = e.workflow_id
         left join workflow_version v on v.id = w.active_version_id
        where e.id = $1`,
      [eventId],
    );
    return rows[0];
  }

  async function settle(eventId: string, status: 'skipped' | 'failed', reason: string) {
    await pool.query(`update inbound_event set status = $2, reason = $3, processed_at = now() where id = $1`, [eventId, status, reason]);
  }

  async function createRuns(ev: EventRow, replayOf: string | null): Promise<CreatedRun[]> {
    const trigger = resolveTrigger(ev.graph!, registry);
    const outputs = triggerOutputs(trigger, toInboundRequest(ev));
    if (outputs.length === 0) return [];
    const now = new Date();
    const runs = outputs.map((out, i) => {
      const step: StepRecord = {
        nodeId: trigger.node.id, nodeType: trigger.node.type, status: 'succeeded', attempt: 1, input: null, output: out,
        branch: 'out', error: null, startedAt: now, finishedAt: now, durationMs: 0, truncated: false,
      };
      return { id: randomUUID(), key: replayOf ? null : `${ev.id}:${ev.workflow_id}:${i}`, out: JSON.stringify(out ?? null), stepOut: capPayload(out).json, step };
    });
    const { rows } = await pool.query<{ id: string }>(CREATE_RUNS, [
      ev.id, ev.tenant_id, ev.workflow_id, ev.version_id, ev.max_attempts ?? 8,
      runs.map((r) => r.id), runs.map((r) => r.key), runs.map((r) => r.out), runs.map((r) => r.stepOut),
      trigger.node.id, trigger.node.type, replayOf, !replayOf,
    ]);
    const created = new Set(rows.map((r) => r.id));
    return runs.filter((r) => created.has(r.id)).map((r) => ({ id: r.id, steps: [r.step] }));
  }

  /** Returns the runs to execute now. Safe to repeat: a re-dispatched event resumes its runs. */
  async function dispatch(eventId: string): Promise<CreatedRun[]> {
    const ev = await load(eventId);
    if (!ev) return [];
    if (ev.status === 'dispatched') {
      // A previous attempt created the runs and then stopped: resume whatever is unfinished.
      const { rows } = await pool.query<{ id: string }>(`select id from run where event_id = $1 and replay_of is null and status in ('queued', 'running')`, [eventId]);
      return rows.map((r) => ({ id: r.id }));
    }
    if (ev.status !== 'queued') return [];
    if (!ev.workflow_id || ev.wf_status !== 'active' || !ev.graph) {
      await settle(eventId, 'skipped', 'Правило выключено или не опубликовано');
      return [];
    }
    try {
      const runs = await createRuns(ev, null);
      if (runs.length === 0) await settle(eventId, 'skipped', 'Событие не подходит под условия триггера');
      return runs;
    } catch (err) {
      if (!(err instanceof AppError) || err.transient) throw err;
      await settle(eventId, 'failed', err.message);
      await deps.opLog.write({ tenantId: ev.tenant_id, level: 'warn', source: 'webhook', message: `Событие не обработано: ${err.message}`, workflowId: ev.workflow_id, context: { eventId, code: err.code } });
      return [];
    }
  }

  /** A new run of the event on the workflow's current active version. */
  async function replay(eventId: string, tenantId: string): Promise<string[]> {
    const ev = await load(eventId);
    if (!ev || ev.tenant_id !== tenantId) return [];
    if (!ev.graph || !ev.version_id) {
      throw new UserError('NOT_PUBLISHED', 'У правила нет активной опубликованной версии');
    }
    return (await createRuns(ev, eventId)).map((r) => r.id);
  }

  return { dispatch, replay };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
