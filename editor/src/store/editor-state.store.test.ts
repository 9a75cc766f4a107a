import { describe, expect, it } from 'vitest';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { GRAPH_SCHEMA_VERSION } from '../../../core/graph/graph.schema.ts';
import type { Workflow } from '../api/workflows.api.ts';
import { createEditorStore } from './editor-state.store.ts';

const types: NodeTypeInfo[] = [
  { type: 'webhook.catch', plugin: 'webhook', version: 1, kind: 'trigger', title: 'Вебхук', description: '', inputs: [], outputs: [{ id: 'out', title: 'Далее' }], propsSchema: { type: 'object', properties: {} } },
  {
    type: 'logic.switch', plugin: 'logic', version: 1, kind: 'condition', title: 'Ветвление', description: '',
    inputs: [{ id: 'in', title: 'Вход' }], outputs: [],
    dynamicOutputs: { fromProp: 'branches', idKey: 'id', titleKey: 'name', extra: [{ id: 'otherwise', title: 'Иначе' }] },
    propsSchema: { type: 'object', properties: { branches: { type: 'array', default: [] } } },
  },
  { type: 'http.request', plugin: 'http', version: 1, kind: 'action', title: 'HTTP-запрос', description: '', inputs: [{ id: 'in', title: 'Вход' }], outputs: [{ id: 'out', title: 'Далее' }], propsSchema: { type: 'object', properties: { method: { type: 'string', default: 'POST' } } } },
];

const workflow = {
  id: 'w1', name: 'Тест', description: '', status: 'draft', activeVersion: null, latestVersion: null, hasUnpublishedChanges: false,
  triggerType: null, hookUrl: null, maxAttempts: 8, createdAt: '', updatedAt: '', lastRun: null, stats24h: { runs: 0, failed: 0, retrying: 0 },
  graph: { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] }, validation: { errors: [], warnings: [] },
} satisfies Workflow;

function setup() {
  const store = createEditorStore('w1');
  store.getState().setNodeTypes(types);
  store.getState().load(workflow);
  return store;
}

describe('editor store', () => {
  it('adds nodes with default props, numbered ids and an edge from the anchor', () => {
    const store = setup();
    const s = store.getState();
    const n1 = s.addNode(types[0], { x: 0, y: 0 });
    const n2 = store.getState().addNode(types[2], { x: 300, y: 0 }, n1);
    const st = store.getState();
    expect([n1, n2]).toEqual(['n1', 'n2']);
    expect(st.nodes[1].data.props).toEqual({ method: 'POST' });
    expect(st.edges).toEqual([{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }]);
    expect(st.selectedNodeId).toBe('n2');
    expect(st.dirty).toBe(true);
  });

  it('undoes and redoes, coalescing typing in one field', () => {
    const store = setup();
    store.getState().addNode(types[2], { x: 0, y: 0 });
    store.getState().updateNodeProps('n1', { method: 'G' });
    store.getState().updateNodeProps('n1', { method: 'GET' });
    store.getState().undo();
    expect(store.getState().nodes[0].data.props).toEqual({ method: 'POST' });
    store.getState().undo();
    expect(store.getState().nodes).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().nodes[0].data.props).toEqual({ method: 'GET' });
  });

  it('refuses invalid connections and drops edges of removed dynamic ports', () => {
    const store = setup();
    const s = store.getState();
    s.addNode(types[0], { x: 0, y: 0 });
    store.getState().addNode(types[1], { x: 300, y: 0 }, 'n1');
    store.getState().updateNodeProps('n2', { branches: [{ id: 'b1', name: 'Москва' }] });
    store.getState().addNode(types[2], { x: 600, y: 0 });
    expect(store.getState().connect({ source: 'n3', target: 'n1', sourceHandle: 'out', targetHandle: 'in' })).toBe('trigger-target');
    expect(store.getState().connect({ source: 'n2', target: 'n3', sourceHandle: 'b1', targetHandle: 'in' })).toBeNull();
    expect(store.getState().edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    store.getState().updateNodeProps('n2', { branches: [] });
    expect(store.getState().edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('keeps the dirty flag when edits happened during a save', () => {
    const store = setup();
    store.getState().addNode(types[0], { x: 0, y: 0 });
    const revision = store.getState().revision;
    store.getState().setName('Новое имя');
    store.getState().markSaved(workflow, revision);
    expect(store.getState().dirty).toBe(true);
    store.getState().markSaved(workflow, store.getState().revision);
    expect(store.getState().dirty).toBe(false);
  });
});
