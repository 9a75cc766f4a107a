/**
 * Graph helpers for the executor and the editor.
 *
 * Execution semantics (the executor walks a validated, acyclic graph):
 * - the run starts at the trigger;
 * - a condition returns a branch id (an output handle) or null: only the edges leaving that handle
 *   are followed, null ends the branch;
 * - an action continues via `out`, or via `error` when it failed with a UserError and has that port;
 * - nodes run breadth-first, in edge order, one at a time;
 * - a node with several incoming edges runs ONCE, when it is first reached; it does not wait for
 *   its other parents, so it sees only the outputs of nodes that ran before it. `createWalk` below
 *   implements exactly this.
 */
import type { Graph, GraphEdge, GraphNode } from './graph.schema.ts';
import type { NodeCatalog } from './node-catalog.ts';

export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  /** nodeId → sourceHandle → edges, in the graph's edge order. */
  outgoing: Map<string, Map<string, GraphEdge[]>>;
  /** nodeId → edges arriving at it. */
  incoming: Map<string, GraphEdge[]>;
}

export class GraphTraversalError extends Error {
  readonly code: string;
  readonly nodeIds: string[];
  constructor(code: string, message: string, nodeIds: string[] = []) {
    super(message);
    this.name = 'GraphTraversalError';
    this.code = code;
    this.nodeIds = nodeIds;
  }
}

/** Edges whose ends are missing are left out: they cannot be followed. */
export function buildIndex(graph: Pick<Graph, 'nodes' | 'edges'>): GraphIndex {
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const outgoing = new Map<string, Map<string, GraphEdge[]>>();
  const incoming = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    let byHandle = outgoing.get(edge.source);
    if (!byHandle) outgoing.set(edge.source, (byHandle = new Map()));
    const list = byHandle.get(edge.sourceHandle);
    if (list) list.push(edge);
    else byHandle.set(edge.sourceHandle, [edge]);
    const into = incoming.get(edge.target);
    if (into) into.push(edge);
    else incoming.set(edge.target, [edge]);
  }
  return { nodes, outgoing, incoming };
}

/**
 * The trigger node. With a catalog (or a predicate), the first node of kind `trigger`; without,
 * the only node that no edge enters (undefined when there are none or several).
 */
export function findTrigger(
  graph: Pick<Graph, 'nodes' | 'edges'>,
  isTrigger?: Pick<NodeCatalog, 'get'> | ((node: GraphNode) => boolean),
): GraphNode | undefined {
  if (typeof isTrigger === 'function') return graph.nodes.find(isTrigger);
  if (isTrigger) return graph.nodes.find((n) => isTrigger.get(n.type, n.version)?.kind === 'trigger');
  const entered = new Set(graph.edges.map((e) => e.target));
  const roots = graph.nodes.filter((n) => !entered.has(n.id));
  return roots.length === 1 ? roots[0] : undefined;
}

/** Ids of the nodes the edges leaving `handle` of `nodeId` lead to, in edge order, without repeats. */
export function nextNodes(index: GraphIndex, nodeId: string, handle: string | null): string[] {
  if (handle === null) return [];
  const edges = index.outgoing.get(nodeId)?.get(handle) ?? [];
  return [...new Set(edges.map((e) => e.target))];
}

/** Ids of every node reachable from `nodeId` through any handle, the start node included. */
export function reachableFrom(index: GraphIndex, nodeId: string): Set<string> {
  const seen = new Set<string>();
  if (!index.nodes.has(nodeId)) return seen;
  const stack = [nodeId];
  seen.add(nodeId);
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edges of index.outgoing.get(id)?.values() ?? []) {
      for (const e of edges) {
        if (!seen.has(e.target)) {
          seen.add(e.target);
          stack.push(e.target);
        }
      }
    }
  }
  return seen;
}

/** Node ids of all nodes upstream of `nodeId` (whose output it may use), itself excluded. */
export function ancestorsOf(index: GraphIndex, nodeId: string): Set<string> {
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length > 0) {
    for (const e of index.incoming.get(stack.pop()!) ?? []) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  seen.delete(nodeId);
  return seen;
}

/**
 * Node ids so that every edge goes forward (Kahn's algorithm, deterministic: roots in node order,
 * then first-in first-out). Throws GraphTraversalError `GRAPH_CYCLE` naming the nodes left over.
 */
export function topologicalOrder(graph: Pick<Graph, 'nodes' | 'edges'>): string[] {
  const index = buildIndex(graph);
  const indegree = new Map<string, number>();
  for (const id of index.nodes.keys()) indegree.set(id, 0);
  for (const [id, edges] of index.incoming) indegree.set(id, new Set(edges.map((e) => e.source)).size);
  const order: string[] = [];
  const ready = [...index.nodes.keys()].filter((id) => indegree.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    const targets = new Set<string>();
    for (const edges of index.outgoing.get(id)?.values() ?? []) for (const e of edges) targets.add(e.target);
    for (const t of targets) {
      const left = indegree.get(t)! - 1;
      indegree.set(t, left);
      if (left === 0) ready.push(t);
    }
  }
  if (order.length < index.nodes.size) {
    const rest = [...index.nodes.keys()].filter((id) => !order.includes(id));
    throw new GraphTraversalError('GRAPH_CYCLE', `В схеме есть цикл: ${rest.join(', ')}`, rest);
  }
  return order;
}

export interface Walk {
  /** The next node to run, or undefined when the run is over. */
  next(): string | undefined;
  /**
   * Reports that `nodeId` finished and which handle(s) to follow (null: stop this branch).
   * Targets already run or queued are not queued again.
   */
  complete(nodeId: string, handles: string | readonly string[] | null): void;
  /** Nodes handed out by `next`, in order. */
  readonly visited: readonly string[];
  /** Whether nodes are queued: false after the last node's `complete` means the run is over. */
  hasPending(): boolean;
}

/** The executor's walk from the trigger, implementing the semantics described at the top. */
export function createWalk(index: GraphIndex, startId: string): Walk {
  const queue: string[] = index.nodes.has(startId) ? [startId] : [];
  const scheduled = new Set(queue);
  const visited: string[] = [];
  return {
    visited,
    hasPending: () => queue.length > 0,
    next() {
      const id = queue.shift();
      if (id !== undefined) visited.push(id);
      return id;
    },
    complete(nodeId, handles) {
      const list = handles === null ? [] : typeof handles === 'string' ? [handles] : handles;
      for (const handle of list) {
        for (const target of nextNodes(index, nodeId, handle)) {
          if (scheduled.has(target)) continue;
          scheduled.add(target);
          queue.push(target);
        }
      }
    },
  };
}
