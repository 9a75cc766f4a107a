import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { GRAPH_SCHEMA_VERSION } from '../../../core/graph/graph.schema.ts';
import type { GraphIssue, Workflow } from '../api/workflows.api.ts';
import { createEditorStore } from './editor-state.store.ts';

const types: NodeTypeInfo[] = [
  { type: 'webhook.catch', plugin: 'webhook', version: 1, kind: 'trigger', title: 'Вебхук', description: '', inputs: [], outputs: [{ id: 'out', title: 'Далее' }], propsSchema: { type: 'object', properties: {} } },
  { type: 'logic.condition', plugin: 'logic', version: 1, kind: 'condition', title: 'Условие', description: '', inputs: [{ id: 'in', title: 'Вход' }], outputs: [{ id: 'true', title: 'Да' }, { id: 'false', title: 'Нет' }], propsSchema: { type: 'object', properties: {} } },
  { type: 'http.request', plugin: 'http', version: 1, kind: 'action', title: 'HTTP-запрос', description: '', inputs: [{ id: 'in', title: 'Вход' }], outputs: [{ id: 'out', title: 'Далее' }], propsSchema: { type: 'object', properties: { method: { type: 'string', default: 'POST' } } } },
];
const [hook, cond, http] = types as [NodeTypeInfo, NodeTypeInfo, NodeTypeInfo];

const noTrigger: GraphIssue = { code: 'GRAPH_NO_TRIGGER', message: 'В схеме нет триггера', severity: 'error' };
const propsIssue: GraphIssue = { code: 'NODE_PROPS_INVALID', message: 'Укажите адрес', severity: 'error', nodeId: 'n1', path: 'url' };

function setup(errors: GraphIssue[] = []) {
  const store = createEditorStore('w1');
  store.getState().setNodeTypes(types);
  store.getState().load({
    id: 'w1', name: 'Тест', description: '', status: 'draft', activeVersion: null, latestVersion: null, hasUnpublishedChanges: true,
    triggerType: null, hookUrl: null, maxAttempts: 8, createdAt: '', updatedAt: '', lastRun: null, stats24h: { runs: 0, failed: 0 },
    graph: { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [{ id: 'n1', type: 'http.request', version: 1, position: { x: 0, y: 0 }, props: {} }], edges: [] },
    validation: { errors, warnings: [] },
  } as unknown as Workflow);
  return store;
}

describe('canvas actions of the editor store', () => {
  it('adds a node from a handle drag connected to that handle, as one undo step', () => {
    const store = setup();
    const id = store.getState().addConnectedNode(cond, { x: 300, y: 0 }, { nodeId: 'n1', handleId: 'out', type: 'source' });
    expect(store.getState().edges).toEqual([{ id: 'e1', source: 'n1', sourceHandle: 'out', target: id, targetHandle: 'in' }]);
    // From an input: the new node feeds it from its first output.
    const before = store.getState().addConnectedNode(hook, { x: -300, y: 0 }, { nodeId: 'n1', handleId: 'in', type: 'target' });
    expect(store.getState().edges[1]).toMatchObject({ source: before, sourceHandle: 'out', target: 'n1', targetHandle: 'in' });
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['n1', id]);
    expect(store.getState().edges).toHaveLength(1);
  });

  it('copies, pastes with new ids shifted each time, duplicates; a second trigger is left out', () => {
    const store = setup();
    const t = store.getState().addConnectedNode(hook, { x: -300, y: 0 }, { nodeId: 'n1', handleId: 'in', type: 'target' });
    expect(store.getState().copy([t, 'n1'])).toBe(2);
    const first = store.getState().paste();
    expect(first).toEqual({ added: 1, skippedTriggers: 1 });
    const pasted = store.getState().nodes.at(-1)!;
    // A 40 px step would cover the original: the copy goes below it instead.
    expect(pasted).toMatchObject({ id: 'n3', selected: true, data: { type: 'http.request' } });
    expect(pasted.position.x).toBe(40);
    expect(pasted.position.y).toBeGreaterThanOrEqual(130);
    store.getState().paste();
    const second = store.getState().nodes.at(-1)!.position;
    expect(second.x).toBe(80);
    expect(second.y).toBeGreaterThan(pasted.position.y + 100);
    const dup = store.getState().duplicate(['n1']);
    expect(dup.added).toBe(1);
    expect(store.getState().selectedIds()).toEqual(['n5']);
  });

  it('disconnects a node, removes several and applies a layout, each undoable', () => {
    const store = setup();
    const c = store.getState().addConnectedNode(cond, { x: 300, y: 0 }, { nodeId: 'n1', handleId: 'out', type: 'source' });
    store.getState().addConnectedNode(http, { x: 600, y: 0 }, { nodeId: c, handleId: 'true', type: 'source' });
    expect(store.getState().disconnect([c])).toBe(2);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().edges).toHaveLength(2);
    store.getState().applyLayout({ n1: { x: 10, y: 20 } });
    expect(store.getState().nodes[0]!.position).toEqual({ x: 10, y: 20 });
    store.getState().removeNodes([c, 'n1']);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['n3']);
    store.getState().undo();
    expect(store.getState().nodes).toHaveLength(3);
  });
});

describe('live problems', () => {
  it('drops the server’s stale structural issues as soon as the editor validated, keeps props issues', () => {
    const store = setup([noTrigger, propsIssue]);
    expect(store.getState().issues.map((i) => i.code).sort()).toEqual(['GRAPH_NO_TRIGGER', 'NODE_PROPS_INVALID']);
    store.getState().setClientIssues([]);
    expect(store.getState().issues.map((i) => i.code)).toEqual(['NODE_PROPS_INVALID']);
    // A removed node takes its issues with it.
    store.getState().removeNodes(['n1']);
    store.getState().setClientIssues([]);
    expect(store.getState().issues).toEqual([]);
  });
});
