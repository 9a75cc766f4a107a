import { randomUUID } from 'node:crypto';
import { storableText } from '../db/storable.ts';
import type { Graph } from '../graph/graph.schema.ts';
import type { PluginRegistry } from '../plugins/plugin-registry.ts';
import { AppError } from '../sdk/errors.ts';
import type { ClaimedRun, StepRecord } from './engine.types.ts';
import { resolveTrigger, toInboundRequest, triggerOutputs, type StoredRequest } from './trigger-events.ts';

export interface EventRow extends StoredRequest {
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

export interface NewRun extends FreshRun {
  eventId: string;
  versionId: string;
  dispatchKey: string | null;
}

export interface EventFate {
  id: string;
  status: 'dispatched' | 'skipped' | 'failed';
  reason: string | null;
}

/** What one event becomes: its runs and its fate. Pure; never throws. */
export type EventPlan = { runs: NewRun[]; fate: EventFate; error?: { code: string; bug: boolean } };

/** The runs an event starts: one per parsed event the workflow's trigger accepts. */
export function runsOf(ev: EventRow, registry: PluginRegistry, replay: boolean): NewRun[] {
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

/**
 * An event's plan. A plugin's parser or trigger may throw anything for one event (a bug, a
 * payload it did not expect): that event fails with the reason, the others of the batch go on.
 */
export function planEvent(ev: EventRow, registry: PluginRegistry, logger?: { error(obj: object, msg: string): void }): EventPlan {
  if (!ev.workflow_id || ev.wf_status !== 'active' || !ev.graph) {
    return { runs: [], fate: { id: ev.id, status: 'skipped', reason: 'Правило выключено или не опубликовано' } };
  }
  try {
    const runs = runsOf(ev, registry, false);
    return runs.length
      ? { runs, fate: { id: ev.id, status: 'dispatched', reason: null } }
      : { runs, fate: { id: ev.id, status: 'skipped', reason: 'Событие не подходит под условия триггера' } };
  } catch (err) {
    if (err instanceof AppError) return { runs: [], fate: { id: ev.id, status: 'failed', reason: storableText(err.message) }, error: { code: err.code, bug: false } };
    logger?.error({ err, eventId: ev.id }, 'ошибка плагина при разборе события');
    return {
      runs: [],
      fate: { id: ev.id, status: 'failed', reason: 'Не удалось разобрать событие: ошибка в обработчике интеграции. Событие можно повторить после исправления.' },
      error: { code: 'PLUGIN_PARSE_FAILED', bug: true },
    };
  }
}
