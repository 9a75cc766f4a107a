/**
 * What changed between two versions of a rule's graph, in counts and one Russian line for the
 * version history («+2 узла, −1 узел, изменены настройки 3 узлов, связи: +1»). Pure; positions
 * are ignored (moving a node changes nothing the rule does).
 */
import type { Graph, GraphEdge } from './graph.schema.ts';

export interface GraphDiff {
  /** True for the first version (nothing to compare with). */
  first: boolean;
  addedNodes: number;
  removedNodes: number;
  /** Nodes kept by id whose settings, label, type or version changed. */
  changedNodes: number;
  addedEdges: number;
  removedEdges: number;
  /** The line the history shows. */
  summary: string;
}

type GraphLike = Pick<Graph, 'nodes' | 'edges'>;

const edgeKey = (e: Pick<GraphEdge, 'source' | 'target'> & { sourceHandle?: string; targetHandle?: string }) =>
  JSON.stringify([e.source, e.sourceHandle ?? 'out', e.target, e.targetHandle ?? 'in']);

/** Deep equality of JSON values (props are JSON), key order ignored. No Node built-ins: shared with the browser. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Russian plural by the number: plural(2, 'узел', 'узла', 'узлов') → 'узла'. */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const nodes = (n: number) => `${n} ${plural(n, 'узел', 'узла', 'узлов')}`;
const edges = (n: number) => `${n} ${plural(n, 'связь', 'связи', 'связей')}`;
/** «настройки 1 узла», «настройки 3 узлов»: the genitive after a number. */
const ofNodes = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'узла' : 'узлов'}`;

export function describeGraphDiff(d: Omit<GraphDiff, 'summary'>, sizes?: { nodes: number; edges: number }): string {
  if (d.first) return sizes ? `Первая версия: ${nodes(sizes.nodes)}, ${edges(sizes.edges)}` : 'Первая версия';
  const parts: string[] = [];
  if (d.addedNodes) parts.push(`+${nodes(d.addedNodes)}`);
  if (d.removedNodes) parts.push(`−${nodes(d.removedNodes)}`);
  if (d.changedNodes) parts.push(`изменены настройки ${ofNodes(d.changedNodes)}`);
  const links = [d.addedEdges && `+${d.addedEdges}`, d.removedEdges && `−${d.removedEdges}`].filter(Boolean);
  if (links.length) parts.push(`связи: ${links.join(', ')}`);
  return parts.length ? parts.join(', ') : 'Схема не изменилась';
}

/** `prev` null means `next` is the first version. */
export function diffGraphs(prev: GraphLike | null, next: GraphLike): GraphDiff {
  if (!prev) {
    const d = { first: true, addedNodes: next.nodes.length, removedNodes: 0, changedNodes: 0, addedEdges: next.edges.length, removedEdges: 0 };
    return { ...d, summary: describeGraphDiff(d, { nodes: next.nodes.length, edges: next.edges.length }) };
  }
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  const after = new Map(next.nodes.map((n) => [n.id, n]));
  let addedNodes = 0;
  let changedNodes = 0;
  for (const [id, n] of after) {
    const old = before.get(id);
    if (!old) addedNodes++;
    else if (
      old.type !== n.type ||
      old.version !== n.version ||
      (old.label ?? '') !== (n.label ?? '') ||
      !sameJson(old.props ?? {}, n.props ?? {})
    ) changedNodes++;
  }
  const removedNodes = [...before.keys()].filter((id) => !after.has(id)).length;
  const oldEdges = new Set(prev.edges.map(edgeKey));
  const newEdges = new Set(next.edges.map(edgeKey));
  const addedEdges = [...newEdges].filter((k) => !oldEdges.has(k)).length;
  const removedEdges = [...oldEdges].filter((k) => !newEdges.has(k)).length;
  const d = { first: false, addedNodes, removedNodes, changedNodes, addedEdges, removedEdges };
  return { ...d, summary: describeGraphDiff(d) };
}
