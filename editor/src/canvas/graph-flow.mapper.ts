import type { Edge, Node } from '@xyflow/react';
import { GRAPH_SCHEMA_VERSION, type Graph } from '../../../core/graph/graph.schema.ts';

/** What a canvas node carries: exactly the persisted node minus id and position. */
export interface RuleNodeData extends Record<string, unknown> {
  type: string;
  version: number;
  props: Record<string, unknown>;
  label?: string;
}

export type RuleFlowNode = Node<RuleNodeData, 'rule'>;
export type RuleFlowEdge = Edge;

export const RULE_NODE_TYPE = 'rule' as const;

export function graphToFlow(graph: Graph): { nodes: RuleFlowNode[]; edges: RuleFlowEdge[] } {
  const nodes = graph.nodes.map<RuleFlowNode>((n) => ({
    id: n.id,
    type: RULE_NODE_TYPE,
    position: { x: n.position.x, y: n.position.y },
    data: {
      type: n.type,
      version: n.version,
      props: n.props ?? {},
      ...(n.label ? { label: n.label } : {}),
    },
  }));
  const edges = graph.edges.map<RuleFlowEdge>((e) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.sourceHandle ?? 'out',
    target: e.target,
    targetHandle: e.targetHandle ?? 'in',
  }));
  return { nodes, edges };
}

const round = (v: number) => Math.round(v * 10) / 10;

export function flowToGraph(nodes: RuleFlowNode[], edges: RuleFlowEdge[]): Graph {
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    nodes: nodes.map((n) => {
      const label = n.data.label?.trim();
      return {
        id: n.id,
        type: n.data.type,
        version: n.data.version,
        position: { x: round(n.position.x), y: round(n.position.y) },
        props: n.data.props ?? {},
        ...(label ? { label } : {}),
      };
    }),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      sourceHandle: e.sourceHandle ?? 'out',
      target: e.target,
      targetHandle: e.targetHandle ?? 'in',
    })),
  };
}

/** The next free id of the form `<prefix><number>`: `n1`, `n2`… or `e1`, `e2`… */
export function nextId(prefix: string, existing: Iterable<{ id: string }>): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const { id } of existing) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}
