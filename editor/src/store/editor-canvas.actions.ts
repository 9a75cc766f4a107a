import type { XYPosition } from '@xyflow/react';
import { outputsOf, type NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { nodeTypeKey } from '../api/node-types.api.ts';
import { copyNodes, freePasteOffset, pasteNodes, type ClipboardData } from '../canvas/clipboard.util.ts';
import { nextId, RULE_NODE_TYPE, type RuleFlowEdge, type RuleFlowNode } from '../canvas/graph-flow.mapper.ts';
import { defaultProps } from '../forms/json-schema.util.ts';
import type { EditorState, EditorStore } from './editor-state.types.ts';

/** Copied nodes live for the tab: paste works in another rule opened later too. */
let clipboard: ClipboardData | null = null;
let pasteCount = 0;
const PASTE_STEP = 40;

export interface HandleRef {
  nodeId: string;
  handleId: string | null;
  /** The kind of handle the drag started from. */
  type: 'source' | 'target';
}

export interface CanvasActions {
  /** A node dropped from a handle drag, connected to that handle, in one undo step. */
  addConnectedNode(info: NodeTypeInfo, position: XYPosition, from: HandleRef): string;
  /** Ids of the selected nodes (several after a box or Shift selection). */
  selectedIds(): string[];
  copy(ids?: string[]): number;
  /** Pastes the clipboard shifted from the originals; returns how many nodes were added. */
  paste(): { added: number; skippedTriggers: number };
  duplicate(ids?: string[]): { added: number; skippedTriggers: number };
  hasClipboard(): boolean;
  removeNodes(ids: string[]): void;
  /** Removes every edge of the node, keeping the node. */
  disconnect(ids: string[]): number;
  /** New positions from the auto-layout, as one undo step. */
  applyLayout(positions: Record<string, XYPosition>): void;
}

type Change = (key: string | null, patch: Partial<EditorState>) => void;

export function createCanvasActions(get: () => EditorStore, change: Change): CanvasActions {
  const isTrigger = (data: RuleFlowNode['data']) => get().nodeTypes[nodeTypeKey(data.type, data.version)]?.kind === 'trigger';
  const hasTrigger = () => get().nodes.some((n) => isTrigger(n.data));

  const insert = (data: ClipboardData, step: XYPosition) => {
    const s = get();
    const offset = freePasteOffset(data, s.nodes, step);
    const out = pasteNodes(data, { nodes: s.nodes, edges: s.edges }, offset, isTrigger, hasTrigger());
    if (out.nodes.length === 0) return { added: 0, skippedTriggers: out.skippedTriggers };
    const last = out.nodes[out.nodes.length - 1]!;
    change(null, {
      nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...out.nodes],
      edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...out.edges],
      selectedNodeId: last.id,
    });
    return { added: out.nodes.length, skippedTriggers: out.skippedTriggers };
  };

  const actions: CanvasActions = {
    addConnectedNode(info, position, from) {
      const s = get();
      const id = nextId('n', s.nodes);
      const props = defaultProps(info.propsSchema);
      const node: RuleFlowNode = { id, type: RULE_NODE_TYPE, position, selected: true, data: { type: info.type, version: info.version, props } };
      const edgeId = nextId('e', s.edges);
      const edge: RuleFlowEdge =
        from.type === 'source'
          ? { id: edgeId, source: from.nodeId, sourceHandle: from.handleId ?? 'out', target: id, targetHandle: info.inputs[0]?.id ?? 'in' }
          : { id: edgeId, source: id, sourceHandle: outputsOf(info, props)[0]?.id ?? 'out', target: from.nodeId, targetHandle: from.handleId ?? 'in' };
      change(null, {
        nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
        edges: [...s.edges, edge],
        selectedNodeId: id,
      });
      return id;
    },

    selectedIds() {
      const s = get();
      const ids = s.nodes.filter((n) => n.selected).map((n) => n.id);
      return ids.length ? ids : s.selectedNodeId ? [s.selectedNodeId] : [];
    },

    copy(ids = actions.selectedIds()) {
      const s = get();
      const data = copyNodes(s.nodes, s.edges, ids);
      if (!data) return 0;
      clipboard = data;
      pasteCount = 0;
      return data.nodes.length;
    },

    hasClipboard: () => clipboard !== null,

    paste() {
      if (!clipboard) return { added: 0, skippedTriggers: 0 };
      pasteCount++;
      return insert(clipboard, { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount });
    },

    duplicate(ids = actions.selectedIds()) {
      const s = get();
      const data = copyNodes(s.nodes, s.edges, ids);
      return data ? insert(data, { x: PASTE_STEP, y: PASTE_STEP }) : { added: 0, skippedTriggers: 0 };
    },

    removeNodes(ids) {
      if (ids.length === 0) return;
      const s = get();
      const gone = new Set(ids);
      change(null, {
        nodes: s.nodes.filter((n) => !gone.has(n.id)),
        edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
        selectedNodeId: s.selectedNodeId && gone.has(s.selectedNodeId) ? null : s.selectedNodeId,
      });
    },

    disconnect(ids) {
      const s = get();
      const set = new Set(ids);
      const edges = s.edges.filter((e) => !set.has(e.source) && !set.has(e.target));
      const removed = s.edges.length - edges.length;
      if (removed) change(null, { edges });
      return removed;
    },

    applyLayout(positions) {
      const s = get();
      const moved = s.nodes.some((n) => positions[n.id] && (positions[n.id]!.x !== n.position.x || positions[n.id]!.y !== n.position.y));
      if (!moved) return;
      change(null, { nodes: s.nodes.map((n) => (positions[n.id] ? { ...n, position: positions[n.id]! } : n)) });
    },
  };
  return actions;
}
