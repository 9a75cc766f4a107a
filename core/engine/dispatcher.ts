import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Graph } from '../graph/graph.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import { AppError, UserError } from '../sdk/errors.ts';
import type { StepRecord } from './engine.types.ts';
import type { ClaimedRun } from './run-executor.ts';
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

export interface FreshRun {
  run: ClaimedRun;
  steps: StepRecord[];
}

interface NewRun extends FreshRun {
  eventId: string;
  versionId: string;
  dispatchKey: string | null;
}

/**
 * Runs and their trigger steps for a whole batch of events, and every event's fate, in ONE
 * statement: the runs are born `running` (attempt 1) for the worker that dispatched them, or
 * `queued` for a replay picked up by its own job.
 */
const CREATE_RUNS = `
  with input as (
    select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])
      as r(id, tenant_id, workflow_id, version_id, event_id, key, max_attempts, out, node_id, node_type, step_out)
  ), runs as (
    insert into run (id, tenant_id, workflow_id, version_id, event_id, dispatch_key, status, attempts, max_attempts, trigger_output, replay_of, started_at)
    select id, tenant_id, workflow_id, version_id, event_id, key, $12, case when $12 = 'running' then 1 else 0 end, max_attempts, out::jsonb,
           case when $12 = 'queued' then event_id end, case when $12 = 'running' then now() end
      from input
    on conflict (dispatch_key) do nothing
    returning id
  ), steps as (
    insert into step (tenant_id, run_id, seq, node_id, node_type, status, attempt, output, branch, started_at, finished_at)
    select i.tenant_id, i.id, 1, i.node_id, i.node_type, 'succeeded', 1, i.step_out::jsonb, 'out', now(), now()
      from input i join runs using (id)
  ), fates as (
    update inbound_event e set status = f.status, reason = f.reason, processed_at = now()
      from unnest($13::uuid[], $14::text[], $15::text[]) as f(id, status, reason)
     where e.id = f.id
  )
  select id from runs`;

export function createDispatcher(deps: { pool: pg.Pool; registry: PluginRegistry; opLog: OpLog }) {
  const { pool, registry } = deps;

  async function load(eventIds: string[]): Promise<EventRow[]> {
    const { rows } = await pool.query<EventRow>(
      `select e.id, e.tenant_id, e.workflow_id, e.status, e.method, e.content_type, e.headers, e.query, e.body,
              w.status as wf_status, w.name as wf_name, w.max_attempts, v.id as version_id, v.graph
         from inbound_event e
         left join workflow w on w.id = e.workflow_id
         left join workflow_version v on v.id = w.active_version_id
        where e.id = any($1::uuid[])`,
      [eventIds],
    );
    return rows;
  }

  /** One run per event the trigger accepts; throws UserError when the event cannot be parsed. */
  function plan(ev: EventRow, replay: boolean): NewRun[] {
    const trigger = resolveTrigger(ev.graph!, registry);
    const outputs = triggerOutputs(trigger, toInboundRequest(ev));
    const now = new Date();
    return outputs.map((out, i) => ({
      eventId: ev.id,
      versionId: ev.version_id!,
      dispatchKey: replay ? null : `${ev.id}:${ev.workflow_id}:${i}`,
      run: {
        id: randomUUID(), tenantId: ev.tenant_id, workflowId: ev.workflow_id!, workflowName: ev.wf_name ?? '', attempts: 1,
        maxAttempts: ev.max_attempts ?? 8, triggerOutput: out ?? null, graph: ev.graph!,
      },
      steps: [{
        nodeId: trigger.node.id, nodeType: trigger.node.type, status: 'succeeded', attempt: 1, input: null, output: out ?? null,
        branch: 'out', error: null, startedAt: now, finishedAt: now, durationMs: 0, truncated: false,
      }],
    }));
  }

  async function insert(runs: NewRun[], status: 'running' | 'queued', fates: { id: string; status: string; reason: string | null }[]): Promise<Set<string>> {
    if (runs.length === 0 && fates.length === 0) return new Set();
    const col = <T,>(f: (r: NewRun) => T) => runs.map(f);
    const { rows } = await pool.query<{ id: string }>({ name: 'create-runs', text: CREATE_RUNS, values: [
      col((r) => r.run.id), col((r) => r.run.tenantId), col((r) => r.run.workflowId), col((r) => r.versionId), col((r) => r.eventId),
      col((r) => r.dispatchKey), col((r) => r.run.maxAttempts), col((r) => JSON.stringify(r.run.triggerOutput)),
      col((r) => r.steps[0]!.nodeId), col((r) => r.steps[0]!.nodeType), col((r) => capPayload(r.steps[0]!.output).json),
      status, fates.map((f) => f.id), fates.map((f) => f.status), fates.map((f) => f.reason),
    ] });
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Turns queued events into runs of their workflows' active versions. Safe to repeat: events a
   * previous attempt already dispatched give back their unfinished runs to resume.
   */
  async function dispatch(eventIds: string[]): Promise<{ fresh: FreshRun[]; resume: string[] }> {
    const events = await load(eventIds);
    const planned: NewRun[] = [];
    const fates: { id: string; status: string; reason: string | null }[] = [];
    const dispatchedBefore: string[] = [];
    for (const ev of events) {
      if (ev.status === 'dispatched') dispatchedBefore.push(ev.id);
      if (ev.status !== 'queued') continue;
      if (!ev.workflow_id || ev.wf_status !== 'active' || !ev.graph) {
        fates.push({ id: ev.id, status: 'skipped', reason: 'Правило выключено или не опубликовано' });
        continue;
      }
      try {
        const runs = plan(ev, false);
        planned.push(...runs);
        fates.push(runs.length ? { id: ev.id, status: 'dispatched', reason: null } : { id: ev.id, status: 'skipped', reason: 'Событие не подходит под условия триггера' });
      } catch (err) {
        if (!(err instanceof AppError) || err.transient) throw err;
        fates.push({ id: ev.id, status: 'failed', reason: err.message });
        await deps.opLog.write({ tenantId: ev.tenant_id, level: 'warn', source: 'webhook', message: `Событие не обработано: ${err.message}`, workflowId: ev.workflow_id, context: { eventId: ev.id, code: err.code } });
      }
    }
    const created = await insert(planned, 'running', fates);
    let resume: string[] = [];
    if (dispatchedBefore.length) {
      const { rows } = await pool.query<{ id: string }>(
        `select id from run where event_id = any($1::uuid[]) and replay_of is null and status in ('queued', 'running')`, [dispatchedBefore]);
      resume = rows.map((r) => r.id);
    }
    return { fresh: planned.filter((r) => created.has(r.run.id)), resume };
  }

  /** A new, queued run of the event on the workflow's current active version. */
  async function replay(eventId: string, tenantId: string): Promise<string[]> {
    const [ev] = await load([eventId]);
    if (!ev || ev.tenant_id !== tenantId) return [];
    if (!ev.graph || !ev.version_id || ev.wf_status !== 'active') {
      throw new UserError('NOT_PUBLISHED', 'Правило выключено или у него нет опубликованной версии');
    }
    const runs = plan(ev, true);
    const created = await insert(runs, 'queued', []);
    return runs.filter((r) => created.has(r.run.id)).map((r) => r.run.id);
  }

  return { dispatch, replay };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
