import { describe, expect, it } from 'vitest';
import type { Graph } from './graph.schema.ts';
import { describeGraphDiff, diffGraphs, plural, sameJson } from './graph-diff.ts';

const node = (id: string, props: Record<string, unknown> = {}, extra: Partial<Graph['nodes'][number]> = {}) => ({
  id, type: 'test.node', version: 1, position: { x: 0, y: 0 }, props, ...extra,
});
const edge = (id: string, source: string, target: string, sourceHandle = 'out') => ({ id, source, sourceHandle, target, targetHandle: 'in' });
const graph = (nodes: Graph['nodes'], edges: Graph['edges'] = []): Graph => ({ schemaVersion: 1, nodes, edges });

describe('diffGraphs', () => {
  const v1 = graph([node('n1'), node('n2', { a: 1 }), node('n3', { b: [1, 2] })], [edge('e1', 'n1', 'n2'), edge('e2', 'n2', 'n3')]);

  it('describes the first version by its size', () => {
    expect(diffGraphs(null, v1)).toMatchObject({ first: true, summary: 'Первая версия: 3 узла, 2 связи' });
    expect(diffGraphs(null, graph([node('n1')])).summary).toBe('Первая версия: 1 узел, 0 связей');
  });

  it('counts added, removed and changed nodes and edges; ignores positions and key order', () => {
    const v2 = graph(
      [
        node('n1', {}, { position: { x: 500, y: 90 } }),
        node('n2', { a: 2 }),
        node('n4'),
        node('n5'),
      ],
      [edge('e9', 'n1', 'n2'), edge('e3', 'n2', 'n4'), edge('e4', 'n2', 'n5')],
    );
    const d = diffGraphs(v1, v2);
    expect(d).toMatchObject({ first: false, addedNodes: 2, removedNodes: 1, changedNodes: 1, addedEdges: 2, removedEdges: 1 });
    expect(d.summary).toBe('+2 узла, −1 узел, изменены настройки 1 узла, связи: +2, −1');
  });

  it('sees a label, type or version change as a change of settings, and nothing as nothing', () => {
    const relabelled = graph([node('n1', {}, { label: 'Старт' }), node('n2', { a: 1 }), node('n3', { b: [1, 2] }, { version: 2 })], v1.edges);
    expect(diffGraphs(v1, relabelled).summary).toBe('изменены настройки 2 узлов');
    expect(diffGraphs(v1, structuredClone(v1)).summary).toBe('Схема не изменилась');
  });

  it('an edge moved to another output is one removed and one added', () => {
    const moved = graph(v1.nodes, [edge('e1', 'n1', 'n2'), edge('e2', 'n2', 'n3', 'false')]);
    expect(diffGraphs(v1, moved).summary).toBe('связи: +1, −1');
  });
});

describe('helpers', () => {
  it('plural', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 112].map((n) => plural(n, 'узел', 'узла', 'узлов'))).toEqual(['узел', 'узла', 'узлов', 'узлов', 'узел', 'узла', 'узлов', 'узлов']);
  });
  it('describeGraphDiff genitive', () => {
    const d = { first: false, addedNodes: 0, removedNodes: 0, changedNodes: 21, addedEdges: 0, removedEdges: 0 };
    expect(describeGraphDiff(d)).toBe('изменены настройки 21 узла');
  });
  it('sameJson', () => {
    expect(sameJson({ a: 1, b: { c: [1, 'x'] } }, { b: { c: [1, 'x'] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
  });
});
