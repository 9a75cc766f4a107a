import { describe, expect, it } from 'vitest';
import { GRAPH_SCHEMA_VERSION, type Graph } from '../../../core/graph/graph.schema.ts';
import { flowToGraph, graphToFlow, nextId } from './graph-flow.mapper.ts';

const graph: Graph = {
  schemaVersion: GRAPH_SCHEMA_VERSION,
  nodes: [
    { id: 'n1', type: 'webhook.catch', version: 1, position: { x: 0, y: 0 }, props: { secretHeader: 'X-Key' } },
    { id: 'n2', type: 'logic.condition', version: 1, position: { x: 320, y: 40 }, props: {}, label: 'Есть телефон?' },
    { id: 'n10', type: 'http.request', version: 2, position: { x: 640, y: 0 }, props: { url: '{{trigger.body.url}}' } },
  ],
  edges: [
    { id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n10', targetHandle: 'in' },
  ],
};

describe('graph ↔ React Flow', () => {
  it('round-trips a graph unchanged', () => {
    const { nodes, edges } = graphToFlow(graph);
    expect(flowToGraph(nodes, edges)).toEqual(graph);
  });

  it('maps nodes to the custom node type with their data', () => {
    const { nodes, edges } = graphToFlow(graph);
    expect(nodes[1]).toMatchObject({
      id: 'n2',
      type: 'rule',
      position: { x: 320, y: 40 },
      data: { type: 'logic.condition', version: 1, props: {}, label: 'Есть телефон?' },
    });
    expect(edges[1]).toMatchObject({ source: 'n2', sourceHandle: 'true', target: 'n10', targetHandle: 'in' });
  });

  it('drops React Flow state, empty labels and rounds positions', () => {
    const { nodes, edges } = graphToFlow(graph);
    const moved = nodes.map((n, i) =>
      i === 0 ? { ...n, selected: true, dragging: true, measured: { width: 240, height: 90 }, position: { x: 10.04, y: 20.06 }, data: { ...n.data, label: '  ' } } : n,
    );
    const out = flowToGraph(moved, [{ ...edges[0], selected: true, sourceHandle: null, targetHandle: undefined }]);
    expect(out.nodes[0]).toEqual({ id: 'n1', type: 'webhook.catch', version: 1, position: { x: 10, y: 20.1 }, props: { secretHeader: 'X-Key' } });
    expect(out.edges).toEqual([{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', targetHandle: 'in' }]);
  });

  it('finds the next free id', () => {
    expect(nextId('n', graph.nodes)).toBe('n11');
    expect(nextId('e', graph.edges)).toBe('e3');
    expect(nextId('n', [])).toBe('n1');
    expect(nextId('e', [{ id: 'custom' }, { id: 'e7' }])).toBe('e8');
  });
});
