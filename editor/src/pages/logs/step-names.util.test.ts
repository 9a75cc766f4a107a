import { describe, expect, it } from 'vitest';
import { stepNames } from './step-names.util.ts';
import type { NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';
import type { Graph } from '../../../../core/graph/graph.schema.ts';

const type = (t: Partial<NodeTypeInfo>): NodeTypeInfo => ({
  type: 'x.y', plugin: 'x', version: 1, kind: 'action', title: 'Узел', description: '', inputs: [], outputs: [], propsSchema: {}, ...t,
});
const condition = type({ type: 'logic.condition', kind: 'condition', title: 'Условие', outputs: [{ id: 'true', title: 'Да' }, { id: 'false', title: 'Нет' }] });
const http = type({ type: 'http.request', title: 'HTTP-запрос', outputs: [{ id: 'out', title: 'Далее' }] });
const graph: Graph = {
  schemaVersion: 1,
  nodes: [
    { id: 'n2', type: 'logic.condition', version: 1, position: { x: 0, y: 0 }, props: {}, label: 'Город Краснодар' },
    { id: 'n3', type: 'http.request', version: 1, position: { x: 0, y: 0 }, props: {} },
  ],
  edges: [],
} as Graph;

describe('stepNames', () => {
  it('uses the user\'s label with the type title beside it, and the branch in words', () => {
    expect(stepNames({ nodeId: 'n2', nodeType: 'logic.condition', branch: 'false' }, graph, [condition, http])).toEqual({ title: 'Город Краснодар', typeTitle: 'Условие', branchTitle: 'Нет' });
  });

  it('an action\'s only way out is not a branch', () => {
    expect(stepNames({ nodeId: 'n3', nodeType: 'http.request', branch: 'out' }, graph, [condition, http])).toEqual({ title: 'HTTP-запрос', typeTitle: null, branchTitle: null });
  });

  it('never falls back to a node id or a type id', () => {
    const names = stepNames({ nodeId: 'n9', nodeType: 'gone.plugin', branch: 'true' }, graph, []);
    expect(names.title).toBe('Шаг неизвестного типа');
    expect(names.branchTitle).toBe('Да');
    expect(JSON.stringify(names)).not.toMatch(/n9|gone\.plugin/);
  });
});
