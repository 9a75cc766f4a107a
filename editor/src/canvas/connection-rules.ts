import type { Connection } from '@xyflow/react';
import type { NodeKind } from '../../../core/graph/node-catalog.ts';

interface EdgeLike {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type ConnectionRefusal = 'self' | 'trigger-target' | 'duplicate' | 'cycle' | 'incomplete';

export const REFUSAL_MESSAGES: Record<ConnectionRefusal, string> = {
  self: 'Узел нельзя соединить сам с собой',
  'trigger-target': 'В триггер нельзя провести связь: он всегда начинает правило',
  duplicate: 'Такая связь уже есть',
  cycle: 'Связь создала бы цикл',
  incomplete: 'Связь не завершена',
};

/** True when `to` can be reached from `from` following edges. */
export function reaches(from: string, to: string, edges: EdgeLike[]): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/** Why a connection is refused, or null when it is fine. */
export function refuseConnection(
  conn: Connection | EdgeLike,
  edges: EdgeLike[],
  kindOf: (nodeId: string) => NodeKind | undefined,
): ConnectionRefusal | null {
  if (!conn.source || !conn.target) return 'incomplete';
  if (conn.source === conn.target) return 'self';
  if (kindOf(conn.target) === 'trigger') return 'trigger-target';
  const sh = conn.sourceHandle ?? 'out';
  const th = conn.targetHandle ?? 'in';
  if (edges.some((e) => e.source === conn.source && e.target === conn.target && (e.sourceHandle ?? 'out') === sh && (e.targetHandle ?? 'in') === th)) {
    return 'duplicate';
  }
  if (reaches(conn.target, conn.source, edges)) return 'cycle';
  return null;
}

/** Ids of every node upstream of `nodeId` (its ancestors), nearest first. */
export function upstreamOf(nodeId: string, edges: EdgeLike[]): string[] {
  const incoming = new Map<string, string[]>();
  for (const e of edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  const order: string[] = [];
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const src of incoming.get(id) ?? []) {
        if (seen.has(src)) continue;
        seen.add(src);
        order.push(src);
        next.push(src);
      }
    }
    frontier = next;
  }
  return order;
}

interface PickableType {
  kind: NodeKind;
  inputs: { id: string }[];
  outputs: { id: string }[];
  dynamicOutputs?: unknown;
}

/**
 * Node types the picker offers when a connection is dropped on empty canvas. From an output
 * («source») the new node receives the edge: it needs an input, and a trigger never has one. From
 * an input («target») the new node feeds it: it needs an output; a trigger only while the rule
 * has none.
 */
export function connectableTypes<T extends PickableType>(types: T[], from: 'source' | 'target', hasTrigger: boolean): T[] {
  return types.filter((t) => {
    if (from === 'source') return t.kind !== 'trigger' && t.inputs.length > 0;
    if (t.kind === 'trigger' && hasTrigger) return false;
    return t.outputs.length > 0 || Boolean(t.dynamicOutputs);
  });
}
