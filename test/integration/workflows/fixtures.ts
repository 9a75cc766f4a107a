/** Graphs built from the test plugin's nodes (test_kit.ping → test_kit.is_even → test_kit.echo). */
import type { Graph } from '../../../core/graph/graph.schema.ts';

const at = (x: number) => ({ x, y: 0 });

/** A valid graph: every node set up, every edge on an existing port. */
export function validGraph(text = 'чётное'): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', type: 'test_kit.ping', version: 1, position: at(0), props: {} },
      { id: 'check', type: 'test_kit.is_even', version: 1, position: at(200), props: { value: 2 } },
      { id: 'say', type: 'test_kit.echo', version: 1, position: at(400), props: { text } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourceHandle: 'out', target: 'check', targetHandle: 'in' },
      { id: 'e2', source: 'check', sourceHandle: 'true', target: 'say', targetHandle: 'in' },
    ],
  };
}

/** Well-formed but invalid: the echo node lacks its required text, an edge leaves a missing port. */
export function invalidGraph(): Graph {
  const g = validGraph();
  g.nodes[2]!.props = {};
  g.edges[1]!.sourceHandle = 'maybe';
  return g;
}

/** A graph with no trigger at all (a draft may look like this). */
export function triggerlessGraph(): Graph {
  const g = validGraph();
  return { ...g, nodes: g.nodes.slice(1), edges: g.edges.slice(1) };
}
