import { randomUUID } from 'node:crypto';
import { storableText } from '../db/storable.ts';
import type { Graph } from '../graph/graph.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { AppError } from '../sdk/errors.ts';
import type { ClaimedRun, StepRecord } from './engine.types.ts';
import { resolveTrigger, toInboundRequest, triggerHits, type StoredRequest } from './trigger-events.ts';

/** A rule an event may start: the rule of its webhook address, or each rule listening on its connection. */
export interface EventTarget {
  workflow_id: string;
  wf_status: string | null;
  wf_name: string | null;
  max_attempts: number | null;
  version_id: string | null;
  graph: Graph | null;
}

export interface EventRow extends StoredRequest {
  id: string;
  tenant_id: string;
  workflow_id: string | null;
  /** Set when the event came to a connection's address (it fans out to its rules). */
  connection_id: string | null;
  status: string;
  /** The tenant is blocked by a platform admin: its events wait. */
  tenant_blocked?: boolean;
  targets: EventTarget[];
  /** The connection's cached metadata, for its plugin's parser. */
  metadata?: unknown;
}

export interface FreshRun {
  run: ClaimedRun;
  steps: StepRecord[];
}

export interface NewRun extends FreshRun {
  eventId: string;
  versionId: string;
  dispatchKey: string | null;
  /** The event's entity: the dispatcher adds it and its cross-system links to the trigger output. */
  entity?: { system: string; type: string; id: string };
  /**
   * The trigger output is the request itself (a generic webhook): it is read back from the event
   * instead of being stored twice more (run and step).
   */
  outputIsEvent?: boolean;
}

export interface EventFate {
  id: string;
  status: 'dispatched' | 'skipped' | 'failed';
  reason: string | null;
  /** What the payload was about, for «Логи» (see event-summary.ts). */
  summary?: string | null;
}

/** What one event becomes: its runs and its fate. Pure; never throws. */
export type EventPlan = { runs: NewRun[]; fate: EventFate; error?: { code: string; bug: boolean } };

/** The runs an event starts in one rule: one per parsed event the rule's trigger accepts. */
export function runsOf(ev: EventRow, target: EventTarget, registry: PluginRegistry, replay: boolean): NewRun[] {
  const trigger = resolveTrigger(target.graph!, registry);
  const hits = triggerHits(trigger, toInboundRequest(ev), ev.metadata);
  const now = new Date();
  const outputIsEvent = !trigger.registered.plugin.webhook && !trigger.def.output;
  return hits.map(({ output: out, entity }, i) => ({
    ...(entity ? { entity } : {}),
    ...(outputIsEvent ? { outputIsEvent } : {}),
    eventId: ev.id,
    versionId: target.version_id!,
    dispatchKey: replay ? null : `${ev.id}:${target.workflow_id}:${i}`,
    run: {
      id: randomUUID(), tenantId: ev.tenant_id, workflowId: target.workflow_id, workflowName: target.wf_name ?? '', attempts: 1,
      maxAttempts: target.max_attempts ?? 8, triggerOutput: out ?? null, graph: target.graph!,
    },
    steps: [{
      nodeId: trigger.node.id, nodeType: trigger.node.type, status: 'succeeded', attempt: 1, input: null, output: out ?? null,
      branch: 'out', error: null, startedAt: now, finishedAt: now, durationMs: 0, truncated: false,
    }],
  }));
}

const live = (t: EventTarget) => t.wf_status === 'active' && t.graph !== null && t.version_id !== null;

/**
 * An event's plan over its rules. A plugin's parser or trigger may throw anything for one event
 * (a bug, a payload it did not expect): that event fails with the reason, the others of the
 * batch go on. With several rules, one rule's broken trigger does not cost the others their runs.
 */
export function planEvent(ev: EventRow, registry: PluginRegistry, logger?: { error(obj: object, msg: string): void }): EventPlan {
  const targets = ev.targets.filter(live);
  if (targets.length === 0) {
    const reason = ev.connection_id ? 'Нет включённых правил, которые слушают это подключение' : 'Правило выключено или не опубликовано';
    return { runs: [], fate: { id: ev.id, status: 'skipped', reason } };
  }
  const runs: NewRun[] = [];
  let failure: { reason: string; code: string; bug: boolean } | undefined;
  for (const target of targets) {
    try {
      runs.push(...runsOf(ev, target, registry, false));
    } catch (err) {
      if (err instanceof AppError) failure ??= { reason: storableText(err.message), code: err.code, bug: false };
      else {
        logger?.error({ err, eventId: ev.id, workflowId: target.workflow_id }, 'ошибка плагина при разборе события');
        failure ??= { reason: 'Не удалось разобрать событие: ошибка в обработчике интеграции. Событие можно повторить после исправления.', code: 'PLUGIN_PARSE_FAILED', bug: true };
      }
    }
  }
  if (runs.length) return { runs, fate: { id: ev.id, status: 'dispatched', reason: null }, ...(failure ? { error: { code: failure.code, bug: failure.bug } } : {}) };
  if (failure) return { runs, fate: { id: ev.id, status: 'failed', reason: failure.reason }, error: { code: failure.code, bug: failure.bug } };
  const reason = targets.length > 1 ? 'Событие не подходит под условия триггеров правил' : 'Событие не подходит под условия триггера';
  return { runs, fate: { id: ev.id, status: 'skipped', reason } };
}
