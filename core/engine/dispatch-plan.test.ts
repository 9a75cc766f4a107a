import { describe, expect, it } from 'vitest';
import { createPluginRegistry } from '../plugins/plugin-registry.ts';
import { poisonPlugin } from '../../test/support/test-plugin.ts';
import type { Graph } from '../graph/graph.schema.ts';
import { planEvent, type EventRow, type EventTarget } from './dispatch-plan.ts';

const registry = createPluginRegistry([poisonPlugin]);
const graph: Graph = { schemaVersion: 1, nodes: [{ id: 't', type: 'poison.ping', version: 1, position: { x: 0, y: 0 }, props: {} }], edges: [] };
const target = (over: Partial<EventTarget> = {}): EventTarget => ({ workflow_id: 'w', wf_status: 'active', wf_name: 'Правило', max_attempts: 8, version_id: 'v', graph, ...over });
const event = (body: unknown, over: Partial<EventTarget> = {}, targets?: EventTarget[]): EventRow => ({
  id: '00000000-0000-4000-8000-000000000001', tenant_id: 't', workflow_id: 'w', connection_id: null, status: 'queued',
  method: 'POST', content_type: 'application/json', headers: {}, query: {}, body, targets: targets ?? [target(over)],
});

describe('planEvent: every event gets a fate', () => {
  it('dispatches an event the trigger accepts, with one run', () => {
    const plan = planEvent(event({ n: 1 }), registry);
    expect(plan.fate).toEqual({ id: event({}).id, status: 'dispatched', reason: null });
    expect(plan.runs).toHaveLength(1);
  });

  it('fails only this event when the plugin parser throws a TypeError, with a reason users can read', () => {
    const errors: unknown[] = [];
    const plan = planEvent(event({ poison: true }), registry, { error: (obj) => errors.push(obj) });
    expect(plan.fate.status).toBe('failed');
    expect(plan.fate.reason).toMatch(/Не удалось разобрать событие/);
    expect(plan.error).toEqual({ code: 'PLUGIN_PARSE_FAILED', bug: true });
    expect(errors).toHaveLength(1);
  });

  it('skips events of an inactive rule', () => {
    expect(planEvent(event({ n: 1 }, { wf_status: 'inactive' }), registry).fate.status).toBe('skipped');
    expect(planEvent(event({ n: 1 }, { graph: null }), registry).fate.status).toBe('skipped');
  });

  it("fans a connection's event out to every rule listening on it; one rule's broken trigger costs the others nothing", () => {
    const broken = target({ workflow_id: 'w2', graph: { schemaVersion: 1, nodes: [], edges: [] } });
    const plan = planEvent({ ...event({ n: 1 }, {}, [target(), broken, target({ workflow_id: 'w3' })]), workflow_id: null, connection_id: 'c' }, registry);
    expect(plan.fate.status).toBe('dispatched');
    expect(plan.runs.map((r) => r.run.workflowId)).toEqual(['w', 'w3']);
    expect(plan.runs.map((r) => r.dispatchKey)).toEqual([`${event({}).id}:w:0`, `${event({}).id}:w3:0`]);
  });

  it('skips an event of a connection nobody listens on, saying so', () => {
    const plan = planEvent({ ...event({ n: 1 }, {}, []), workflow_id: null, connection_id: 'c' }, registry);
    expect(plan.fate).toMatchObject({ status: 'skipped', reason: 'Нет включённых правил, которые слушают это подключение' });
  });

  it('fails an event whose published version has no trigger (a UserError)', () => {
    const plan = planEvent(event({ n: 1 }, { graph: { schemaVersion: 1, nodes: [], edges: [] } }), registry);
    expect(plan.fate).toMatchObject({ status: 'failed', reason: 'В опубликованной версии правила нет триггера' });
    expect(plan.error?.bug).toBe(false);
  });
});
