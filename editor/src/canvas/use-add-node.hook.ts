import { useCallback } from 'react';
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { useEditorApi } from '../store/editor-store.context.tsx';
import { toast } from '../store/editor-toast.store.ts';
import type { HandleRef } from '../store/editor-canvas.actions.ts';
import { freeSpot, NODE_HEIGHT, NODE_WIDTH, placeNewNode, viewRect } from './node-placement.util.ts';

export const PALETTE_MIME = 'application/x-rule-node-type';

/** Adding nodes from the palette: by click (placed next to the selection) or by drop. */
export function useAddNode() {
  const api = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  const allowed = useCallback(
    (info: NodeTypeInfo) => {
      if (info.kind !== 'trigger') return true;
      const s = api.getState();
      const hasTrigger = s.nodes.some((n) => s.nodeTypes[`${n.data.type}@${n.data.version}`]?.kind === 'trigger');
      if (hasTrigger) toast.warning('В правиле может быть только один триггер. Удалите текущий, чтобы выбрать другой.');
      return !hasTrigger;
    },
    [api],
  );

  const view = useCallback(() => {
    const { width, height, transform } = flowStore.getState();
    return viewRect(width, height, transform);
  }, [flowStore]);

  /** Pans/zooms out just enough to show the new node (and the node it was attached to). */
  const reveal = useCallback(
    (p: XYPosition, ids: string[]) => {
      const r = view();
      const outside = p.x < r.x || p.y < r.y || p.x + NODE_WIDTH > r.x + r.width || p.y + NODE_HEIGHT > r.y + r.height;
      if (!outside) return;
      const zoom = flowStore.getState().transform[2];
      // After the node is rendered and measured.
      setTimeout(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 220, padding: 0.2, maxZoom: zoom }), 60);
    },
    [flow, flowStore, view],
  );

  const addByClick = useCallback(
    (info: NodeTypeInfo) => {
      if (!allowed(info)) return;
      const s = api.getState();
      const anchor = s.selectedNodeId ? s.nodes.find((n) => n.id === s.selectedNodeId) : undefined;
      const attach = info.kind !== 'trigger' && info.inputs.length > 0 ? anchor : undefined;
      const position = placeNewNode(s.nodes, attach, view());
      const id = s.addNode(info, position, attach?.id ?? null);
      reveal(position, attach ? [attach.id, id] : [id]);
    },
    [allowed, api, reveal, view],
  );

  const addAtScreen = useCallback(
    (info: NodeTypeInfo, screen: XYPosition) => {
      if (!allowed(info)) return;
      const p = flow.screenToFlowPosition(screen);
      const s = api.getState();
      s.addNode(info, freeSpot({ x: p.x - NODE_WIDTH / 2, y: p.y - 30 }, s.nodes), null);
    },
    [allowed, api, flow],
  );

  /**
   * The node picked after a connection was dropped on empty canvas: placed where it was dropped
   * and connected to the handle the drag started from (an output feeds it, an input is fed by it).
   */
  const addFromHandle = useCallback(
    (info: NodeTypeInfo, screen: XYPosition, from: HandleRef) => {
      if (!allowed(info)) return null;
      const p = flow.screenToFlowPosition(screen);
      const s = api.getState();
      const position = freeSpot({ x: from.type === 'source' ? p.x : p.x - NODE_WIDTH, y: p.y - 30 }, s.nodes);
      const id = s.addConnectedNode(info, position, from);
      reveal(position, [from.nodeId, id]);
      return id;
    },
    [allowed, api, flow, reveal],
  );

  return { addByClick, addAtScreen, addFromHandle };
}
