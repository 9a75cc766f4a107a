import type { XYPosition } from '@xyflow/react';
import { nextId, type RuleFlowEdge, type RuleFlowNode } from './graph-flow.mapper.ts';

/** What Ctrl+C keeps: the chosen nodes and the edges between them, as plain data. */
export interface ClipboardData {
  nodes: { id: string; position: XYPosition; data: RuleFlowNode['data'] }[];
  edges: { source: string; sourceHandle: string; target: string; targetHandle: string }[];
}

export function copyNodes(nodes: RuleFlowNode[], edges: RuleFlowEdge[], ids: Iterable<string>): ClipboardData | null {
  const chosen = new Set(ids);
  const picked = nodes.filter((n) => chosen.has(n.id));
  if (picked.length === 0) return null;
  return {
    nodes: picked.map((n) => ({ id: n.id, position: { ...n.position }, data: structuredClone(n.data) })),
    edges: edges
      .filter((e) => chosen.has(e.source) && chosen.has(e.target))
      .map((e) => ({ source: e.source, sourceHandle: e.sourceHandle ?? 'out', target: e.target, targetHandle: e.targetHandle ?? 'in' })),
  };
}

/** `{{n2.body.id}}` → `{{n7.body.id}}` for nodes that were copied together. */
function remapTemplates(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(/\{\{(\s*)([A-Za-z0-9_-]+)(?=[\s.|[}])/g, (m, space: string, root: string) => {
      const to = ids.get(root);
      return to ? `{{${space}${to}` : m;
    });
  }
  if (Array.isArray(value)) return value.map((v) => remapTemplates(v, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapTemplates(v, ids)]));
  return value;
}

export interface PasteResult {
  nodes: RuleFlowNode[];
  edges: RuleFlowEdge[];
  /** Triggers left out: a rule has one. */
  skippedTriggers: number;
}

/**
 * New nodes (fresh ids, shifted by `offset`, selected) and edges for pasted data. References
 * between the pasted nodes in templates follow the new ids; triggers are skipped when
 * `isTrigger` says so and the rule already has one.
 */
export function pasteNodes(
  data: ClipboardData,
  existing: { nodes: RuleFlowNode[]; edges: RuleFlowEdge[] },
  offset: XYPosition,
  isTrigger: (data: RuleFlowNode['data']) => boolean,
  hasTrigger: boolean,
): PasteResult {
  const ids = new Map<string, string>();
  const taken = [...existing.nodes];
  let skippedTriggers = 0;
  let triggerTaken = hasTrigger;
  for (const n of data.nodes) {
    if (isTrigger(n.data)) {
      if (triggerTaken) {
        skippedTriggers++;
        continue;
      }
      triggerTaken = true;
    }
    const id = nextId('n', taken);
    ids.set(n.id, id);
    taken.push({ id } as RuleFlowNode);
  }
  const nodes: RuleFlowNode[] = data.nodes
    .filter((n) => ids.has(n.id))
    .map((n) => ({
      id: ids.get(n.id)!,
      type: 'rule',
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
      selected: true,
      data: { ...structuredClone(n.data), props: remapTemplates(n.data.props, ids) as Record<string, unknown> },
    }));
  const edgeIds = [...existing.edges];
  const edges: RuleFlowEdge[] = [];
  for (const e of data.edges) {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (!source || !target) continue;
    const edge = { id: nextId('e', edgeIds), source, sourceHandle: e.sourceHandle, target, targetHandle: e.targetHandle };
    edgeIds.push(edge);
    edges.push(edge);
  }
  return { nodes, edges, skippedTriggers };
}

interface Sized {
  position: XYPosition;
  measured?: { width?: number; height?: number };
}

/**
 * Where pasted nodes go: `start` (a small step from the originals) unless that covers an existing
 * node; then further down, one group height at a time, so copies never land on top of other steps.
 */
export function freePasteOffset(data: ClipboardData, existing: Sized[], start: XYPosition, size = { width: 240, height: 110 }): XYPosition {
  const box = (p: XYPosition, n?: Sized) => ({ x: p.x, y: p.y, w: n?.measured?.width ?? size.width, h: n?.measured?.height ?? size.height });
  const taken = existing.map((n) => box(n.position, n));
  const hits = (o: XYPosition) =>
    data.nodes.some((c) => {
      const a = box({ x: c.position.x + o.x, y: c.position.y + o.y });
      return taken.some((b) => a.x < b.x + b.w + 20 && a.x + a.w + 20 > b.x && a.y < b.y + b.h + 20 && a.y + a.h + 20 > b.y);
    });
  const ys = data.nodes.map((n) => n.position.y);
  const groupHeight = Math.max(...ys) - Math.min(...ys) + size.height;
  let offset = start;
  for (let i = 0; i < 30 && hits(offset); i++) offset = { x: start.x, y: offset.y + Math.max(40, Math.min(groupHeight, size.height)) + 20 };
  return offset;
}
