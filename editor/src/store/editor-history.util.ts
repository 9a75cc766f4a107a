import type { RuleFlowEdge, RuleFlowNode } from '../canvas/graph-flow.mapper.ts';

export interface EditorSnapshot {
  nodes: RuleFlowNode[];
  edges: RuleFlowEdge[];
}

export const HISTORY_CAP = 100;
/** Edits with the same key closer than this (typing in one field) make one undo step. */
export const COALESCE_MS = 1200;

export interface History {
  past: EditorSnapshot[];
  future: EditorSnapshot[];
  lastKey: string | null;
  lastAt: number;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Snapshots ignore the transient flags React Flow puts on elements. */
export function snapshotOf(nodes: RuleFlowNode[], edges: RuleFlowEdge[]): EditorSnapshot {
  return {
    nodes: nodes.map((n) => (n.selected || n.dragging ? { ...n, selected: false, dragging: false } : n)),
    edges: edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
  };
}

/** Records `current` before a change; consecutive changes with the same key coalesce. */
export function record(h: History, current: EditorSnapshot, key: string | null, now: number): History {
  if (key !== null && key === h.lastKey && now - h.lastAt < COALESCE_MS) {
    return { ...h, lastAt: now };
  }
  const past = [...h.past, current];
  if (past.length > HISTORY_CAP) past.splice(0, past.length - HISTORY_CAP);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(h: History, current: EditorSnapshot): { history: History; snapshot: EditorSnapshot } | null {
  const prev = h.past[h.past.length - 1];
  if (!prev) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: 0 },
    snapshot: prev,
  };
}

export function redo(h: History, current: EditorSnapshot): { history: History; snapshot: EditorSnapshot } | null {
  const next = h.future[0];
  if (!next) return null;
  return {
    history: { past: [...h.past, current], future: h.future.slice(1), lastKey: null, lastAt: 0 },
    snapshot: next,
  };
}
