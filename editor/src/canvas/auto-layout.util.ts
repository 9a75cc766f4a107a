import dagre from '@dagrejs/dagre';
import type { XYPosition } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from './node-placement.util.ts';

interface LayoutNode {
  id: string;
  position: XYPosition;
  measured?: { width?: number; height?: number };
}
interface LayoutEdge {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

/**
 * Left-to-right layered layout (dagre): the trigger on the left, each step right of the steps
 * feeding it. `portOrder` ranks a node's outputs top to bottom («Да» above «Нет»), so branches do
 * not cross. Returns top-left positions keyed by node id, the first node kept where it was.
 */
export function layoutLeftToRight(nodes: LayoutNode[], edges: LayoutEdge[], portOrder: (nodeId: string, handle: string) => number = () => 0): Record<string, XYPosition> {
  if (nodes.length === 0) return {};
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const size = (n: LayoutNode) => ({ width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? NODE_HEIGHT });
  const known = new Set(nodes.map((n) => n.id));
  const sorted = [...edges].sort((a, b) => portOrder(a.source, a.sourceHandle ?? 'out') - portOrder(b.source, b.sourceHandle ?? 'out'));
  // Dagre orders each layer starting from insertion order: nodes go in breadth-first from the
  // roots along outputs in port order, so «Да» starts above «Нет».
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const hasInput = new Set(edges.map((e) => e.target));
  const queue = nodes.filter((n) => !hasInput.has(n.id)).map((n) => n.id);
  const seen = new Set<string>();
  const order: string[] = [];
  while (queue.length || order.length < nodes.length) {
    const id = queue.shift() ?? nodes.find((n) => !seen.has(n.id))!.id;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const e of sorted) if (e.source === id && known.has(e.target) && !seen.has(e.target)) queue.push(e.target);
  }
  for (const id of order) g.setNode(id, size(byId.get(id)!));
  sorted.forEach((e, i) => {
    if (known.has(e.source) && known.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target, {}, `e${i}`);
  });
  dagre.layout(g);
  const raw: Record<string, XYPosition> = {};
  for (const n of nodes) {
    const { x, y } = g.node(n.id);
    const { width, height } = size(n);
    raw[n.id] = { x: x - width / 2, y: y - height / 2 };
  }
  // Dagre minimises crossings but may still put «Нет» above «Да»: siblings fed only by one node
  // and laid in one column trade places until they follow the port order.
  const parents = new Map<string, Set<string>>();
  for (const e of sorted) if (known.has(e.source) && known.has(e.target)) (parents.get(e.target) ?? parents.set(e.target, new Set()).get(e.target)!).add(e.source);
  for (const id of order) {
    const kids = [...new Set(sorted.filter((e) => e.source === id && parents.get(e.target)?.size === 1).map((e) => e.target))];
    const byColumn = new Map<number, string[]>();
    for (const k of kids) byColumn.set(Math.round(raw[k]!.x), [...(byColumn.get(Math.round(raw[k]!.x)) ?? []), k]);
    for (const column of byColumn.values()) {
      if (column.length < 2) continue;
      const slots = column.map((k) => raw[k]!.y).sort((a, b) => a - b);
      column.forEach((k, i) => (raw[k] = { x: raw[k]!.x, y: slots[i]! }));
    }
  }
  // Keep the picture where the user was looking: the first node stays put.
  const anchor = nodes[0]!;
  const dx = anchor.position.x - raw[anchor.id]!.x;
  const dy = anchor.position.y - raw[anchor.id]!.y;
  const out: Record<string, XYPosition> = {};
  for (const [id, p] of Object.entries(raw)) out[id] = { x: Math.round((p.x + dx) / 10) * 10, y: Math.round((p.y + dy) / 10) * 10 };
  return out;
}
