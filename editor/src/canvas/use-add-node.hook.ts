import { useCallback } from 'react';
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import { useEditorApi } from '../store/editor-store.context.tsx';
import { toast } from '../store/editor-toast.store.ts';
import { freeSpot, NODE_HEIGHT, NODE_WIDTH, placeNewNode } from './node-placement.util.ts';

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

  /** Pans/zooms out just enough to show the new node (and the node it was attached to). */
  const reveal = useCallback(
    (p: XYPosition, ids: string[]) => {
      const { width, height, transform } = flowStore.getState();
      const [tx, ty, zoom] = transform;
      const sx = p.x * zoom + tx;
      const sy = p.y * zoom + ty;
      const outside = sx < 0 || sy < 0 || sx + NODE_WIDTH * zoom > width || sy + NODE_HEIGHT * zoom > height;
      if (!outside) return;
      // After the node is rendered and measured.
      setTimeout(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 220, padding: 0.2, maxZoom: zoom }), 60);
    },
    [flow, flowStore],
  );

  const addByClick = useCallback(
    (info: NodeTypeInfo) => {
      if (!allowed(info)) return;
      const s = api.getState();
      const { width, height, transform } = flowStore.getState();
      const [tx, ty, zoom] = transform;
      const center = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
      const anchor = s.selectedNodeId ? s.nodes.find((n) => n.id === s.selectedNodeId) : undefined;
      const position = placeNewNode(s.nodes, info.kind === 'trigger' ? undefined : anchor, center);
      const id = s.addNode(info, position, info.kind === 'trigger' ? null : anchor?.id);
      reveal(position, anchor && info.kind !== 'trigger' ? [anchor.id, id] : [id]);
    },
    [allowed, api, flowStore, reveal],
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

  return { addByClick, addAtScreen };
}
