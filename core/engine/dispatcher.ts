import type pg from 'pg';
import type { Logger } from 'pino';
import { isStatementError } from '../db/db-errors.ts';
import { storableJson, storableText, storableTextOrNull } from '../db/storable.ts';
import { summarizePayload } from './event-summary.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import type { OpLog } from '../modules/logs/op-log.service.ts';
import { coerceError, UserError } from '../sdk/errors.ts';
import { randomUUID } from 'node:crypto';
import { createRunsSql, FAIL_EVENTS_SQL, LOAD_EVENTS_SQL, postponeEventsSql, splitDispatchSql, UNFINISHED_RUNS_SQL } from './dispatch.sql.ts';

/** A trigger step whose output is the event itself (stored once, in the event). */
export const OUTPUT_IS_EVENT = '{"$event":true}';

/** How long a blocked tenant's work waits before it is looked at again. */
export const PAUSE_SECONDS = 15;
import type { Config } from '../../config/config.schema.ts';
import { planEvent, runsOf, type EventFate, type EventPlan, type EventRow, type EventTarget, type FreshRun, type NewRun } from './dispatch-plan.ts';
import { METADATA_KEY, type ConnectionRuntime } from '../modules/connections/connection-runtime.ts';
import type { EntityLinks } from '../modules/links/entity-links.service.ts';
import { capPayload } from './step-payload.ts';

export function createDispatcher(deps: { pool: pg.Pool; registry: PluginRegistry; opLog: OpLog; logger: Logger; config: Config; connectionRuntime: ConnectionRuntime; links: EntityLinks }) {
  const { pool, registry, logger } = deps;
  const CREATE_RUNS_SQL = createRunsSql(deps.config.TENANT_JOB_SLOTS);
  const SPLIT_DISPATCH_SQL = splitDispatchSql(deps.config.TENANT_JOB_SLOTS);
  const POSTPONE_EVENTS_SQL = postponeEventsSql(deps.config.TENANT_JOB_SLOTS);

  // A connection's metadata for its parser (field types…): read at most once a minute per process.
  const metadataCache = new Map<string, { at: number; value: unknown }>();
  async function metadataOf(connectionId: string): Promise<unknown> {
    const hit = metadataCache.get(connectionId);
    if (hit && Date.now() - hit.at < 60_000) return hit.value;
    const value = (await deps.connectionRuntime.stateOf(connectionId).get(METADATA_KEY))?.value;
    if (metadataCache.size > 5000) metadataCache.clear();
    metadataCache.set(connectionId, { at: Date.now(), value });
    return value;
  }

  async function load(eventIds: string[]): Promise<EventRow[]> {
    const { rows } = await pool.query<EventRow & EventTarget & { t_workflow_id: string | null }>({ name: 'load-events', text: LOAD_EVENTS_SQL, values: [eventIds] });
    const byId = new Map<string, EventRow>();
    for (const r of rows) {
      let ev = byId.get(r.id);
      if (!ev) {
        ev = { id: r.id, tenant_id: r.tenant_id, workflow_id: r.workflow_id, connection_id: r.connection_id, status: r.status, tenant_blocked: r.tenant_blocked, method: r.method, content_type: r.content_type, headers: r.headers, query: r.query, body: r.body, targets: [] };
        byId.set(r.id, ev);
      }
      if (r.t_workflow_id) ev.targets.push({ workflow_id: r.t_workflow_id, wf_status: r.wf_status, wf_name: r.wf_name, max_attempts: r.max_attempts, version_id: r.version_id, graph: r.graph });
    }
    const events = [...byId.values()];
    for (const ev of events) if (ev.connection_id && ev.status === 'queued') ev.metadata = await metadataOf(ev.connection_id);
    return events;
  }

  /**
   * A CRM trigger's output names its entity and carries `links`: its ids in the other systems
   * (`{{trigger.links.lptracker.lead}}` in an AmoCRM rule), read in one query per batch.
   */
  async function addLinks(runs: NewRun[]): Promise<void> {
    const withEntity = runs.filter((r) => r.entity && r.run.triggerOutput && typeof r.run.triggerOutput === 'object' && !Array.isArray(r.run.triggerOutput));
    if (withEntity.length === 0) return;
    const byTenant = new Map<string, NewRun[]>();
    for (const r of withEntity) byTenant.set(r.run.tenantId, [...(byTenant.get(r.run.tenantId) ?? []), r]);
    for (const [tenantId, list] of byTenant) {
      const links = await deps.links.linksOf(tenantId, list.map((r) => r.entity!));
      for (const r of list) {
        const output = { ...(r.run.triggerOutput as Record<string, unknown>), entity: r.entity, links: links.get(deps.links.key(r.entity!)) ?? {} };
        r.run.triggerOutput = output;
        r.steps[0]!.output = output;
      }
    }
  }

  async function insert(runs: NewRun[], status: 'running' | 'queued', fates: EventFate[]): Promise<Set<string>> {
    if (runs.length === 0 && fates.length === 0) return new Set();
    const col = <T,>(f: (r: NewRun) => T) => runs.map(f);
    const { rows } = await pool.query<{ id: string }>({ name: 'create-runs', text: CREATE_RUNS_SQL, values: [
      col((r) => r.run.id), col((r) => r.run.tenantId), col((r) => r.run.workflowId), col((r) => r.versionId), col((r) => r.eventId),
      col((r) => r.dispatchKey), col((r) => r.run.maxAttempts), col((r) => (r.outputIsEvent ? null : storableJson(r.run.triggerOutput))),
      col((r) => r.steps[0]!.nodeId), col((r) => r.steps[0]!.nodeType), col((r) => (r.outputIsEvent ? OUTPUT_IS_EVENT : capPayload(r.steps[0]!.output).json)),
      status, fates.map((f) => f.id), fates.map((f) => f.status), fates.map((f) => f.reason), fates.map((f) => f.summary ?? null),
    ] });
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Stores every plan in one statement. Should the statement fail on a value (which storable
   * payloads make unlikely), each event is tried alone, so only the event at fault fails.
   */
  async function store(plans: EventPlan[]): Promise<Set<string>> {
    try {
      return await insert(plans.flatMap((p) => p.runs), 'running', plans.map((p) => p.fate));
    } catch (err) {
      if (!isStatementError(err) || plans.length === 1) throw err;
      logger.warn({ err: coerceError(err).message, events: plans.length }, 'пакет событий не записался: записываю по одному');
    }
    const created = new Set<string>();
    for (const p of plans) {
      try {
        for (const id of await insert(p.runs, 'running', [p.fate])) created.add(id);
      } catch (err) {
        if (!isStatementError(err)) throw err;
        await failEvents([p.fate.id], `Не удалось сохранить запуск события: ${coerceError(err).message}`);
      }
    }
    return created;
  }

  /**
   * Turns queued events into runs of their workflows' active versions. Safe to repeat: events a
   * previous attempt already dispatched give back their unfinished runs to resume.
   */
  async function dispatch(eventIds: string[]): Promise<{ fresh: FreshRun[]; resume: string[] }> {
    const loaded = await load(eventIds);
    const paused = loaded.filter((ev) => ev.tenant_blocked && ev.status === 'queued').map((ev) => ev.id);
    if (paused.length) await pool.query(POSTPONE_EVENTS_SQL, [paused, randomUUID(), PAUSE_SECONDS]);
    const events = loaded.filter((ev) => !ev.tenant_blocked);
    const plans = events.filter((ev) => ev.status === 'queued').map((ev) => planEvent(ev, registry, logger));
    for (const p of plans) p.fate.summary = storableTextOrNull(summarizePayload(events.find((e) => e.id === p.fate.id)?.body));
    await addLinks(plans.flatMap((p) => p.runs));
    const created = await store(plans);
    for (const p of plans.filter((x) => x.error)) {
      const ev = events.find((e) => e.id === p.fate.id)!;
      await deps.opLog.write({ tenantId: ev.tenant_id, level: 'warn', source: 'webhook', message: `Событие не обработано: ${p.fate.reason}`, workflowId: ev.workflow_id, context: { eventId: ev.id, code: p.error!.code } });
    }
    const dispatchedBefore = events.filter((ev) => ev.status === 'dispatched').map((ev) => ev.id);
    const resume = dispatchedBefore.length
      ? (await pool.query<{ id: string }>(UNFINISHED_RUNS_SQL, [dispatchedBefore])).rows.map((r) => r.id)
      : [];
    return { fresh: plans.flatMap((p) => p.runs).filter((r) => created.has(r.run.id)), resume };
  }

  async function failEvents(eventIds: string[], reason: string): Promise<void> {
    await pool.query(FAIL_EVENTS_SQL, [eventIds, storableText(reason)]);
  }

  async function splitDispatch(eventIds: string[], crashes: number): Promise<void> {
    await pool.query(SPLIT_DISPATCH_SQL, [eventIds, crashes]);
  }

  /** New queued runs of the event on the workflow's current active version, with their jobs. */
  async function replay(eventId: string, tenantId: string): Promise<string[]> {
    const [ev] = await load([eventId]);
    if (!ev || ev.tenant_id !== tenantId) return [];
    const targets = ev.targets.filter((t) => t.graph && t.version_id && t.wf_status === 'active');
    if (targets.length === 0) {
      throw new UserError('NOT_PUBLISHED', ev.connection_id ? 'Нет включённых правил, которые слушают это подключение' : 'Правило выключено или у него нет опубликованной версии');
    }
    if (ev.connection_id) ev.metadata = await metadataOf(ev.connection_id);
    const runs = targets.flatMap((t) => runsOf(ev, t, registry, true));
    await addLinks(runs);
    const created = await insert(runs, 'queued', []);
    return runs.filter((r) => created.has(r.run.id)).map((r) => r.run.id);
  }

  return { dispatch, failEvents, splitDispatch, replay };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
